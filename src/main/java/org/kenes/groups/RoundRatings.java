package org.kenes.groups;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rating vectors of one round, with what is needed to read them.
 *
 * @param items the ids of the round's rating items, in the order each vector lists its ratings
 * @param panelists one vector per panelist who answered anything
 * @param scaleMin lowest point of the rating scale
 * @param scaleMax highest point of the rating scale
 * @param agreeLow lowest point of the agree band (inclusive)
 * @param agreeHigh highest point of the agree band (inclusive)
 * @param minCell smallest number of people a reported group, panel or share may stand for
 * @param seed fixes every random choice, so the same round always gives the same groups
 */
public record RoundRatings(List<String> items, List<RatingVector> panelists, int scaleMin, int scaleMax,
    int agreeLow, int agreeHigh, int minCell, long seed) {

  public RoundRatings {
    items = List.copyOf(items);
    panelists = List.copyOf(panelists);
    if (scaleMin >= scaleMax) {
      throw new IllegalArgumentException("scale " + scaleMin + ".." + scaleMax + " has fewer than two points");
    }
    if (agreeLow > agreeHigh || agreeLow < scaleMin || agreeHigh > scaleMax) {
      throw new IllegalArgumentException("agree band " + agreeLow + ".." + agreeHigh + " does not lie on the scale");
    }
    if (minCell < 1) {
      throw new IllegalArgumentException("minCell must be at least 1, was " + minCell);
    }
    if (new HashSet<>(items).size() != items.size()) {
      throw new IllegalArgumentException("item ids repeat: " + items);
    }
    Set<Integer> indexes = new HashSet<>();
    for (RatingVector vector : panelists) {
      if (!indexes.add(vector.index())) {
        throw new IllegalArgumentException("panelist index " + vector.index() + " repeats");
      }
      if (vector.ratings().size() != items.size()) {
        throw new IllegalArgumentException("panelist " + vector.index() + " has " + vector.ratings().size()
            + " ratings for " + items.size() + " items");
      }
      for (Integer rating : vector.ratings()) {
        // CONSENSUS.md: a value outside the scale is rejected, never clipped
        if (rating != null && (rating < scaleMin || rating > scaleMax)) {
          throw new IllegalArgumentException("panelist " + vector.index() + " rated " + rating
              + " outside the scale " + scaleMin + ".." + scaleMax);
        }
      }
    }
  }

  boolean agrees(int rating) {
    return rating >= agreeLow && rating <= agreeHigh;
  }
}
