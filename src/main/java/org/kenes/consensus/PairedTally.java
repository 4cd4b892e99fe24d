package org.kenes.consensus;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Counts of paired differences d = current − previous, for participants with a valid rating in both
 * rounds. Counts add up, so the Wilcoxon test needs no pass over the answers.
 */
public final class PairedTally {
  private final SortedMap<Integer, Long> differences;

  private PairedTally(SortedMap<Integer, Long> differences) {
    this.differences = Collections.unmodifiableSortedMap(differences);
  }

  public static PairedTally empty() {
    return new PairedTally(new TreeMap<>());
  }

  /** A tally from counts per difference, as kept in a store; zero counts are left out. */
  public static PairedTally ofCounts(java.util.Map<Integer, Long> counts) {
    SortedMap<Integer, Long> differences = new TreeMap<>();
    counts.forEach((difference, count) -> {
      if (count < 0) {
        throw new IllegalArgumentException("a negative count for difference " + difference);
      }
      if (count > 0) {
        differences.put(difference, count);
      }
    });
    return new PairedTally(differences);
  }

  public PairedTally plus(PairedTally other) {
    SortedMap<Integer, Long> sum = new TreeMap<>(differences);
    other.differences.forEach((difference, count) -> sum.merge(difference, count, Long::sum));
    return new PairedTally(sum);
  }

  /** All pairs, zero differences included. */
  public long pairs() {
    return differences.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Count per difference, zero included; only differences that occur are keys. */
  public SortedMap<Integer, Long> differences() {
    return differences;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PairedTally that && differences.equals(that.differences);
  }

  @Override
  public int hashCode() {
    return differences.hashCode();
  }

  @Override
  public String toString() {
    return "PairedTally" + differences;
  }

  /** Collects pairs one by one; not thread-safe, unlike the tallies it builds. */
  public static final class Builder {
    private final SortedMap<Integer, Long> differences = new TreeMap<>();

    public Builder add(int previous, int current) {
      differences.merge(current - previous, 1L, Long::sum);
      return this;
    }

    public PairedTally build() {
      return new PairedTally(new TreeMap<>(differences));
    }
  }
}
