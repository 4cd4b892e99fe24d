package org.kenes.study;

import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** The rating scale: whole points {@code min..max}, optionally with an "unable to rate" choice and point labels. */
public record Scale(int min, int max, boolean allowUnable, SortedMap<Integer, Text> labels) {

  public Scale {
    labels = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(labels));
  }

  public static Scale of(int min, int max, boolean allowUnable, Map<Integer, Text> labels) {
    return new Scale(min, max, allowUnable, new TreeMap<>(labels));
  }

  public boolean contains(int value) {
    return value >= min && value <= max;
  }

  public int points() {
    return max - min + 1;
  }
}
