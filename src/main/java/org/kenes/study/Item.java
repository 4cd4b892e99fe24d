package org.kenes.study;

import java.util.List;

/** A question of the study: a rating on the study's scale, a ranking of options, or an open text. */
public record Item(String id, ItemType type, String category, Text text, List<Option> options) {

  public Item {
    options = List.copyOf(options);
  }

  public List<String> optionIds() {
    return options.stream().map(Option::id).toList();
  }
}
