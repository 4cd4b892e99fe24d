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

  /**
   * Option ids in order of priority (first = rank 1); options left out are unranked. The questionnaire gives an order,
   * whose ranks are 1, 2, 3, …; a responses CSV may tie options (ranks 1, 2, 2, 4), which {@code ranks} then holds,
   * one per option of {@code order}.
   *
   * @param ranks each ordered option's rank, ascending; null for the plain order 1, 2, 3, …
   */
  record Ranking(List<String> order, String comment, List<Integer> ranks) implements Answer {
    public Ranking {
      order = List.copyOf(order);
      if (ranks != null && ranks.size() != order.size()) {
        throw new IllegalArgumentException(ranks.size() + " ranks for the " + order.size() + " options " + order);
      }
      ranks = ranks == null ? null : List.copyOf(ranks);
    }

    /** An order without ties: ranks 1, 2, 3, … */
    public Ranking(List<String> order, String comment) {
      this(order, comment, null);
    }

    /** The rank of the option at {@code index} of {@link #order()}. */
    public int rank(int index) {
      return ranks == null ? index + 1 : ranks.get(index);
    }
  }

  record OpenText(String text) implements Answer {}
}
