package org.kenes.consensus;

/**
 * A two-sided Mann–Whitney U test of two independent samples.
 *
 * @param u U of the first sample: how many of its ratings exceed one of the second's (ties count one half)
 * @param exact whether p comes from the exact permutation distribution rather than the normal approximation
 */
public record MannWhitneyResult(long n1, long n2, double u, double p, boolean exact) {

  /** "exact" or "asymptotic", as results name it. */
  public String method() {
    return exact ? "exact" : "asymptotic";
  }
}
