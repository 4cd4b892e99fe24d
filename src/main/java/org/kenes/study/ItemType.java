package org.kenes.study;

public enum ItemType {
  RATING, RANKING, OPEN;

  public String key() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
