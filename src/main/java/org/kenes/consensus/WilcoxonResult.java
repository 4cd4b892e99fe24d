package org.kenes.consensus;

/**
 * A two-sided Wilcoxon signed-rank test.
 *
 * @param nonZeroPairs n', the pairs left after dropping zero differences
 * @param t min(W+, W−)
 * @param exact whether p comes from the exact null distribution rather than the normal approximation
 */
public record WilcoxonResult(long nonZeroPairs, double wPlus, double wMinus, double t, double p, boolean exact) {

  /** "exact" or "asymptotic", as results name it in {@code wilcoxonMethod}. */
  public String method() {
    return exact ? "exact" : "asymptotic";
  }
}
