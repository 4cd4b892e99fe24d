package org.kenes.consensus;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import org.apache.commons.math3.fraction.BigFraction;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * Quantiles of a tally as exact rational numbers, by the formulas of Commons Math {@link Percentile} (Hyndman &amp;
 * Fan types 1–9 and its LEGACY) in O(scale points): Percentile has no histogram input, and it computes in binary
 * floating point, where a quantile of integers at p = 0.3 already misses its tenths (3.4000000000000004). Exact
 * values make every comparison with a threshold exact; reported as doubles they are rounded once.
 */
final class Quantile {
  private static final BigFraction HALF = new BigFraction(1, 2);
  private static final BigFraction THIRD = new BigFraction(1, 3);
  private static final BigFraction QUARTER = new BigFraction(1, 4);

  private Quantile() {
  }

  /** @param p a probability in (0, 1], taken as the decimal it was written as (0.3 is 3/10) */
  static double of(RatingTally tally, double p, EstimationType type) {
    return Exact.nearest(exact(tally, Exact.decimal(p), type));
  }

  /** @param p a probability in (0, 1]; the tally must hold at least one valid rating */
  static BigFraction exact(RatingTally tally, BigFraction p, EstimationType type) {
    BigFraction position = position(type, p, tally.n());
    return switch (type) {
      case R_1 -> at(tally, ceil(position.subtract(HALF)));
      case R_2 -> at(tally, ceil(position.subtract(HALF))).add(at(tally, floor(position.add(HALF)))).divide(2);
      default -> at(tally, position);
    };
  }

  /**
   * The 1-based position in the sorted data, case for case as Commons Math 3.6.1 writes
   * {@code EstimationType.index}, in rationals.
   */
  private static BigFraction position(EstimationType type, BigFraction p, long count) {
    BigFraction n = new BigFraction(count);
    boolean one = p.equals(BigFraction.ONE);
    return switch (type) {
      case LEGACY -> one ? n : p.multiply(n.add(1));
      case R_1 -> n.multiply(p).add(HALF);
      case R_2 -> one ? n : n.multiply(p).add(HALF);
      case R_3 -> p.compareTo(HALF.divide(n)) <= 0 ? BigFraction.ZERO : rint(n.multiply(p));
      case R_4 -> p.compareTo(n.reciprocal()) < 0 ? BigFraction.ZERO : one ? n : n.multiply(p);
      case R_5 -> p.compareTo(HALF.divide(n)) < 0 ? BigFraction.ZERO
          : p.compareTo(n.subtract(HALF).divide(n)) >= 0 ? n : n.multiply(p).add(HALF);
      case R_6 -> p.compareTo(n.add(1).reciprocal()) < 0 ? BigFraction.ZERO
          : p.compareTo(n.divide(n.add(1))) >= 0 ? n : n.add(1).multiply(p);
      case R_7 -> one ? n : n.subtract(1).multiply(p).add(1);
      case R_8 -> p.compareTo(THIRD.multiply(2).divide(n.add(THIRD))) < 0 ? BigFraction.ZERO
          : p.compareTo(n.subtract(THIRD).divide(n.add(THIRD))) >= 0 ? n : n.add(THIRD).multiply(p).add(THIRD);
      case R_9 -> p.compareTo(new BigFraction(5, 8).divide(n.add(QUARTER))) < 0 ? BigFraction.ZERO
          : p.compareTo(n.subtract(new BigFraction(3, 8)).divide(n.add(QUARTER))) >= 0 ? n
          : n.add(QUARTER).multiply(p).add(new BigFraction(3, 8));
    };
  }

  /** Interpolates between the order statistics around a position, clamped to the smallest and largest. */
  private static BigFraction at(RatingTally tally, BigFraction position) {
    long n = tally.n();
    if (position.compareTo(BigFraction.ONE) < 0) {
      return new BigFraction(tally.orderStatistic(1));
    }
    if (position.compareTo(new BigFraction(n)) >= 0) {
      return new BigFraction(tally.orderStatistic(n));
    }
    BigFraction floor = floor(position);
    long k = floor.longValue();
    int lower = tally.orderStatistic(k);
    int upper = tally.orderStatistic(k + 1);
    return position.subtract(floor).multiply(upper - lower).add(lower);
  }

  private static BigFraction floor(BigFraction x) {
    return new BigFraction(floorInteger(x));
  }

  private static BigFraction ceil(BigFraction x) {
    return new BigFraction(floorInteger(x.negate()).negate());
  }

  private static BigInteger floorInteger(BigFraction x) {
    BigInteger[] qr = x.getNumerator().divideAndRemainder(x.getDenominator());
    return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
  }

  /** Rounds half to even, as {@link Math#rint} does. */
  private static BigFraction rint(BigFraction x) {
    return new BigFraction(new BigDecimal(x.getNumerator()).divide(new BigDecimal(x.getDenominator()), 0,
        RoundingMode.HALF_EVEN).toBigIntegerExact());
  }
}
