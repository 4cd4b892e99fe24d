package org.kenes.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kenes.TestKenes;

class AnalyzeTest {

  private static final String HEADER = "participant,panel,round,item,option,value,comment\n";

  @TempDir
  Path dir;

  private record Run(int code, String out, String err) {}

  private Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Analyze.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path csv(String name, String body) throws Exception {
    Path file = dir.resolve(name);
    Files.writeString(file, HEADER + body);
    return file;
  }

  @Test
  @DisplayName("without a study, items come from the CSV on a 1–9 scale; the last round is analysed against the one before")
  void inferredItemsAndStability() throws Exception {
    StringBuilder rows = new StringBuilder();
    int[] first = {7, 8, 9, 8, 7, 3};
    int[] second = {8, 8, 9, 8, 8, 7};
    for (int i = 0; i < first.length; i++) {
      rows.append("P").append(i).append(",x,1,q1,,").append(first[i]).append(",\n");
      rows.append("P").append(i).append(",x,2,q1,,").append(second[i]).append(",\n");
      rows.append("P").append(i).append(",x,2,rank,a,").append(i % 2 + 1).append(",\n");
      rows.append("P").append(i).append(",x,2,rank,b,").append(2 - i % 2).append(",\n");
    }
    Run r = run(csv("two-rounds.csv", rows.toString()).toString());
    assertEquals(0, r.code(), r.err());
    JsonObject results = new JsonObject(r.out());
    assertEquals(2, results.getInteger("round"));
    JsonObject q1 = results.getJsonArray("items").getJsonObject(0);
    assertEquals("consensus-in", q1.getJsonObject("overall").getString("verdict"));
    assertEquals(8.0, q1.getJsonObject("overall").getDouble("median"));
    assertEquals(3, q1.getJsonObject("stability").getInteger("pairs"));
    JsonObject rank = results.getJsonArray("items").getJsonObject(1);
    assertEquals("ranking", rank.getString("type"));
    assertEquals(1.5, rank.getJsonObject("overall").getJsonObject("meanRanks").getDouble("a"));

    Run first1 = run(dir.resolve("two-rounds.csv").toString(), "--round", "1");
    assertEquals(1, new JsonObject(first1.out()).getInteger("round"));
  }

  @Test
  @DisplayName("an earlier round can come from a second file with --previous")
  void previousFile() throws Exception {
    Path before = csv("r1.csv", "A,x,1,q,,5,\nB,x,1,q,,6,\n");
    Path now = csv("r2.csv", "A,x,2,q,,7,\nB,x,2,q,,6,\n");
    Run r = run(now.toString(), "--previous", before.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject item = new JsonObject(r.out()).getJsonArray("items").getJsonObject(0);
    assertEquals(1, item.getJsonObject("stability").getInteger("pairs"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "a rating that is not a whole number | A,x,1,strategy,,seven, | :2: value:",
      "a rating off the scale              | A,x,1,strategy,,10,    | :2: value: 10 is off the scale 1–9",
      "an item the study does not have     | A,policy,1,nope,,5,    | :2: item: no item 'nope' in the study",
      "a panel the study does not have     | A,nobody,1,strategy,,5,| :2: panel: no panel 'nobody'",
      "a ranking that repeats an option    | A,policy,1,tools,audit,1,\\nA,policy,1,tools,audit,2, | :3: option: 'audit' is ranked twice",
      "a rank beyond the item's options    | A,policy,1,tools,audit,1,\\nA,policy,1,tools,pdsa,4, | :3: value: rank 4 is outside 1–3",
      "a rank under 1                      | A,policy,1,tools,audit,0, | :2: value: a rank is a whole number from 1",
      "a round that is not a number        | A,policy,one,strategy,,5, | :2: round:",
  })
  @DisplayName("bad input: exit code 2, file, line and field on stderr, nothing on stdout")
  void badInput(String what, String rows, String expected) throws Exception {
    Path study = dir.resolve("small.yaml");
    Files.writeString(study, TestKenes.resource("studies/small.yaml"));
    Path file = csv("bad.csv", rows.replace("\\n", "\n").replace("A,x,", "A,policy,") + "\n");
    Run r = run(file.toString(), "--study", study.toString());
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertTrue(r.err().contains(file + expected.trim()), r.err());
  }

  /**
   * The {@code anxiety} ratings of R's irr package (version 0.84.1, {@code data/anxiety.rda}, read from the CRAN
   * sources; Gamer, Lemon, Fellows and Singh, "irr: Various Coefficients of Interrater Reliability and Agreement"):
   * three raters score the anxiety of 20 subjects from 1 to 6, full of ties. {@code kendall(anxiety, correct = TRUE)}
   * gives Wt = 0.54; to full precision 12S / (m²(n³ − n) − mT) with S = 3004, T = 1674 is 0.5396568759543698 (numpy,
   * recorded in expected.py). Each rater is a respondent ranking the subjects, scores read as tied ranks.
   */
  private static final int[][] ANXIETY = {
      {3, 3, 3, 4, 5, 5, 2, 3, 5, 2, 2, 6, 1, 5, 2, 2, 1, 2, 4, 3},
      {3, 6, 4, 6, 2, 4, 2, 4, 3, 3, 2, 3, 3, 3, 2, 2, 1, 3, 3, 4},
      {2, 1, 4, 4, 3, 2, 1, 6, 1, 1, 1, 2, 3, 3, 1, 1, 3, 3, 2, 2}};

  @Test
  @DisplayName("tied ranks are analysed: irr's anxiety ratings (3 raters × 20 subjects) give W 0.5396568759543698")
  void anxietyTiedRanks() throws Exception {
    StringBuilder rows = new StringBuilder();
    for (int rater = 0; rater < ANXIETY.length; rater++) {
      for (int subject = 0; subject < ANXIETY[rater].length; subject++) {
        rows.append("rater").append(rater + 1).append(",raters,1,anxiety,s").append(subject + 1).append(',')
            .append(ANXIETY[rater][subject]).append(",\n");
      }
    }
    Run r = run(csv("anxiety.csv", rows.toString()).toString());
    assertEquals(0, r.code(), r.err());
    JsonObject overall = new JsonObject(r.out()).getJsonArray("items").getJsonObject(0).getJsonObject("overall");
    assertEquals(3, overall.getInteger("n"));
    assertEquals(0, overall.getInteger("incomplete"));
    assertEquals(0.5396568759543698, overall.getDouble("kendallW"), 1e-15);
    assertEquals(19, overall.getInteger("df"));
    assertEquals(3 * 19 * 0.5396568759543698, overall.getDouble("chiSquare"), 1e-12);
  }

  @Test
  @DisplayName("ties share their average rank, and a respondent who left an option unranked is left out of m")
  void tiesAndPartialRankings() throws Exception {
    Path file = csv("ties.csv", "A,x,1,t,a,1,\nA,x,1,t,b,1,\nA,x,1,t,c,3,\n"
        + "B,x,1,t,a,1,\nB,x,1,t,b,2,\nB,x,1,t,c,3,\nC,x,1,t,a,2,\nC,x,1,t,b,1,\n");
    Run r = run(file.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject overall = new JsonObject(r.out()).getJsonArray("items").getJsonObject(0).getJsonObject("overall");
    assertEquals(2, overall.getInteger("n"));
    assertEquals(1, overall.getInteger("incomplete"));
    assertEquals(1.25, overall.getJsonObject("meanRanks").getDouble("a"));
    assertEquals(1.75, overall.getJsonObject("meanRanks").getDouble("b"));
  }

  @Test
  @DisplayName("an item nobody was able to rate stays a rating item; comments without a value are an open item")
  void allUnableStaysRating() throws Exception {
    Path file = csv("unable.csv",
        "A,x,1,hard,,,\nB,x,1,hard,,,\nA,x,1,ideas,,,more audits\nB,x,1,ideas,,,a registry\n");
    Run r = run(file.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject hard = new JsonObject(r.out()).getJsonArray("items").getJsonObject(0);
    assertEquals("hard", hard.getString("id"));
    assertEquals("rating", hard.getString("type"));
    assertEquals(0, hard.getJsonObject("overall").getInteger("n"));
    assertEquals(2, hard.getJsonObject("overall").getInteger("unable"));
    assertEquals("open", new JsonObject(r.out()).getJsonArray("items").getJsonObject(1).getString("type"));
  }

  @Test
  @DisplayName("an item reworded for round 2 (since: 2) is compared with nothing before, as on the server")
  void rewordedItem() throws Exception {
    Path study = dir.resolve("reworded.yaml");
    Files.writeString(study, """
        id: reworded
        title: Reworded
        languages: [en]
        panels: [{id: x, name: X}]
        items:
          - {id: kept, type: rating, text: Kept}
          - {id: changed, type: rating, text: Changed, since: 2}
        """);
    Path file = csv("reworded.csv", "A,x,1,kept,,5,\nB,x,1,kept,,6,\nA,x,1,changed,,5,\nB,x,1,changed,,6,\n"
        + "A,x,2,kept,,7,\nB,x,2,kept,,6,\nA,x,2,changed,,7,\nB,x,2,changed,,6,\n");
    Run r = run(file.toString(), "--study", study.toString());
    assertEquals(0, r.code(), r.err());
    JsonObject kept = new JsonObject(r.out()).getJsonArray("items").getJsonObject(0);
    JsonObject changed = new JsonObject(r.out()).getJsonArray("items").getJsonObject(1);
    assertEquals(1, kept.getJsonObject("stability").getInteger("pairs"));
    assertTrue(!changed.containsKey("stability"), changed.encode());
  }

  @Test
  @DisplayName("usage errors and missing files exit with code 2")
  void usageErrors() throws Exception {
    assertEquals(2, run().code());
    assertEquals(2, run(dir.resolve("missing.csv").toString()).code());
    Path file = csv("ok.csv", "A,x,1,q,,5,\n");
    Run wrongRound = run(file.toString(), "--round", "3");
    assertEquals(2, wrongRound.code());
    assertTrue(wrongRound.err().contains("no round 3"));
    Path noHeader = dir.resolve("noheader.csv");
    Files.writeString(noHeader, "A,x,1,q,,5,\n");
    Run r = run(noHeader.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().contains(":1: participant: missing column"), r.err());
  }
}
