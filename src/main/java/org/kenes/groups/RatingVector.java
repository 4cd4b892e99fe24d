package org.kenes.groups;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One panelist's ratings in a round. The panelist is known here only by an anonymous index that the
 * server can map back; names never enter this package.
 *
 * @param index the server's anonymous index of the panelist, unique within the round
 * @param panel the stakeholder panel the panelist belongs to
 * @param ratings one entry per rating item of the round, in {@link RoundRatings#items()} order; null
 *     when the panelist was unable to rate it or left it unanswered
 */
public record RatingVector(int index, String panel, List<Integer> ratings) {
  public RatingVector {
    Objects.requireNonNull(panel, "panel");
    // List.copyOf refuses nulls, and null is how a missing rating is said
    ratings = Collections.unmodifiableList(new ArrayList<>(ratings));
  }
}
