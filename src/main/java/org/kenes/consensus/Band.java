package org.kenes.consensus;

/** An inclusive range of scale points, such as the agree band 7–9. */
public record Band(int low, int high) {
  public Band {
    if (low > high) {
      throw new IllegalArgumentException("band " + low + ".." + high + " is empty");
    }
  }

  /** Takes a double because medians and quantiles may fall between two points (6.5 is not in 7–9). */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }

  @Override
  public String toString() {
    return low + ".." + high;
  }
}
