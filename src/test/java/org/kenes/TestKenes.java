package org.kenes;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.kenes.config.KenesConfig;
import org.kenes.services.Services;

/**
 * A real Kenes server for a test: the embedded store in a data folder of the test's, a random port, a known
 * facilitator token, and a client that waits for each answer (tests run on their own thread, never an event loop).
 */
public final class TestKenes implements AutoCloseable {

  public static final String ADMIN = "test-admin-token-of-kenes-tests";

  public final Vertx vertx;
  public final KenesConfig config;
  private final KenesVerticle verticle;
  private final WebClient client;

  private TestKenes(Vertx vertx, KenesConfig config, KenesVerticle verticle) {
    this.vertx = vertx;
    this.config = config;
    this.verticle = verticle;
    // Idle connections are let go before the server's deadline for a next request would close them under a request.
    this.client = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1")
        .setDefaultPort(verticle.port()).setFollowRedirects(false).setKeepAliveTimeout(5));
  }

  /** A server on {@code dataDir} with no study files loaded at start. */
  public static TestKenes start(Path dataDir) {
    return start(dataDir, emptyFolder(dataDir));
  }

  public static TestKenes start(Path dataDir, Path surveys) {
    return start(dataDir, surveys, Map.of());
  }

  /** A server with more configuration ({@code KENES_SMTP_HOST}, {@code KENES_MONGO_URI}, ...) on top of the test's. */
  public static TestKenes start(Path dataDir, Path surveys, Map<String, String> more) {
    return start(dataDir, surveys, more, java.time.Clock.systemUTC());
  }

  /** A server whose retention periods run by the test's clock. */
  public static TestKenes start(Path dataDir, Path surveys, Map<String, String> more, java.time.Clock clock) {
    Map<String, String> env = new HashMap<>();
    env.put(KenesConfig.PORT, "0");
    env.put(KenesConfig.DATA_DIR, dataDir.toString());
    env.put(KenesConfig.ADMIN_TOKEN, ADMIN);
    env.put(KenesConfig.SURVEYS_DIR, surveys.toString());
    env.put(KenesConfig.BASE_URL, "http://kenes.test");
    env.putAll(more);
    KenesConfig config = KenesConfig.from(env);
    Vertx vertx = Vertx.vertx();
    KenesVerticle verticle = new KenesVerticle(config, clock);
    vertx.deployVerticle(verticle).await();
    return new TestKenes(vertx, config, verticle);
  }

  public Services services() {
    return verticle.services();
  }

  /**
   * A round's counters as its tallies in the store have them, by panel, those of panels with none left out: what the
   * saves kept while the round was open, or, once it is closed, the recount of its answers.
   */
  public Map<String, Map<String, Number>> tallies(String study, int round) {
    Map<String, Map<String, Number>> byPanel = new java.util.TreeMap<>(services().tallies().read(study, round).await());
    byPanel.values().removeIf(Map::isEmpty);
    return byPanel;
  }

  public static String resource(String name) {
    try (var in = TestKenes.class.getResourceAsStream("/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public HttpResponse<Buffer> get(String path) {
    return client.get(path).send().await();
  }

  public HttpResponse<Buffer> adminGet(String path) {
    return admin(client.get(path)).send().await();
  }

  public HttpResponse<Buffer> adminPost(String path, String contentType, String body) {
    return admin(client.post(path)).putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
  }

  public HttpResponse<Buffer> adminPut(String path, JsonObject body) {
    return admin(client.put(path)).sendJsonObject(body).await();
  }

  public HttpResponse<Buffer> adminPost(String path) {
    return admin(client.post(path)).send().await();
  }

  public HttpResponse<Buffer> put(String path, JsonObject body) {
    return client.put(path).sendJsonObject(body).await();
  }

  /** The panelist of {@code token} agrees to the consent text their questionnaire shows. */
  public void agree(String token) {
    JsonObject consent = get("/api/p/" + token).bodyAsJsonObject().getJsonObject("consent");
    HttpResponse<Buffer> agreed = client.post("/api/p/" + token + "/consent")
        .sendJsonObject(new JsonObject().put("version", consent.getString("version"))).await();
    if (agreed.statusCode() != 200) {
      throw new AssertionError("consent refused: " + agreed.statusCode() + " " + agreed.bodyAsString());
    }
  }

  public HttpResponse<Buffer> putRaw(String path, String contentType, String body) {
    return client.put(path).putHeader("Content-Type", contentType).sendBuffer(Buffer.buffer(body)).await();
  }

  public HttpResponse<Buffer> postForm(String path, io.vertx.core.MultiMap form) {
    return client.post(path).sendForm(form).await();
  }

  /** The client itself, for requests the helpers above do not cover. */
  public WebClient vertxClient() {
    return client;
  }

  public int port() {
    return verticle.port();
  }

  /** Creates the small test study and returns its id. */
  public String createSmallStudy() {
    HttpResponse<Buffer> r = adminPost("/api/studies", "application/yaml", resource("studies/small.yaml"));
    if (r.statusCode() != 201) {
      throw new AssertionError("could not create the test study: " + r.bodyAsString());
    }
    return "small";
  }

  /** Adds participants ({@code panel} for each) and returns their tokens in order. */
  public JsonArray addParticipants(String study, String... panels) {
    JsonArray people = new JsonArray();
    for (int i = 0; i < panels.length; i++) {
      people.add(new JsonObject().put("name", "Person " + i).put("email", "p" + i + "@example.org")
          .put("panel", panels[i]).put("language", i % 2 == 0 ? "en" : "ru"));
    }
    HttpResponse<Buffer> r = adminPost("/api/studies/" + study + "/participants", "application/json", people.encode());
    if (r.statusCode() != 201) {
      throw new AssertionError("could not add participants: " + r.bodyAsString());
    }
    return r.bodyAsJsonArray();
  }

  /** The password of the accounts {@link #account} creates. */
  public static final String PASSWORD = "correct horse battery";

  /** Creates a facilitator account (password {@link #PASSWORD}) and returns a bearer token signed in with it. */
  public String account(String username) {
    HttpResponse<Buffer> created = adminPost("/api/accounts", "application/json", new JsonObject()
        .put("username", username).put("name", username).put("password", PASSWORD).encode());
    if (created.statusCode() != 201) {
      throw new AssertionError("could not create the account: " + created.bodyAsString());
    }
    return login(username);
  }

  /** A new bearer token of an account that {@link #account} created. */
  public String login(String username) {
    HttpResponse<Buffer> session = client.post("/api/session").sendJsonObject(new JsonObject()
        .put("username", username).put("password", PASSWORD)).await();
    return session.bodyAsJsonObject().getString("token");
  }

  /** Gives an account a role on a study, as the admin ({@code role} null: takes it away). */
  public void grant(String study, String username, String role) {
    HttpResponse<Buffer> r = adminPut("/api/studies/" + study + "/roles/" + username,
        new JsonObject().put("role", role));
    if (r.statusCode() != 200) {
      throw new AssertionError("could not grant the role: " + r.bodyAsString());
    }
  }

  private static HttpRequest<Buffer> admin(HttpRequest<Buffer> request) {
    return request.bearerTokenAuthentication(ADMIN);
  }

  public static Path emptyFolder(Path dataDir) {
    try {
      return Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-surveys"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    client.close();
    vertx.close().await();
  }
}
