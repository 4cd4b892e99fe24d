package org.kenes.bench;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.WebClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kenes.services.Services;
import org.kenes.participant.Participant;
import org.kenes.study.Item;
import org.kenes.study.Study;

/**
 * The bench's load from outside: {@code /health}, 40-item saves and the 40-item questionnaire page, driven by
 * {@link HttpLoad} in a process of its own as {@code wrk -t2 -c32} would, after a warm-up, and the page's size on the
 * wire when the browser asks for gzip. Targets: saves and pages each at least a quarter of {@code /health}'s requests
 * per second, no errors, and their p99 within four times {@code /health}'s.
 */
public final class WireBench {

  private static final int CONNECTIONS = 32;

  private final Services services;
  private final BenchData fixture;
  private final WebClient http;
  private final int port;
  private final PrintStream out;

  public WireBench(Services services, BenchData fixture, WebClient http, int port, PrintStream out) {
    this.services = services;
    this.fixture = fixture;
    this.http = http;
    this.port = port;
    this.out = out;
  }

  public JsonObject measure(Path dir, boolean quick, String step) throws Exception {
    int people = 1_000;
    int warmUp = quick ? 10 : 20;
    int seconds = 8;
    out.println("\n[" + step + "] from outside: GET /health, PUT /api/p/{token}/answers (40 items) and GET /p/{token} "
        + "(40 items) by " + people + " panelists, from another process with " + CONNECTIONS + " connections on 2 "
        + "threads: each warmed up " + warmUp + " s, then measured " + seconds + " s");
    Study study = fixture.createStudy("bench-wire", 40);
    List<Participant> panel = fixture.addParticipants(study.id(), people);
    services.rounds().open(study.id()).await();
    String base = "http://127.0.0.1:" + port;
    JsonObject answers = new JsonObject();
    for (int i = 0; i < study.items().size(); i++) {
      Item item = study.items().get(i);
      answers.put(item.id(), new JsonObject().put("value", 1 + i % 9));
    }
    JsonObject plan = new JsonObject().put("connections", CONNECTIONS).put("warmUpSeconds", warmUp)
        .put("seconds", seconds).put("loads", new JsonArray()
            .add(new JsonObject().put("name", "health").put("urls", new JsonArray().add(base + "/health")))
            .add(new JsonObject().put("name", "saves").put("method", "PUT").put("urls", urls(panel, base, "/answers"))
                .put("body", new JsonObject().put("answers", answers).put("submit", true).encode()))
            .add(new JsonObject().put("name", "page").put("urls", urls(panel, base, ""))));
    Path planFile = dir.resolve("wire-plan.json");
    Files.writeString(planFile, plan.encode());
    Map<String, JsonObject> results = run(planFile);
    JsonObject health = results.get("health");
    JsonObject saves = results.get("saves");
    JsonObject page = results.get("page");
    int bytesOnWire = http.get("/p/" + panel.get(0).token()).putHeader("Accept-Encoding", "gzip").send().await()
        .body().length();
    double saveVsHealth = saves.getDouble("perSecond") / health.getDouble("perSecond");
    double pageVsHealth = page.getDouble("perSecond") / health.getDouble("perSecond");
    for (JsonObject load : List.of(health, saves, page)) {
      out.printf("  %s: %.0f/s, p50 %.1f ms, p99 %.1f ms, %d errors%n", load.getString("name"),
          load.getDouble("perSecond"), load.getDouble("p50Ms"), load.getDouble("p99Ms"), load.getInteger("errors"));
    }
    out.printf("  saves ÷ health %.2f, page ÷ health %.2f (targets ≥ 0.25); p99 ÷ health's: saves %.1f, page %.1f "
        + "(targets ≤ 4); the page: %d bytes, %d on the wire gzipped%n", saveVsHealth, pageVsHealth,
        saves.getDouble("p99Ms") / health.getDouble("p99Ms"), page.getDouble("p99Ms") / health.getDouble("p99Ms"),
        page.getLong("meanBytes"), bytesOnWire);
    return new JsonObject().put("saveVsHealth", saveVsHealth).put("pageVsHealth", pageVsHealth)
        .put("pageBytesOnWire", bytesOnWire).put("health", health).put("saves", saves).put("page", page);
  }

  private static JsonArray urls(List<Participant> panel, String base, String suffix) {
    JsonArray urls = new JsonArray();
    panel.forEach(p -> urls.add(base + (suffix.isEmpty() ? "/p/" : "/api/p/") + p.token() + suffix));
    return urls;
  }

  /** Runs {@link HttpLoad} in a JVM of its own, on the classes of this one, and reads its lines. */
  private Map<String, JsonObject> run(Path plan) throws Exception {
    String classPath = Path.of(HttpLoad.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    String java = ProcessHandle.current().info().command().orElse("java");
    Process load = new ProcessBuilder(java, "-Xmx256m", "-cp", classPath, HttpLoad.class.getName(), plan.toString())
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    Map<String, JsonObject> results = new HashMap<>();
    try (BufferedReader lines = new BufferedReader(new InputStreamReader(load.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        JsonObject result = new JsonObject(line);
        results.put(result.getString("name"), result);
      }
    }
    if (load.waitFor() != 0 || results.size() != 3) {
      throw new IllegalStateException("the outside load ended with " + load.exitValue() + ", results " + results);
    }
    return results;
  }
}
