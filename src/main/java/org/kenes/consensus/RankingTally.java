package org.kenes.consensus;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The mergeable summary of a ranking item: complete respondents m, incomplete ones, the rank sum of
 * each option over normalised ranks and the tie term T. Kendall's W, mean ranks and Borda shares
 * all follow from these sums.
 */
public final class RankingTally {
  private final List<String> options;
  private final long m;
  private final long incomplete;
  private final double[] rankSums;
  private final long tieTerm;

  private RankingTally(List<String> options, long m, long incomplete, double[] rankSums, long tieTerm) {
    this.options = options;
    this.m = m;
    this.incomplete = incomplete;
    this.rankSums = rankSums;
    this.tieTerm = tieTerm;
  }

  public static RankingTally empty(List<String> options) {
    return new Builder(options).build();
  }

  /** A tally from its sums, as kept in a store; {@code rankSums[i]} belongs to {@code options.get(i)}. */
  public static RankingTally ofSums(List<String> options, long m, long incomplete, double[] rankSums, long tieTerm) {
    if (rankSums.length != options.size() || m < 0 || incomplete < 0 || tieTerm < 0) {
      throw new IllegalArgumentException("rank sums for " + options + " do not fit: " + Arrays.toString(rankSums));
    }
    return new RankingTally(List.copyOf(options), m, incomplete, rankSums.clone(), tieTerm);
  }

  /** @throws IllegalArgumentException when the options differ, in order or otherwise */
  public RankingTally plus(RankingTally other) {
    if (!options.equals(other.options)) {
      throw new IllegalArgumentException("rankings of " + options + " and " + other.options + " do not add up");
    }
    double[] sums = rankSums.clone();
    Arrays.setAll(sums, i -> sums[i] + other.rankSums[i]);
    return new RankingTally(options, m + other.m, incomplete + other.incomplete, sums, tieTerm + other.tieTerm);
  }

  public List<String> options() {
    return options;
  }

  /** Respondents who ranked every option. */
  public long m() {
    return m;
  }

  /** Respondents left out of m because they left an option unranked. */
  public long incomplete() {
    return incomplete;
  }

  /** The sum of each option's normalised ranks, in the order of {@link #options()}. */
  public double[] rankSums() {
    return rankSums.clone();
  }

  /** T: the sum over respondents of Σ(t³ − t) over their tie groups. */
  public long tieTerm() {
    return tieTerm;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RankingTally that && options.equals(that.options) && m == that.m
        && incomplete == that.incomplete && tieTerm == that.tieTerm && Arrays.equals(rankSums, that.rankSums);
  }

  @Override
  public int hashCode() {
    return Objects.hash(options, m, incomplete, tieTerm, Arrays.hashCode(rankSums));
  }

  @Override
  public String toString() {
    return "RankingTally[" + options + " m " + m + ", incomplete " + incomplete + ", rank sums "
        + Arrays.toString(rankSums) + ", T " + tieTerm + "]";
  }

  /** Collects respondents one by one; not thread-safe, unlike the tallies it builds. */
  public static final class Builder {
    private final List<String> options;
    private final Set<String> known;
    private final double[] rankSums;
    private long m;
    private long incomplete;
    private long tieTerm;

    /** @throws IllegalArgumentException for no options or a repeated one */
    public Builder(List<String> options) {
      this.options = List.copyOf(options);
      this.known = Set.copyOf(options);
      if (options.isEmpty() || known.size() != options.size()) {
        throw new IllegalArgumentException("a ranking needs distinct options, not " + options);
      }
      this.rankSums = new double[this.options.size()];
    }

    /**
     * @param ranks one respondent's rank by option id (1 = highest priority); an option missing or
     *     mapped to null makes the respondent incomplete
     * @throws IllegalArgumentException for an unknown option id or a rank that is not a finite number
     */
    public Builder add(Map<String, ? extends Number> ranks) {
      ranks.keySet().stream().filter(option -> !known.contains(option)).findFirst().ifPresent(option -> {
        throw new IllegalArgumentException("unknown option " + option + ", expected one of " + options);
      });
      double[] raw = new double[options.size()];
      for (int i = 0; i < raw.length; i++) {
        Number rank = ranks.get(options.get(i));
        if (rank == null) {
          incomplete++;
          return this;
        }
        raw[i] = rank.doubleValue();
      }
      Ranks normalised = Ranks.normalise(raw);
      Arrays.setAll(rankSums, i -> rankSums[i] + normalised.ranks()[i]);
      tieTerm += normalised.tieTerm();
      m++;
      return this;
    }

    public RankingTally build() {
      return new RankingTally(options, m, incomplete, rankSums.clone(), tieTerm);
    }
  }
}
