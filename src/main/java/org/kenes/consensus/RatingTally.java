package org.kenes.consensus;

import java.util.Arrays;

/**
 * The histogram of one rating item: a count per scale point plus "unable to rate". Tallies of
 * panels, rounds or batches of answers add up, so live results never rescan the answers.
 */
public final class RatingTally {
  private final int min;
  private final int max;
  private final long[] counts;
  private final long unable;
  private final long n;

  private RatingTally(int min, int max, long[] counts, long unable) {
    this.min = min;
    this.max = max;
    this.counts = counts;
    this.unable = unable;
    this.n = Arrays.stream(counts).sum();
  }

  public static RatingTally empty(int min, int max) {
    return new Builder(min, max).build();
  }

  /** @param values ratings; a null element is "unable to rate" */
  public static RatingTally of(int min, int max, Iterable<Integer> values) {
    Builder builder = new Builder(min, max);
    values.forEach(builder::add);
    return builder.build();
  }

  /** @param counts {@code counts[i]} is the count of point {@code min + i} */
  public static RatingTally ofCounts(int min, int max, long[] counts, long unable) {
    checkScale(min, max);
    if (counts.length != max - min + 1) {
      throw new IllegalArgumentException(counts.length + " counts for the " + (max - min + 1) + " points of "
          + min + ".." + max);
    }
    if (unable < 0 || Arrays.stream(counts).anyMatch(count -> count < 0)) {
      throw new IllegalArgumentException("negative count in " + Arrays.toString(counts) + ", unable " + unable);
    }
    return new RatingTally(min, max, counts.clone(), unable);
  }

  /** @throws IllegalArgumentException when the scales differ */
  public RatingTally plus(RatingTally other) {
    return new Builder(min, max).addAll(this).addAll(other).build();
  }

  public int min() {
    return min;
  }

  public int max() {
    return max;
  }

  /** Valid ratings, the denominator of every share. */
  public long n() {
    return n;
  }

  public long unable() {
    return unable;
  }

  public long count(int point) {
    checkOnScale(point, min, max);
    return counts[point - min];
  }

  /** Valid ratings inside the band (the part of it off this scale counts nothing). */
  public long count(Band band) {
    long inside = 0;
    for (int point = Math.max(band.low(), min); point <= Math.min(band.high(), max); point++) {
      inside += counts[point - min];
    }
    return inside;
  }

  /** The k-th smallest valid rating (1-based), read off the cumulative histogram. */
  int orderStatistic(long k) {
    if (k < 1 || k > n) {
      throw new IllegalArgumentException("order statistic " + k + " of " + n + " ratings");
    }
    long below = 0;
    int index = 0;
    while (below + counts[index] < k) {
      below += counts[index++];
    }
    return min + index;
  }

  void requireScale(int expectedMin, int expectedMax) {
    if (min != expectedMin || max != expectedMax) {
      throw new IllegalArgumentException("a tally on the scale " + min + ".." + max + " where " + expectedMin
          + ".." + expectedMax + " was expected");
    }
  }

  static void checkScale(int min, int max) {
    if (min >= max) {
      throw new IllegalArgumentException("a scale needs at least two points, not " + min + ".." + max);
    }
  }

  private static void checkOnScale(int point, int min, int max) {
    if (point < min || point > max) {
      throw new IllegalArgumentException(point + " is off the scale " + min + ".." + max);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RatingTally that && min == that.min && max == that.max && unable == that.unable
        && Arrays.equals(counts, that.counts);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * (31 * min + max) + Long.hashCode(unable)) + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "RatingTally[" + min + ".." + max + " " + Arrays.toString(counts) + ", unable " + unable + "]";
  }

  /** Collects answers one by one; not thread-safe, unlike the tallies it builds. */
  public static final class Builder {
    private final int min;
    private final int max;
    private final long[] counts;
    private long unable;

    public Builder(int min, int max) {
      checkScale(min, max);
      this.min = min;
      this.max = max;
      this.counts = new long[max - min + 1];
    }

    /**
     * @param valueOrNull a rating, or null for "unable to rate"
     * @throws IllegalArgumentException for a value off the scale: CONSENSUS.md rejects it, never clips
     */
    public Builder add(Integer valueOrNull) {
      if (valueOrNull == null) {
        unable++;
      } else {
        checkOnScale(valueOrNull, min, max);
        counts[valueOrNull - min]++;
      }
      return this;
    }

    public Builder addAll(RatingTally tally) {
      tally.requireScale(min, max);
      for (int i = 0; i < counts.length; i++) {
        counts[i] += tally.counts[i];
      }
      unable += tally.unable;
      return this;
    }

    public RatingTally build() {
      return new RatingTally(min, max, counts.clone(), unable);
    }
  }
}
