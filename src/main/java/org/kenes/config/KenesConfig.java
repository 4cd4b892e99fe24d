package org.kenes.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * Everything Kenes reads from its environment, built once at start; tests pass their own instance.
 *
 * @param mongoUri   a MongoDB connection string, or null for the embedded store in {@code dataDir}
 * @param adminToken the facilitator bearer token, or null to generate one and keep it in {@code dataDir}
 * @param smtpHost   null keeps messages in the outbox
 * @param smtpTlsRequired send only over STARTTLS ({@code KENES_SMTP_TLS=required}); else it is used when offered
 */
public record KenesConfig(
    int port,
    Path dataDir,
    String mongoUri,
    String baseUrl,
    String adminToken,
    String smtpHost,
    int smtpPort,
    String smtpFrom,
    boolean smtpTlsRequired,
    Path surveysDir,
    Path webroot) {

  public static final String PORT = "KENES_PORT";
  public static final String DATA_DIR = "KENES_DATA_DIR";
  public static final String MONGO_URI = "KENES_MONGO_URI";
  public static final String BASE_URL = "KENES_BASE_URL";
  public static final String ADMIN_TOKEN = "KENES_ADMIN_TOKEN";
  public static final String SMTP_HOST = "KENES_SMTP_HOST";
  public static final String SMTP_PORT = "KENES_SMTP_PORT";
  public static final String SMTP_FROM = "KENES_SMTP_FROM";
  public static final String SMTP_TLS = "KENES_SMTP_TLS";
  public static final String SURVEYS_DIR = "KENES_SURVEYS_DIR";
  public static final String WEBROOT = "KENES_WEBROOT";

  public static KenesConfig fromEnv() {
    return from(System.getenv());
  }

  public static KenesConfig from(Map<String, String> env) {
    int port = intValue(env, PORT, 8080);
    String adminToken = value(env, ADMIN_TOKEN, null);
    if (adminToken != null) {
      AdminToken.check(adminToken, ADMIN_TOKEN);
    }
    return new KenesConfig(
        port,
        Path.of(value(env, DATA_DIR, "data")),
        value(env, MONGO_URI, null),
        value(env, BASE_URL, "http://localhost:" + port),
        adminToken,
        value(env, SMTP_HOST, null),
        intValue(env, SMTP_PORT, 25),
        value(env, SMTP_FROM, "kenes@localhost"),
        smtpTlsRequired(env),
        Path.of(value(env, SURVEYS_DIR, "surveys")),
        Path.of(value(env, WEBROOT, "webroot")));
  }

  /** The same configuration on another port, with links following it when they were left to the default. */
  public KenesConfig withPort(int newPort) {
    String base = baseUrl.equals("http://localhost:" + port) ? "http://localhost:" + newPort : baseUrl;
    return new KenesConfig(newPort, dataDir, mongoUri, base, adminToken, smtpHost, smtpPort, smtpFrom, smtpTlsRequired,
        surveysDir, webroot);
  }

  /** The same configuration reaching its store through another connection string. */
  public KenesConfig withMongoUri(String uri) {
    return new KenesConfig(port, dataDir, uri, baseUrl, adminToken, smtpHost, smtpPort, smtpFrom, smtpTlsRequired,
        surveysDir, webroot);
  }

  public boolean embeddedStore() {
    return mongoUri == null;
  }

  private static String value(Map<String, String> env, String key, String fallback) {
    String v = env.get(key);
    return v == null || v.isBlank() ? fallback : v.trim();
  }

  /** {@code optional} (the default: STARTTLS when the server offers it) or {@code required}. */
  private static boolean smtpTlsRequired(Map<String, String> env) {
    String v = value(env, SMTP_TLS, "optional");
    if (!v.equals("optional") && !v.equals("required")) {
      throw new IllegalArgumentException(SMTP_TLS + " must be optional or required, not '" + v + "'");
    }
    return v.equals("required");
  }

  private static int intValue(Map<String, String> env, String key, int fallback) {
    String v = value(env, key, null);
    if (v == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(key + " must be a whole number, not '" + v + "'");
    }
  }
}
