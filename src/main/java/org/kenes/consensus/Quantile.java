package org.kenes.consensus;

import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Quantiles of a tally, equal to Commons Math {@link Percentile} on the expanded ratings but in
 * O(scale points): Percentile has no histogram input, so its per-type formulas are restated here.
 */
final class Quantile {
  private Quantile() {
  }

  /** @param p a probability in (0, 1]; the tally must hold at least one valid rating */
  static double of(RatingTally tally, double p, EstimationType type) {
    double position = position(type, p, tally.n());
    return switch (type) {
      case R_1 -> at(tally, Math.ceil(position - 0.5));
      case R_2 -> (at(tally, Math.ceil(position - 0.5)) + at(tally, Math.floor(position + 0.5))) / 2;
      default -> at(tally, position);
    };
  }

  /**
   * The 1-based position in the sorted data, written operation for operation as Commons Math 3.6.1
   * writes {@code EstimationType.index}, so that a position landing exactly on an order statistic
   * rounds the same way in both.
   */
  private static double position(EstimationType type, double p, long count) {
    double n = count;
    return switch (type) {
      case LEGACY -> p == 0 ? 0 : p == 1 ? n : p * (n + 1);
      case R_1 -> p == 0 ? 0 : n * p + 0.5;
      case R_2 -> p == 1 ? n : p == 0 ? 0 : n * p + 0.5;
      case R_3 -> p <= 0.5 / n ? 0 : Math.rint(n * p);
      case R_4 -> p < 1 / n ? 0 : p == 1 ? n : n * p;
      case R_5 -> p < 0.5 / n ? 0 : p >= (n - 0.5) / n ? n : n * p + 0.5;
      case R_6 -> p < 1 / (n + 1) ? 0 : p >= n / (n + 1) ? n : (n + 1) * p;
      case R_7 -> p == 0 ? 0 : p == 1 ? n : 1 + (n - 1) * p;
      case R_8 -> p < 2 * (1d / 3) / (n + 1d / 3) ? 0
          : p >= (n - 1d / 3) / (n + 1d / 3) ? n : (n + 1d / 3) * p + 1d / 3;
      case R_9 -> p < 5d / 8 / (n + 0.25) ? 0
          : p >= (n - 3d / 8) / (n + 0.25) ? n : (n + 0.25) * p + 3d / 8;
    };
  }

  /** Interpolates between the order statistics around a position, clamped to the smallest and largest. */
  private static double at(RatingTally tally, double position) {
    if (position < 1) {
      return tally.orderStatistic(1);
    }
    if (position >= tally.n()) {
      return tally.orderStatistic(tally.n());
    }
    double floor = Math.floor(position);
    double lower = tally.orderStatistic((long) floor);
    double upper = tally.orderStatistic((long) floor + 1);
    return lower + (position - floor) * (upper - lower);
  }
}
