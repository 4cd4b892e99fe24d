package org.kenes.study;

import java.util.List;
import java.util.Optional;
import org.kenes.consensus.Criteria;

/**
 * A validated study definition, as read from a study file (CONTRACT.md, "Study files").
 *
 * @param askReasonOnChange whether a panelist who moves a rating into a band further from the group's median than
 *     their previous rating is asked why
 * @param privacy the consent asked of panelists and how long their personal data is kept
 * @param discussion when panelists may discuss the items with each other
 * @param mode rounds, or one long round in real time (which has {@code rounds.max} 1)
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
    boolean askReasonOnChange,
    Privacy privacy,
    Discussion discussion,
    Mode mode) {

  public Study {
    languages = List.copyOf(languages);
    panels = List.copyOf(panels);
    categories = List.copyOf(categories);
    items = List.copyOf(items);
  }

  public Study withItems(List<Item> newItems) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, newItems,
        askReasonOnChange, privacy, discussion, mode);
  }

  /**
   * Whether another definition of the study differs from this one in its privacy terms and its discussion at most:
   * those may change once rounds have begun (a new consent text is asked again; a retention period may be corrected;
   * a discussion may be opened or ended), the questions may not.
   */
  public boolean sameQuestions(Study other) {
    return StudyFormat.toJson(withPrivacy(Privacy.DEFAULT).withDiscussion(Discussion.OFF))
        .equals(StudyFormat.toJson(other.withPrivacy(Privacy.DEFAULT).withDiscussion(Discussion.OFF)));
  }

  public Study withDiscussion(Discussion newDiscussion) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, items,
        askReasonOnChange, privacy, newDiscussion, mode);
  }

  public Study withPrivacy(Privacy newPrivacy) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, items,
        askReasonOnChange, newPrivacy, discussion, mode);
  }

  /** The consent text in a language, or null when the study asks for none. */
  public String consentText(String language) {
    return privacy.consent() == null ? null : text(privacy.consent(), language);
  }

  public Study withRounds(Rounds newRounds) {
    return new Study(id, title, description, languages, scale, criteria, newRounds, panels, categories, items,
        askReasonOnChange, privacy, discussion, mode);
  }

  public boolean realTime() {
    return mode == Mode.REAL_TIME;
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
