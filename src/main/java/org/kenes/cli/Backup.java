package org.kenes.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.kenes.common.Invalid;
import org.kenes.common.PrivateFiles;
import org.kenes.config.KenesConfig;
import org.kenes.privacy.PersonalData;
import org.kenes.store.Dump;
import org.kenes.store.Store;

/**
 * {@code kenes backup FILE [--pseudonymous]} and {@code kenes restore FILE [--force]}: every collection as portable
 * JSON lines, from and into the store the server would use (KENES_MONGO_URI, or the embedded store of KENES_DATA_DIR; a
 * running embedded server is reached through its connection string). A backup holds personal data and says so; with
 * --pseudonymous it leaves out the collections that say who the panelists are. Restore refuses to overwrite data
 * without --force.
 */
public final class Backup {

  static final String PSEUDONYMOUS = "--pseudonymous";

  private Backup() {}

  public static int backup(String[] args, KenesConfig config, PrintStream out, PrintStream err) {
    boolean pseudonymous = List.of(args).contains(PSEUDONYMOUS);
    List<String> files = List.of(args).stream().filter(a -> !a.equals(PSEUDONYMOUS)).toList();
    if (files.size() != 1 || files.get(0).startsWith("-")) {
      err.println("usage: kenes backup FILE [" + PSEUDONYMOUS + "]");
      return 2;
    }
    Path file = Path.of(files.get(0));
    try {
      List<String> lines = withStore(config, false, store -> Dump.lines(store.client(),
          collection -> !pseudonymous || !PersonalData.IDENTIFYING.contains(collection)));
      // Owner-only: a backup holds what the data folder does (names, emails, links, answers).
      PrivateFiles.write(file, lines);
      out.println("kenes backup: " + (lines.size() - 1) + " documents written to " + file);
      out.println(pseudonymous ? "kenes backup: pseudonymous: no panelist's name, email address or personal link "
          + "(left out: " + String.join(", ", PersonalData.IDENTIFYING.stream().sorted().toList())
          + "); the answers stay under the panelists' ids, which lead to no one without the full store. The "
          + "facilitators' accounts stay, with their names and email addresses"
          : "kenes backup: this file holds personal data: panelists' names, email addresses and personal links, the "
              + "messages to them and their consent records. Keep it as safe as the server's data, delete it when the "
              + "studies' retention periods end (erasures and deletions do not reach it), or make a backup without "
              + "them with " + PSEUDONYMOUS);
      return 0;
    } catch (IOException | RuntimeException e) {
      err.println("kenes backup: " + message(e));
      return 1;
    }
  }

  public static int restore(String[] args, KenesConfig config, PrintStream out, PrintStream err) {
    boolean force = List.of(args).contains("--force");
    List<String> files = List.of(args).stream().filter(a -> !a.equals("--force")).toList();
    if (files.size() != 1 || files.get(0).startsWith("-")) {
      err.println("usage: kenes restore FILE [--force]");
      return 2;
    }
    Path file = Path.of(files.get(0));
    Map<String, List<JsonObject>> dump;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      dump = DumpCheck.check(Dump.read(in));
    } catch (NoSuchFileException e) {
      err.println("kenes restore: " + file + ": no such file");
      return 2;
    } catch (IOException | IllegalArgumentException e) {
      err.println("kenes restore: " + file + ": " + e.getMessage());
      return 2;
    } catch (Invalid e) {
      err.println("kenes restore: " + file + ": " + e.getMessage());
      e.problems().forEach(p -> err.println("  " + p));
      return 2;
    }
    try {
      List<String> occupied = withStore(config, true, store -> Dump.nonEmpty(store.client()));
      if (!occupied.isEmpty() && !force) {
        err.println("kenes restore: the store already holds data (" + String.join(", ", occupied)
            + "); add --force to replace it");
        return 2;
      }
      long restored = withStore(config, true, store -> Dump.restore(store.client(), store.durability(), dump));
      out.println("kenes restore: " + restored + " documents restored from " + file);
      return 0;
    } catch (RuntimeException e) {
      err.println("kenes restore: " + message(e));
      return 1;
    }
  }

  /** Runs {@code work} on the store and waits for it, on this (non-event-loop) thread. */
  private static <T> T withStore(KenesConfig config, boolean forWriting, Function<Store, Future<T>> work) {
    Vertx vertx = Vertx.vertx();
    try {
      Store store = Store.open(vertx, reachable(vertx, config, forWriting)).await();
      try {
        return work.apply(store).await();
      } finally {
        store.close(vertx).await();
      }
    } finally {
      vertx.close().await();
    }
  }

  /** The configuration to reach the store: a running server's embedded store through its connection string. */
  private static KenesConfig reachable(Vertx vertx, KenesConfig config, boolean forWriting) {
    Path uriFile = config.dataDir().resolve(Store.URI_FILE);
    if (!config.embeddedStore() || !Files.exists(uriFile)) {
      return config;
    }
    String uri;
    try {
      uri = Files.readString(uriFile).trim();
    } catch (IOException e) {
      return config;
    }
    MongoClient probe = MongoClient.create(vertx, new JsonObject().put("connection_string", uri)
        .put("serverSelectionTimeoutMS", 1000));
    boolean running = probe.runCommand("ping", new JsonObject().put("ping", 1)).map(true).otherwise(false).await();
    probe.close().await();
    if (!running) {
      return config;
    }
    if (forWriting) {
      throw new IllegalStateException("a server is running on " + config.dataDir() + "; stop it before a restore");
    }
    return config.withMongoUri(uri);
  }

  private static String message(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return String.valueOf(root.getMessage());
  }
}
