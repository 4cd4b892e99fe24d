package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.ext.web.client.HttpResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kenes.cli.Analyze;
import org.kenes.participant.Pseudonyms;

/**
 * What a golden test keeps of a dialogue, and how: outputs by file name, with what differs from run to run (times,
 * tokens, ids, pseudonyms, CSRF tokens, assets' fingerprints) replaced by placeholders, compared byte for byte with the files of a folder
 * under {@code src/test/resources/golden}, or written there with {@code -Dgolden.update=true}.
 */
final class Golden {

  private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
  /** A time as the pages show it, "5 Dec 2026, 04:56". */
  private static final Pattern SHOWN = Pattern.compile("\\d{1,2} \\p{L}{3,}\\.? \\d{4}(,? \\d{2}:\\d{2})?");
  /** A day as the report's method gives it, "2026-12-05": the run's own day, so not the same tomorrow. */
  private static final Pattern DAY = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}\\b");
  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"[^\"]+\"");
  /** An asset's fingerprint, which changes with every edit of a style sheet or script the page does not depend on. */
  private static final Pattern FINGERPRINT = Pattern.compile("\\?v=[0-9a-f]{8,}");

  private final Path folder;
  /** What is random in a run, by placeholder: tokens, participant ids, pseudonyms, open answers' ids. */
  private final Map<String, String> random = new LinkedHashMap<>();
  private final Map<String, String> outputs = new LinkedHashMap<>();

  Golden(Path folder) {
    this.folder = folder;
  }

  /**
   * Names each participant's token, id, pseudonym and round-1 open answer to {@code openItem} by their place in
   * {@code people} (as {@link TestKenes#addParticipants} answers them).
   */
  void nameTheRandom(TestKenes kenes, String study, JsonArray people, String openItem) {
    Pseudonyms pseudonyms = kenes.services().pseudonyms().of(study).await();
    for (int i = 0; i < people.size(); i++) {
      String id = people.getJsonObject(i).getString("id");
      random.put(people.getJsonObject(i).getString("token"), "<token-" + i + ">");
      random.put(pseudonyms.respondent(id), "<R-" + i + ">");
      random.put(pseudonyms.openAnswer(1, id, openItem), "<a-" + i + ">");
      random.put(id, "<id-" + i + ">");
    }
  }

  /** Keeps an output under its file name, normalised. */
  String keep(String name, String text) {
    String out = SHOWN.matcher(TIME.matcher(text).replaceAll("<time>")).replaceAll("<shown>");
    out = DAY.matcher(out).replaceAll("<day>");
    out = CSRF.matcher(out).replaceAll("name=\"csrf\" value=\"<csrf>\"");
    out = FINGERPRINT.matcher(out).replaceAll("?v=<hash>");
    for (Map.Entry<String, String> r : random.entrySet()) {
      out = out.replace(r.getKey(), r.getValue());
    }
    outputs.put(name, out);
    return out;
  }

  /** Keeps an export normalised, its rows (in the order of their random pseudonyms) sorted. */
  String keepCsv(String name, String csv) {
    List<String> lines = new ArrayList<>(List.of(keep(name, csv).split("\n", -1)));
    String header = lines.remove(0);
    String last = lines.remove(lines.size() - 1);
    Collections.sort(lines);
    return keep(name, header + "\n" + String.join("\n", lines) + "\n" + last);
  }

  /** Compares an output with its file (after writing it, with {@code -Dgolden.update=true}). */
  void compare(String name) throws IOException {
    Path file = folder.resolve(name);
    String actual = outputs.get(name);
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(folder);
      Files.writeString(file, actual);
    }
    assertEquals(Files.readString(file), actual, name);
  }

  /** What {@code kenes analyze} prints, which must succeed. */
  static String analyze(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Analyze.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
    return out.toString(StandardCharsets.UTF_8);
  }

  static HttpResponse<Buffer> ok(HttpResponse<Buffer> response, int status) {
    assertEquals(status, response.statusCode(), response.bodyAsString());
    return response;
  }
}
