package org.kenes.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.kenes.common.Invalid;
import org.kenes.common.Problem;
import org.kenes.consensus.Rule;

class StudyReaderTest {

  private static final String MINIMAL = """
      id: tiny
      title: {en: "Tiny", ru: "Крошечное"}
      languages: [en, ru]
      panels: [{id: all, name: {en: "All", ru: "Все"}}]
      items:
        - {id: one, type: rating, text: {en: "One", ru: "Один"}}
      """;

  @Test
  @DisplayName("the example dialogue in surveys/ is a valid bilingual study")
  void exampleDialogue() throws Exception {
    Study study = StudyFormat.read(Files.readString(Path.of("surveys/qoc-strategy.yaml")));
    assertEquals("qoc-strategy", study.id());
    assertEquals(List.of("en", "ru"), study.languages());
    assertEquals(7, study.panels().size());
    assertTrue(study.items().stream().filter(i -> i.type() == ItemType.RATING).count() >= 17);
    assertEquals(1, study.items().stream().filter(i -> i.type() == ItemType.RANKING).count());
    assertEquals(1, study.items().stream().filter(i -> i.type() == ItemType.OPEN).count());
    study.items().forEach(i -> assertEquals(2, i.text().values().size(), i.id()));
  }

  @Test
  @DisplayName("defaults fill what a minimal file leaves out: a 1–9 scale, the 70/15 percent rule, type 7 quantiles")
  void defaults() {
    Study study = StudyFormat.read(MINIMAL);
    assertEquals(1, study.scale().min());
    assertEquals(9, study.scale().max());
    assertEquals(Rule.PERCENT, study.criteria().rule());
    assertEquals(0.70, study.criteria().inAgreeAtLeast());
    assertEquals(EstimationType.R_7, study.criteria().quantiles());
    assertEquals(3, study.criteria().minCell());
    assertEquals(3, study.rounds().max());
    assertEquals(CarryForward.NO_CONSENSUS, study.rounds().carryForward());
    assertTrue(study.askReasonOnChange(), "reasons are asked by default");
  }

  @Test
  @DisplayName("privacy terms: a consent text per language, a retention period and a contact; by default none, 365 "
      + "days and none; each survives the canonical form, and a bad one is named by its path")
  void privacy() {
    Study plain = StudyFormat.read(MINIMAL);
    assertEquals(Privacy.DEFAULT, plain.privacy());
    assertEquals(null, plain.consentText("en"));
    Study terms = StudyFormat.read(MINIMAL + "consent: {en: \"We keep it\", ru: \"Мы храним\"}\nretentionDays: 0\n"
        + "contact: dpo@example.org\n");
    assertEquals("Мы храним", terms.consentText("ru"));
    assertEquals(0, terms.privacy().retentionDays());
    assertEquals("dpo@example.org", terms.privacy().contact());
    assertEquals(terms, StudyFormat.read(StudyFormat.toJson(terms).encode()));
    assertEquals(StudyFormat.hash(plain), StudyFormat.hash(StudyFormat.read(MINIMAL + "retentionDays: 365\n")),
        "the default is not written, so that stored studies keep their hash");
    assertTrue(plain.sameQuestions(terms), "only the privacy terms differ");
    assertEquals(false, plain.sameQuestions(StudyFormat.read(MINIMAL.replace("One", "Uno"))));
    Invalid bad = assertThrows(Invalid.class, () -> StudyFormat.read(MINIMAL
        + "consent: {en: \"Only English\"}\nretentionDays: -1\ncontact: nobody\n"));
    assertEquals(List.of("consent.ru: missing", "retentionDays: must lie between 0 and 36500",
        "contact: must be an email address"), bad.problems().stream().map(Problem::toString).toList());
  }

  @Test
  @DisplayName("askReasonOnChange can be turned off, survives the canonical form, and must be true or false")
  void askReasonOnChange() {
    Study off = StudyFormat.read(MINIMAL + "askReasonOnChange: false\n");
    assertEquals(false, off.askReasonOnChange());
    assertEquals(off, StudyFormat.read(StudyFormat.toJson(off).encode()));
    assertEquals(StudyFormat.hash(StudyFormat.read(MINIMAL)), StudyFormat.hash(StudyFormat.read(MINIMAL
        + "askReasonOnChange: true\n")), "the default leaves the hash of older studies as it was");
    Invalid invalid = assertThrows(Invalid.class, () -> StudyFormat.read(MINIMAL + "askReasonOnChange: sometimes\n"));
    assertEquals("askReasonOnChange", invalid.problems().get(0).path());
  }

  @Test
  @DisplayName("discussion is off by default, between-rounds or always, survives the canonical form, may change once "
      + "rounds have begun, and another word is named by its path")
  void discussion() {
    assertEquals(Discussion.OFF, StudyFormat.read(MINIMAL).discussion());
    Study always = StudyFormat.read(MINIMAL + "discussion: always\n");
    assertEquals(Discussion.ALWAYS, always.discussion());
    assertEquals(always, StudyFormat.read(StudyFormat.toJson(always).encode()));
    assertEquals(Discussion.BETWEEN_ROUNDS, StudyFormat.read(MINIMAL + "discussion: between-rounds\n").discussion());
    assertEquals(StudyFormat.hash(StudyFormat.read(MINIMAL)), StudyFormat.hash(StudyFormat.read(MINIMAL
        + "discussion: \"off\"\n")), "the default leaves the hash of older studies as it was");
    assertTrue(always.sameQuestions(StudyFormat.read(MINIMAL)));
    Invalid invalid = assertThrows(Invalid.class, () -> StudyFormat.read(MINIMAL + "discussion: sometimes\n"));
    assertEquals("discussion", invalid.problems().get(0).path());
  }

  @Test
  @DisplayName("mode is rounds by default or real-time, which holds one round whatever rounds.max says, survives the "
      + "canonical form, cannot change once rounds have begun, and another word is named by its path")
  void mode() {
    assertEquals(Mode.ROUNDS, StudyFormat.read(MINIMAL).mode());
    Study live = StudyFormat.read(MINIMAL + "mode: real-time\n");
    assertTrue(live.realTime());
    assertEquals(1, live.rounds().max());
    assertEquals(live, StudyFormat.read(StudyFormat.toJson(live).encode()));
    assertEquals(StudyFormat.hash(StudyFormat.read(MINIMAL)), StudyFormat.hash(StudyFormat.read(MINIMAL
        + "mode: rounds\n")), "the default leaves the hash of older studies as it was");
    assertFalse(live.sameQuestions(StudyFormat.read(MINIMAL)));
    Invalid invalid = assertThrows(Invalid.class, () -> StudyFormat.read(MINIMAL + "mode: sometimes\n"));
    assertEquals("mode", invalid.problems().get(0).path());
  }

  @Test
  @DisplayName("every problem of a bad file is listed by path, not just the first")
  void everyProblemByPath() {
    String bad = """
        id: Bad_Id
        title: {en: "Bad"}
        languages: [en, ru]
        scale: {min: 9, max: 1}
        consensus: {rule: majority, quantiles: R_12}
        panels: [{id: a, name: {en: "A", ru: "А"}}, {id: a, name: {en: "A", ru: "А"}}]
        items:
          - {id: one, type: rating, text: {en: "One", ru: "Один"}}
          - {id: one, type: rating, text: {en: "Again", ru: "Снова"}}
          - {id: three, type: poll, text: {en: "Three", ru: "Три"}}
          - {id: four, type: rating, text: {en: "Four"}}
          - {id: five, type: ranking, text: {en: "Five", ru: "Пять"}, options: [{id: x, text: {en: "X", ru: "Х"}}]}
        colour: blue
        """;
    Invalid invalid = assertThrows(Invalid.class, () -> StudyFormat.read(bad));
    List<String> paths = invalid.problems().stream().map(Problem::path).toList();
    assertTrue(paths.containsAll(List.of("id", "title.ru", "scale", "consensus.rule", "consensus.quantiles",
        "panels[1].id", "items[1].id", "items[2].type", "items[3].text.ru", "items[4].options", "colour")),
        paths.toString());
  }

  @Test
  @DisplayName("the rand-ucla rule needs a 1–9 scale")
  void randNeedsNinePoints() {
    Invalid invalid = assertThrows(Invalid.class,
        () -> StudyFormat.read(MINIMAL + "scale: {min: 1, max: 5}\nconsensus: {rule: rand-ucla}\n"));
    assertEquals("consensus.rule", invalid.problems().get(0).path());
  }

  @Test
  @DisplayName("YAML type tags, alias bombs and broken syntax are refused as unreadable, not executed or expanded")
  void hostileYaml() {
    assertThrows(Invalid.class, () -> StudyFormat.read("id: !!java.io.File /etc/passwd\n"));
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [*").append(p).append(", *").append(p).append(", *").append(p)
          .append(", *").append(p).append(", *").append(p).append(", *").append(p).append("]\n");
    }
    assertThrows(Invalid.class, () -> StudyFormat.read(bomb.toString()));
    Invalid broken = assertThrows(Invalid.class, () -> StudyFormat.read("id: [unclosed\n"));
    assertTrue(broken.getMessage().startsWith("not a readable YAML or JSON document"));
  }

  @Test
  @DisplayName("JSON is read like YAML, and the canonical form reads back to the same study")
  void canonicalRoundTrip() {
    Study study = StudyFormat.read(MINIMAL);
    Study again = StudyFormat.read(StudyFormat.toJson(study).encode());
    assertEquals(study, again);
    assertEquals(StudyFormat.hash(study), StudyFormat.hash(again));
  }

  @Test
  @DisplayName("a draft may lack translations, panels and items: listed as missing, not refused; a file may not")
  void draftsMayBeIncomplete() {
    String draft = """
        id: tiny
        title: {en: "Tiny"}
        languages: [en, ru]
        items:
          - {id: one, type: rating, text: {en: "One", ru: "  "}}
        """;
    StudyReader.Reading reading = StudyFormat.draft(draft);
    assertEquals(List.of(), reading.problems());
    assertEquals(List.of("title.ru", "panels", "items[0].text.ru"),
        reading.missing().stream().map(Problem::path).toList());
    assertEquals("One", reading.study().item("one").orElseThrow().text().in("ru", List.of("en")), "falls back");
    assertTrue(!reading.complete());
    Invalid strict = assertThrows(Invalid.class, () -> StudyFormat.read(draft));
    assertTrue(strict.problems().stream().map(Problem::path).toList().containsAll(List.of("title.ru", "panels")));

    StudyReader.Reading wrong = StudyFormat.draft(draft.replace("type: rating", "type: poll"));
    assertEquals(List.of("items[0].type"), wrong.problems().stream().map(Problem::path).toList());
    assertEquals(null, wrong.study(), "a draft with problems is no study");
    assertTrue(StudyFormat.draft(MINIMAL).complete());
  }

  @Test
  @DisplayName("the reader's problems are said in English for the API and in Russian for the console")
  void problemsInTwoLanguages() {
    Invalid invalid = assertThrows(Invalid.class, () -> StudyFormat.read(MINIMAL + "scale: {min: 1, max: 2000}\n"));
    Problem max = invalid.problems().stream().filter(p -> p.path().equals("scale.max")).findFirst().orElseThrow();
    assertEquals("must lie between -1000 and 1000", max.message());
    assertEquals("must lie between -1000 and 1000", max.message("en"));
    assertEquals("должно быть от -1000 до 1000", max.message("ru"));
    assertEquals("must lie between -1000 and 1000", max.message("kk"), "English where a language has no texts");
    Invalid duplicate = assertThrows(Invalid.class, () -> StudyFormat.read(MINIMAL.replace("items:\n",
        "items:\n  - {id: one, type: rating, text: {en: \"Again\", ru: \"Снова\"}}\n")));
    assertEquals("duplicate id 'one'", duplicate.problems().get(0).message());
    assertEquals("идентификатор «one» уже занят", duplicate.problems().get(0).message("ru"));
  }

  @Test
  @DisplayName("rounds.opensAt is an instant with its offset, kept in the canonical form; anything else is refused")
  void opensAt() {
    Study study = StudyFormat.read(MINIMAL + "rounds: {opensAt: '2030-05-01T12:00:00+03:00'}\n");
    assertEquals(Instant.parse("2030-05-01T09:00:00Z"), study.rounds().opensAt());
    assertEquals("2030-05-01T09:00:00Z", StudyFormat.toJson(study).getJsonObject("rounds").getString("opensAt"));
    assertEquals(study, StudyFormat.read(StudyFormat.toJson(study).encode()));
    assertEquals(null, StudyFormat.read(MINIMAL).rounds().opensAt());
    assertTrue(!StudyFormat.toJson(StudyFormat.read(MINIMAL)).getJsonObject("rounds").containsKey("opensAt"),
        "the hash of studies without it stays as it was");
    Invalid invalid = assertThrows(Invalid.class, () -> StudyFormat.read(MINIMAL + "rounds: {opensAt: tomorrow}\n"));
    assertEquals("rounds.opensAt", invalid.problems().get(0).path());
  }

  @Test
  @DisplayName("a study written as YAML reads back to the same study, the example dialogue included")
  void yamlRoundTrip() throws Exception {
    Study example = StudyFormat.read(Files.readString(Path.of("surveys/qoc-strategy.yaml")));
    String yaml = StudyFormat.toYaml(example);
    assertEquals(example, StudyFormat.read(yaml));
    assertEquals(yaml, StudyFormat.toYaml(StudyFormat.read(yaml)), "written again, the same text");
    assertTrue(yaml.contains("    1:\n"), "scale points are numbers:\n" + yaml);
    assertTrue(yaml.contains("Национальная стратегия"), "Cyrillic as it is, not escaped");
    Study odd = StudyFormat.read(MINIMAL.replace("\"One\"", "\"yes: no # 'quoted' \\\"text\\\"\"")
        + "rounds: {opensAt: '2030-05-01T09:00:00Z'}\n");
    assertEquals(odd, StudyFormat.read(StudyFormat.toYaml(odd)));
  }
}
