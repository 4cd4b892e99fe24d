package org.kenes.study;

import java.util.List;
import java.util.Optional;
import org.kenes.consensus.Criteria;

/**
 * A validated study definition, as read from a study file (CONTRACT.md, "Study files").
 *
 * @param askReasonOnChange whether a panelist who moves a rating into a band further from the group's median than
 *     their previous rating is asked why
 */
public record Study(
    String id,
    Text title,
    Text description,
    List<String> languages,
    Scale scale,
    Criteria criteria,
    Rounds rounds,
    List<Panel> panels,
    List<Category> categories,
    List<Item> items,
    boolean askReasonOnChange) {

  public Study {
    languages = List.copyOf(languages);
    panels = List.copyOf(panels);
    categories = List.copyOf(categories);
    items = List.copyOf(items);
  }

  public Study withItems(List<Item> newItems) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, newItems,
        askReasonOnChange);
  }

  public Study withRounds(Rounds newRounds) {
    return new Study(id, title, description, languages, scale, criteria, newRounds, panels, categories, items,
        askReasonOnChange);
  }

  public String firstLanguage() {
    return languages.get(0);
  }

  public Optional<Item> item(String itemId) {
    return items.stream().filter(i -> i.id().equals(itemId)).findFirst();
  }

  public Optional<Panel> panel(String panelId) {
    return panels.stream().filter(p -> p.id().equals(panelId)).findFirst();
  }

  public List<String> panelIds() {
    return panels.stream().map(Panel::id).toList();
  }

  /** A text in {@code language}, falling back to the study's languages in order. */
  public String text(Text text, String language) {
    return text == null ? "" : text.in(language, languages);
  }
}
