package org.kenes.answer;

import java.util.List;

/** One panelist's answer to one item, of the item's type. */
public sealed interface Answer {

  /** A point of the scale, or null for "unable to rate", with an optional comment. */
  record Rating(Integer value, String comment) implements Answer {}

  /** Option ids in order of priority (first = rank 1); options left out are unranked. */
  record Ranking(List<String> order, String comment) implements Answer {
    public Ranking {
      order = List.copyOf(order);
    }
  }

  record OpenText(String text) implements Answer {}
}
