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
 * @param attributes the participants' characteristics the study asks once and describes its panels by
 * @param reporting what the study's people state for its report (aim, registration, ethics, funding, …)
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
    List<Attribute> attributes,
    Reporting reporting,
    Discussion discussion,
    Mode mode) {

  public Study {
    languages = List.copyOf(languages);
    panels = List.copyOf(panels);
    categories = List.copyOf(categories);
    items = List.copyOf(items);
    attributes = List.copyOf(attributes);
  }

  /**
   * A study that asks no participant attributes, states nothing for its report, holds no discussion and runs in
   * rounds.
   */
  public Study(String id, Text title, Text description, List<String> languages, Scale scale, Criteria criteria,
      Rounds rounds, List<Panel> panels, List<Category> categories, List<Item> items, boolean askReasonOnChange,
      Privacy privacy) {
    this(id, title, description, languages, scale, criteria, rounds, panels, categories, items, askReasonOnChange,
        privacy, List.of(), Reporting.NONE, Discussion.OFF, Mode.ROUNDS);
  }

  public Optional<Attribute> attribute(String attributeId) {
    return attributes.stream().filter(a -> a.id().equals(attributeId)).findFirst();
  }

  public Study withItems(List<Item> newItems) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, newItems,
        askReasonOnChange, privacy, attributes, reporting, discussion, mode);
  }

  /**
   * Whether another definition of the study differs from this one at most in its privacy terms, what it states for
   * its report and its discussion: those may change once rounds have begun (a new consent text is asked again; a
   * retention period may be corrected; limitations and funding are often written last; a discussion may be opened or
   * ended), the questions may not.
   */
  public boolean sameQuestions(Study other) {
    return StudyFormat.toJson(withoutTerms()).equals(StudyFormat.toJson(other.withoutTerms()));
  }

  private Study withoutTerms() {
    return withPrivacy(Privacy.DEFAULT).withReporting(Reporting.NONE).withDiscussion(Discussion.OFF);
  }

  /** The study stating other things for its report, which may be written at any time, rounds held or not. */
  public Study withReporting(Reporting newReporting) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, items,
        askReasonOnChange, privacy, attributes, newReporting, discussion, mode);
  }

  public Study withDiscussion(Discussion newDiscussion) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, items,
        askReasonOnChange, privacy, attributes, reporting, newDiscussion, mode);
  }

  public Study withPrivacy(Privacy newPrivacy) {
    return new Study(id, title, description, languages, scale, criteria, rounds, panels, categories, items,
        askReasonOnChange, newPrivacy, attributes, reporting, discussion, mode);
  }

  /** The consent text in a language, or null when the study asks for none. */
  public String consentText(String language) {
    return privacy.consent() == null ? null : text(privacy.consent(), language);
  }

  public Study withRounds(Rounds newRounds) {
    return new Study(id, title, description, languages, scale, criteria, newRounds, panels, categories, items,
        askReasonOnChange, privacy, attributes, reporting, discussion, mode);
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
