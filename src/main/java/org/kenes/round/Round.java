package org.kenes.round;

import java.util.List;

/**
 * One round of a study: the items it asks and whether it is still open.
 *
 * @param closesAt the deadline (an ISO instant) after which the round closes by itself, or null
 */
public record Round(String study, int number, boolean open, List<String> items, String openedAt, String closedAt,
    String closesAt) {

  public Round {
    items = List.copyOf(items);
  }

  /** The round as it stands once closed at an instant. */
  public Round closed(String at) {
    return new Round(study, number, false, items, openedAt, at, closesAt);
  }

  public static String key(String study, int number) {
    return study + ":" + number;
  }
}
