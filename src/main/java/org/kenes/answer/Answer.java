package org.kenes.answer;

import java.util.List;

/** One panelist's answer to one item, of the item's type. */
public sealed interface Answer {

  /**
   * A point of the scale or "unable to rate" ({@code value} null, {@code unable} true), with an optional comment and
   * the panelist's reason for moving away from the group. Neither a point nor "unable" is a draft not rated yet,
   * kept for its comment or reason: it counts nowhere.
   */
  record Rating(Integer value, boolean unable, String comment, String reason) implements Answer {
    public Rating {
      if (unable && value != null) {
        throw new IllegalArgumentException("a rating is a point or \"unable to rate\", not both");
      }
    }

    public boolean rated() {
      return value != null || unable;
    }
  }

  /** Option ids in order of priority (first = rank 1); options left out are unranked. */
  record Ranking(List<String> order, String comment) implements Answer {
    public Ranking {
      order = List.copyOf(order);
    }
  }

  record OpenText(String text) implements Answer {}
}
