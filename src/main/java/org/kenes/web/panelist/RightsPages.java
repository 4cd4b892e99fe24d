package org.kenes.web.panelist;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.study.Study;
import org.kenes.web.Views;

/**
 * The view models of a panelist's pages about their rights: the study's consent text before the questionnaire (also
 * the console's preview of it), and their own page ({@code /p/{token}/me}) of what Kenes holds about them, from the
 * JSON of {@link org.kenes.privacy.PersonalData#of}.
 */
public final class RightsPages {

  private RightsPages() {}

  /** The study's languages for the language switch, the current one marked. */
  static JsonArray languages(Study study, String lang) {
    JsonArray languages = new JsonArray();
    study.languages().forEach(l -> languages.add(new JsonObject().put("code", l).put("current", l.equals(lang))
        .put("name", Views.languageName(l))));
    return languages;
  }

  /**
   * The consent page.
   *
   * @param again the panelist agreed to an earlier text
   * @param problem what was wrong with the form sent, or null
   */
  public static JsonObject consent(Study study, String lang, String token, boolean again, String problem) {
    String text = study.consentText(lang);
    // Paragraphs are separated by blank lines; the lines within one keep their breaks (CSS), all of it escaped.
    JsonArray paragraphs = new JsonArray();
    for (String paragraph : text.strip().split("\\R\\s*\\R")) {
      paragraphs.add(paragraph.strip());
    }
    return base(study, lang, token).put("paragraphs", paragraphs)
        .put("version", org.kenes.consent.Consents.version(text)).put("again", again).put("problem", problem)
        .put("titlePrefix", problem == null ? Views.text(lang, "consent.title") + ":"
            : Views.text(lang, "form.errors.title"));
  }

  /**
   * The panelist's own page.
   *
   * @param data what Kenes holds about them (PersonalData)
   * @param until when their personal data goes, if the study has ended
   * @param done what was just done ({@code withdrawn}), or null
   */
  static JsonObject me(Study study, JsonObject data, String lang, String token, String until, String done,
      String problem) {
    JsonObject person = data.getJsonObject("participant");
    String withdrawnAt = person.getString("withdrawnAt");
    JsonArray agreements = data.getJsonObject("consent").getJsonArray("agreements");
    String consent = !data.getJsonObject("consent").getBoolean("asked") ? Views.text(lang, "me.consent.notAsked")
        : agreements.isEmpty() ? Views.text(lang, "me.consent.notYet")
        : Views.text(lang, "me.consent.agreed", Views.date(agreements.getJsonObject(agreements.size() - 1)
            .getString("at"), lang));
    JsonArray rounds = new JsonArray();
    data.getJsonArray("rounds").forEach(r -> rounds.add(round((JsonObject) r, lang)));
    JsonArray messages = new JsonArray();
    data.getJsonArray("messages").forEach(m -> {
      JsonObject message = (JsonObject) m;
      messages.add(new JsonObject().put("subject", message.getString("subject"))
          .put("at", Views.date(message.getString("at"), lang))
          .put("status", Views.text(lang, "me.message." + message.getString("status"))));
    });
    String contact = data.getString("contact");
    return base(study, lang, token).put("languageHref", "/p/" + token + "/me?")
        .put("name", orDash(person.getString("name"), lang))
        .put("email", orDash(person.getString("email"), lang)).put("panel", person.getString("panelName"))
        .put("language", Views.languageName(person.getString("language")))
        .put("withdrawn", withdrawnAt != null).put("pilot", person.getBoolean("pilot", false))
        .put("withdrawnText", withdrawnAt == null ? null
            : Views.text(lang, "me.withdrawn", Views.date(withdrawnAt, lang)))
        .put("justWithdrawn", "withdrawn".equals(done)).put("consent", consent).put("rounds", rounds)
        .put("messages", messages).put("posts", data.getJsonArray("posts", new JsonArray()))
        .put("retention", Views.text(lang, "me.retention.days", data.getInteger("retentionDays")))
        .put("until", until == null ? null : Views.text(lang, "me.retention.until", Views.date(until, lang)))
        .put("contact", contact == null ? null : Views.text(lang, "me.contact", contact))
        .put("problem", problem)
        .put("titlePrefix", problem == null ? null : Views.text(lang, "form.errors.title"));
  }

  private static JsonObject base(Study study, String lang, String token) {
    return new JsonObject().put("lang", lang).put("title", study.text(study.title(), lang)).put("token", token)
        .put("languageHref", "/p/" + token + "?").put("languages", languages(study, lang));
  }

  /** One round of the panelist's answers, each answer in words. */
  private static JsonObject round(JsonObject round, String lang) {
    JsonArray answers = new JsonArray();
    round.getJsonArray("answers").forEach(a -> {
      JsonObject entry = (JsonObject) a;
      answers.add(new JsonObject().put("question", entry.getString("text")).put("lines", lines(entry, lang)));
    });
    String state = answers.isEmpty() ? null
        : Views.text(lang, round.getBoolean("submitted") ? "me.round.submitted" : "me.round.draft");
    return new JsonObject().put("heading", Views.text(lang, "me.round", round.getInteger("round")) + " ("
            + Views.text(lang, "open".equals(round.getString("status")) ? "me.round.open" : "me.round.closed") + ")")
        .put("state", state).put("answers", answers);
  }

  private static JsonArray lines(JsonObject entry, String lang) {
    JsonObject answer = entry.getJsonObject("answer");
    JsonArray lines = new JsonArray();
    if (answer.containsKey("ranking")) {
      JsonObject options = entry.getJsonObject("options", new JsonObject());
      List<String> order = answer.getJsonArray("ranking").stream()
          .map(o -> options.getString(String.valueOf(o), String.valueOf(o))).toList();
      lines.add(Views.text(lang, "me.answer.ranking", String.join(" › ", order)));
    } else if (answer.containsKey("text")) {
      lines.add(answer.getString("text"));
    } else if (answer.containsKey("value")) {
      lines.add(answer.getValue("value") == null ? Views.text(lang, "me.answer.unable")
          : Views.text(lang, "me.answer.rating", Views.number(answer.getValue("value"), lang)));
    }
    JsonObject first = entry.getJsonObject("first");
    if (first != null) {
      lines.add(Views.text(lang, "me.answer.first", first.getValue("value") == null
          ? Views.text(lang, "me.answer.unable") : Views.number(first.getValue("value"), lang)));
    }
    if (answer.getString("reason") != null) {
      lines.add(Views.text(lang, "me.answer.reason", answer.getString("reason")));
    }
    if (answer.getString("comment") != null) {
      lines.add(Views.text(lang, "me.answer.comment", answer.getString("comment")));
    }
    return lines;
  }

  private static String orDash(String value, String lang) {
    return value == null ? Views.text(lang, "me.none") : value;
  }
}
