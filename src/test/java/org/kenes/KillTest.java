package org.kenes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kenes as its own process, killed under a load of concurrent saves (SIGKILL, or SIGTERM), then started again on the
 * same data: every acknowledged save is intact.
 */
class KillTest {

  private static final int PANELISTS = 32;

  @TempDir
  Path dir;

  private static final Pattern LISTENING = Pattern.compile("Kenes is listening on port (\\d+)");

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  /** A Kenes process, the port it chose and the file its output goes to. */
  private record Server(Process process, int port, Path log) {}

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"SIGKILL", "SIGTERM"})
  @DisplayName("no acknowledged answer is lost when the server dies under load")
  void acknowledgedSavesSurvive(String signal) throws Exception {
    Path surveys = Files.createDirectories(dir.resolve("surveys"));
    Files.writeString(surveys.resolve("small.yaml"), TestKenes.resource("studies/small.yaml"));
    Path data = dir.resolve("data");
    Server server = start(data, surveys);
    int port = server.port();
    List<String> tokens = new ArrayList<>();
    Map<String, Integer> acknowledged = new ConcurrentHashMap<>();
    Map<String, Integer> attempted = new ConcurrentHashMap<>();
    AtomicInteger acks = new AtomicInteger();
    Map<Integer, Integer> outcomes = new ConcurrentHashMap<>();
    try {
      JsonArray people = new JsonArray();
      for (int i = 0; i < PANELISTS; i++) {
        people.add(new JsonObject().put("email", "k" + i + "@example.org").put("panel", "providers"));
      }
      new JsonArray(admin(port, "POST", "/api/studies/small/participants", people.encode()))
          .forEach(p -> tokens.add(((JsonObject) p).getString("token")));
      admin(port, "POST", "/api/studies/small/rounds", "");

      AtomicBoolean running = new AtomicBoolean(true);
      ExecutorService clients = Executors.newFixedThreadPool(PANELISTS);
      for (String token : tokens) {
        clients.submit(() -> {
          // Each panelist saves one answer after another until the server is gone.
          for (int value = 1; running.get(); value = value % 9 + 1) {
            attempted.put(token, value);
            int status = save(port, token, value);
            if (status != 200) {
              outcomes.merge(status, 1, Integer::sum);
              break;
            }
            acknowledged.put(token, value);
            acks.incrementAndGet();
          }
        });
      }
      Wait.until("300 saves acknowledged", () -> acks.get() >= 300);
      if (signal.equals("SIGKILL")) {
        server.process().destroyForcibly();
      } else {
        server.process().destroy();
      }
      assertTrue(server.process().waitFor(Wait.PATIENCE.toSeconds(), TimeUnit.SECONDS), "the server stopped");
      running.set(false);
      clients.shutdown();
      assertTrue(clients.awaitTermination(Wait.PATIENCE.toSeconds(), TimeUnit.SECONDS));
      if (signal.equals("SIGTERM")) {
        assertTrue(Files.readString(server.log()).contains("Kenes stopped"),
            "SIGTERM drains requests and commits the store");
      }
    } finally {
      server.process().destroyForcibly();
    }

    // Started again on a port of its own choosing: the old one may have been taken meanwhile.
    Server again = start(data, surveys);
    try {
      int intact = 0;
      for (String token : tokens) {
        if (!acknowledged.containsKey(token)) {
          continue;
        }
        JsonObject q = new JsonObject(get(again.port(), "/api/p/" + token));
        int stored = q.getJsonArray("items").getJsonObject(0).getJsonObject("answer").getInteger("value");
        // The save in flight at the kill may or may not have landed; nothing older than the last acknowledged may.
        assertTrue(stored == acknowledged.get(token) || stored == attempted.get(token),
            "panelist " + token.substring(0, 4) + ": acknowledged " + acknowledged.get(token) + ", found " + stored);
        intact++;
      }
      System.out.println(signal + ": " + acks.get() + " saves acknowledged before the kill; the last of each of "
          + intact + " panelists found intact after the restart; the saves under way ended as " + outcomes
          + " (status: count; -1 = no answer)");
      assertTrue(outcomes.keySet().stream().allMatch(status -> status == -1 || status == 503),
          "a save under way gets an answer or none, never an error: " + outcomes);
      assertEquals(acknowledged.size(), intact);
      // The live tallies may have lost what the instance had not written yet; the close's recount of the answers
      // counts every panelist with an acknowledged save, and at most those whose save was under way besides.
      long responded = new JsonObject(admin(again.port(), "POST", "/api/studies/small/rounds/1/close", ""))
          .getJsonObject("participation").getLong("responded");
      assertTrue(responded >= acknowledged.size() && responded <= attempted.size(),
          "counted " + responded + ", acknowledged " + acknowledged.size() + ", attempted " + attempted.size());
    } finally {
      again.process().destroy();
      again.process().waitFor(Wait.PATIENCE.toSeconds(), TimeUnit.SECONDS);
    }
  }

  /**
   * Starts Kenes on port 0 and reads the port it chose from its log: a port found free beforehand could be taken by
   * another process before Kenes binds it, and a busy CI machine runs other servers.
   */
  private Server start(Path data, Path surveys) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "org.kenes.Main", "serve")
        .redirectErrorStream(true);
    Path log = dir.resolve("server-" + System.nanoTime() + ".log");
    pb.redirectOutput(log.toFile());
    pb.environment().put("KENES_PORT", "0");
    pb.environment().put("KENES_DATA_DIR", data.toString());
    pb.environment().put("KENES_ADMIN_TOKEN", TestKenes.ADMIN);
    pb.environment().put("KENES_SURVEYS_DIR", surveys.toString());
    Process process = pb.start();
    try {
      int[] port = {0};
      Wait.until("the server says its port", () -> {
        Matcher m = LISTENING.matcher(read(log));
        port[0] = m.find() ? Integer.parseInt(m.group(1)) : 0;
        return port[0] > 0 || !process.isAlive();
      });
      assertTrue(process.isAlive(), "the server stopped:\n" + read(log));
      Wait.until("the server is healthy", () -> healthy(port[0]));
      return new Server(process, port[0], log);
    } catch (AssertionError | InterruptedException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  private boolean healthy(int port) {
    try {
      return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
          HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static String read(Path log) {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private int save(int port, String token, int value) {
    String body = new JsonObject().put("answers", new JsonObject()
        .put("strategy", new JsonObject().put("value", value))
        .put("audit", new JsonObject().put("value", value))).put("submit", true).encode();
    try {
      HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/p/"
              + token + "/answers")).timeout(Wait.PATIENCE).header("Content-Type", "application/json")
          .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      return r.statusCode();
    } catch (IOException | InterruptedException e) {
      return -1;
    }
  }

  private String get(int port, String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private String admin(int port, String method, String path, String body) throws Exception {
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
        .header("Authorization", "Bearer " + TestKenes.ADMIN).header("Content-Type", "application/json")
        .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    assertTrue(r.statusCode() < 300, method + " " + path + ": " + r.body());
    return r.body();
  }
}
