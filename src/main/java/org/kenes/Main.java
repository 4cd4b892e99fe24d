package org.kenes;

import io.vertx.core.Vertx;
import java.util.Arrays;
import org.kenes.cli.Analyze;
import org.kenes.cli.Backup;
import org.kenes.config.KenesConfig;
import org.kenes.web.panelist.WarmUp;

/** The {@code kenes} command: {@code serve} and {@code analyze}. */
public final class Main {

  static final String HELP = """
      Usage: kenes COMMAND [ARGS]

      Commands:
        serve     Start the server: port KENES_PORT (8080), embedded store in KENES_DATA_DIR (./data) unless
                  KENES_MONGO_URI is set, and every study file of surveys/ loaded. Rounds open (rounds.opensAt)
                  and close (a round's deadline) by themselves at their times. Once it listens it warms itself
                  up on its studies' pages for some seconds (reading only), so that the first panelists are served
                  by compiled code.
        analyze   RESPONSES.csv [--study FILE] [--round N] [--previous PREVIOUS.csv]
                  Offline statistics of a responses CSV, printed as round-results JSON. Ranks may be tied
                  (1, 2, 2, 4) or leave options unranked; without --study an item nobody could rate stays a
                  rating item.
        bench     [--quick]
                  Measures Kenes against the store beneath it: saves vs durable raw inserts (measured in
                  turns), the questionnaire page under load, a close's statistics vs one raw read, live results
                  at 100,000 vs 1,000 panelists, a 1,000,000-row analysis in a 512 MB heap; then /health, saves
                  and the page loaded from another process as wrk would (saveVsHealth, pageVsHealth,
                  pageBytesOnWire) and the heap after a 10,000-panelist round. Loads are warmed up
                  until the JIT compiler is done with them. Prints as it goes, one JSON line last; --quick
                  (smaller sets) takes about three minutes on 2 cores, the full run about four.
        backup    FILE [--pseudonymous]
                  Every collection of the store but the sessions as portable JSON lines (a running server's
                  store too), in a file only its owner may read. It holds personal data (panelists' names,
                  emails, personal links); --pseudonymous leaves those out.
        restore   FILE [--force]
                  Puts a backup back; refuses to replace existing data without --force. Stop the server first.
                  Every document is checked against what Kenes writes first: a problem is reported by its line
                  and nothing is restored. Sessions are never restored.
        help      This text.

      Environment: KENES_PORT, KENES_DATA_DIR, KENES_MONGO_URI, KENES_BASE_URL,
        KENES_ADMIN_TOKEN (at least 24 characters; a new one ends the admin sessions of the old),
        KENES_SMTP_HOST, KENES_SMTP_PORT, KENES_SMTP_FROM,
        KENES_SMTP_TLS (optional: STARTTLS when the server offers it; required: mail only over STARTTLS).
      """;

  private Main() {}

  public static void main(String[] args) {
    String command = args.length == 0 ? "help" : args[0];
    String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
    switch (command) {
      case "serve" -> serve();
      case "analyze" -> System.exit(Analyze.run(rest, System.out, System.err));
      case "bench" -> System.exit(Bench.run(rest, System.out, System.err));
      case "backup" -> System.exit(Backup.backup(rest, config(), System.out, System.err));
      case "restore" -> System.exit(Backup.restore(rest, config(), System.out, System.err));
      case "help", "--help", "-h" -> System.out.print(HELP);
      default -> {
        System.err.println("kenes: unknown command '" + command + "'\n");
        System.err.print(HELP);
        System.exit(2);
      }
    }
  }

  private static KenesConfig config() {
    try {
      return KenesConfig.fromEnv();
    } catch (IllegalArgumentException e) {
      System.err.println("kenes: " + e.getMessage());
      System.exit(2);
      return null;
    }
  }

  private static void serve() {
    KenesConfig config = config();
    Vertx vertx = Vertx.vertx();
    KenesVerticle verticle = new KenesVerticle(config);
    vertx.deployVerticle(verticle).onFailure(e -> {
      System.err.println("kenes: could not start: " + e.getMessage());
      vertx.close().onComplete(v -> System.exit(1));
    }).onSuccess(id -> WarmUp.run(vertx, verticle.services()));
    // SIGTERM: stop taking requests, let those in flight finish, commit the store, then exit.
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        vertx.close().toCompletionStage().toCompletableFuture().get(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (Exception e) {
        System.err.println("kenes: shutdown: " + e.getMessage());
      }
    }, "kenes-shutdown"));
  }
}
