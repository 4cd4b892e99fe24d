package org.kenes.study;

import java.util.List;

/**
 * A question of the study: a rating on the study's scale, a ranking of options, or an open text.
 *
 * @param since   the first round that asks the item in its present wording: 1 for items of the study file, later for
 *                items added or reworded between rounds (statistics and feedback never reach back before it)
 * @param retired retired between rounds: kept for the rounds that asked it, never asked again
 */
public record Item(String id, ItemType type, String category, Text text, List<Option> options, int since,
    boolean retired) {

  public Item {
    options = List.copyOf(options);
  }

  public Item(String id, ItemType type, String category, Text text, List<Option> options) {
    this(id, type, category, text, options, 1, false);
  }

  public List<String> optionIds() {
    return options.stream().map(Option::id).toList();
  }

  public Item reworded(Text newText, List<Option> newOptions, int round) {
    return new Item(id, type, category, newText, newOptions, round, false);
  }

  public Item retire() {
    return new Item(id, type, category, text, options, since, true);
  }
}
