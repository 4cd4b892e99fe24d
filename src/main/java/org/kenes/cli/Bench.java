package org.kenes.cli;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import org.kenes.KenesVerticle;
import org.kenes.Services;
import org.kenes.config.KenesConfig;
import org.kenes.participant.NewParticipant;
import org.kenes.participant.Participant;
import org.kenes.round.RoundCounters;
import org.kenes.store.Durability;
import org.kenes.study.Item;
import org.kenes.study.Study;

/**
 * {@code kenes bench [--quick]}: Kenes measured against the store beneath it, side by side in one run: saves through
 * the API against raw inserts, a round's statistics against one raw read of its answers, and live results at 100,000
 * panelists against 1,000. Prints what it measures as it goes and, last, one JSON line.
 */
public final class Bench {

  private static final int CLIENTS = 32;
  private static final String[] PANELS = {"p1", "p2", "p3", "p4", "p5"};

  private final boolean quick;
  private final PrintStream out;
  private final Random random = new Random(42);
  private Vertx vertx;
  private Services services;
  private WebClient http;
  private String admin;

  private Bench(boolean quick, PrintStream out) {
    this.quick = quick;
    this.out = out;
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    boolean quick = List.of(args).contains("--quick");
    if (args.length > (quick ? 1 : 0)) {
      err.println("usage: kenes bench [--quick]");
      return 2;
    }
    try {
      new Bench(quick, out).measure();
      return 0;
    } catch (Exception e) {
      err.println("kenes bench: " + e);
      return 1;
    }
  }

  private void measure() throws Exception {
    Path data = Files.createTempDirectory("kenes-bench");
    Path surveys = Files.createDirectories(data.resolve("surveys"));
    Map<String, String> env = new HashMap<>(System.getenv());
    env.put(KenesConfig.PORT, "0");
    env.put(KenesConfig.DATA_DIR, data.resolve("store").toString());
    env.put(KenesConfig.SURVEYS_DIR, surveys.toString());
    admin = "bench-" + random.nextLong();
    env.put(KenesConfig.ADMIN_TOKEN, admin);
    KenesConfig config = KenesConfig.from(env);
    vertx = Vertx.vertx();
    try {
      KenesVerticle kenes = new KenesVerticle(config);
      vertx.deployVerticle(kenes).await();
      services = kenes.services();
      http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(kenes.port()),
          new PoolOptions().setHttp1MaxSize(CLIENTS));
      out.println("kenes bench" + (quick ? " --quick" : "") + ": store " + (config.embeddedStore()
          ? "embedded (H2 file) in " + data : "MongoDB at KENES_MONGO_URI") + ", " + CLIENTS + " concurrent clients");
      JsonObject submit = submitVsRawInsert();
      JsonObject stats = statsVsRawScan();
      JsonObject live = liveGrowth();
      System.gc();
      long heap = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
      JsonObject summary = new JsonObject()
          .put("submitVsRawInsert", submit.getDouble("ratio"))
          .put("statsVsRawScan", stats.getDouble("ratio"))
          .put("liveGrowth", live.getDouble("ratio"))
          .put("quick", quick)
          .put("savesPerSecond", submit.getDouble("savesPerSecond"))
          .put("rawInsertsPerSecond", submit.getDouble("rawInsertsPerSecond"))
          .put("submitVsUnsyncedInsert", submit.getDouble("unsyncedRatio"))
          .put("unsyncedInsertsPerSecond", submit.getDouble("unsyncedInsertsPerSecond"))
          .put("saveP50Ms", submit.getDouble("p50Ms")).put("saveP99Ms", submit.getDouble("p99Ms"))
          .put("statsMs", stats.getDouble("statsMs")).put("rawScanMs", stats.getDouble("rawScanMs"))
          .put("liveMsAt1000", live.getDouble("at1000Ms")).put("liveMsAt100000", live.getDouble("at100000Ms"))
          .put("heapUsedMb", heap / (1024 * 1024));
      out.println(summary.encode());
    } finally {
      vertx.close().await();
    }
  }

  /** Answer saves per second through the HTTP API ÷ inserts per second of the same documents through the driver. */
  private JsonObject submitVsRawInsert() {
    int people = quick ? 2_000 : 10_000;
    int saves = quick ? 3_000 : 10_000;
    out.println("\n[1/3] submitVsRawInsert: " + saves + " saves of 40-item answer sets by " + people
        + " panelists through PUT /api/p/{token}/answers, then the same documents inserted through the driver");
    Study study = createStudy("bench-submit", 40);
    List<Participant> panel = addParticipants(study.id(), people);
    services.rounds().open(study.id()).await();
    List<String> items = study.items().stream().map(Item::id).toList();
    IntFunction<JsonObject> body = i -> {
      JsonObject answers = new JsonObject();
      items.forEach(item -> answers.put(item, new JsonObject().put("value", 1 + random.nextInt(9))));
      return new JsonObject().put("answers", answers).put("submit", true);
    };
    load("warm-up", Math.min(3_000, saves), i -> http.put("/api/p/" + panel.get(i % people).token() + "/answers")
        .sendJsonObject(body.apply(i)).map(r -> check(r.statusCode(), r.bodyAsString())));
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    double seconds = load("saves", saves, i -> {
      long start = System.nanoTime();
      return http.put("/api/p/" + panel.get(i % people).token() + "/answers").sendJsonObject(body.apply(i))
          .map(r -> {
            latencies.add(System.nanoTime() - start);
            return check(r.statusCode(), r.bodyAsString());
          });
    });
    double savesPerSecond = saves / seconds;
    // The same documents through the driver, made durable as every acknowledged save is (on a MongoDB server its
    // write concern does that; on the embedded store the group commit), and for the record without that.
    MongoClient mongo = services.store().client();
    Durability durability = services.store().durability();
    IntFunction<JsonObject> raw = i -> new JsonObject().put("study", study.id()).put("round", 1)
        .put("participant", panel.get(i % people).id()).put("panel", panel.get(i % people).panel())
        .put("answers", body.apply(i).getJsonObject("answers")).put("submitted", true);
    double rawPerSecond = saves / load("raw inserts, durable", saves, i -> mongo.insert("bench-raw", raw.apply(i)
        .put("_id", "durable:" + i)).compose(id -> durability.sync()));
    double unsyncedPerSecond = saves / load("raw inserts, not waiting for durability", saves,
        i -> mongo.insert("bench-raw", raw.apply(i).put("_id", "unsynced:" + i)).mapEmpty());
    Collections.sort(latencies);
    double p50 = latencies.get(latencies.size() / 2) / 1e6;
    double p99 = latencies.get((int) (latencies.size() * 0.99)) / 1e6;
    out.printf("  saves: %.0f/s (p50 %.1f ms, p99 %.1f ms); durable raw inserts: %.0f/s; ratio %.2f (target ≥ 0.5); "
        + "raw inserts not waiting for durability: %.0f/s (ratio %.2f)%n", savesPerSecond, p50, p99, rawPerSecond,
        savesPerSecond / rawPerSecond, unsyncedPerSecond, savesPerSecond / unsyncedPerSecond);
    return new JsonObject().put("ratio", savesPerSecond / rawPerSecond).put("savesPerSecond", savesPerSecond)
        .put("rawInsertsPerSecond", rawPerSecond).put("unsyncedInsertsPerSecond", unsyncedPerSecond)
        .put("unsyncedRatio", savesPerSecond / unsyncedPerSecond).put("p50Ms", p50).put("p99Ms", p99);
  }

  /** Computing a closed round's statistics ÷ reading its answer documents from the store once. */
  private JsonObject statsVsRawScan() {
    int people = quick ? 2_000 : 10_000;
    int itemCount = quick ? 50 : 100;
    out.println("\n[2/3] statsVsRawScan: a round of " + people + " panelists × " + itemCount + " items × "
        + PANELS.length + " panels, closed, against one read of its answers");
    Study study = createStudy("bench-stats", itemCount);
    List<Participant> panel = addParticipants(study.id(), people);
    services.rounds().open(study.id()).await();
    seedAnswers(study, 1, panel, 0, people);
    MongoClient mongo = services.store().client();
    JsonObject query = new JsonObject().put("study", study.id()).put("round", 1);
    mongo.find("answers", query).await();
    long start = System.nanoTime();
    int read = mongo.find("answers", query).await().size();
    double rawMs = (System.nanoTime() - start) / 1e6;
    start = System.nanoTime();
    services.rounds().close(study.id(), 1).await();
    double statsMs = (System.nanoTime() - start) / 1e6;
    out.printf("  raw read of %d documents: %.0f ms; close with full statistics: %.0f ms; ratio %.2f (target ≤ 1.5)%n",
        read, rawMs, statsMs, statsMs / rawMs);
    return new JsonObject().put("ratio", statsMs / rawMs).put("statsMs", statsMs).put("rawScanMs", rawMs);
  }

  /** Latency of live provisional results at 100,000 panelists ÷ at 1,000. */
  private JsonObject liveGrowth() {
    int itemCount = 20;
    out.println("\n[3/3] liveGrowth: live results of an open round of " + itemCount + " items, at 1,000 and at "
        + "100,000 panelists");
    Study study = createStudy("bench-live", itemCount);
    List<Participant> panel = addParticipants(study.id(), 100_000);
    services.rounds().open(study.id()).await();
    seedAnswers(study, 1, panel, 0, 1_000);
    double small = liveLatency(study);
    seedAnswers(study, 1, panel, 1_000, 100_000);
    double large = liveLatency(study);
    out.printf("  median latency at 1,000: %.2f ms; at 100,000: %.2f ms; ratio %.2f (target ≤ 1.5)%n", small, large,
        large / small);
    return new JsonObject().put("ratio", large / small).put("at1000Ms", small).put("at100000Ms", large);
  }

  private double liveLatency(Study study) {
    String path = "/api/studies/" + study.id() + "/rounds/1/results";
    List<Double> times = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      long start = System.nanoTime();
      int status = http.get(path).bearerTokenAuthentication(admin).send().await().statusCode();
      check(status, path);
      if (i >= 10) {
        times.add((System.nanoTime() - start) / 1e6);
      }
    }
    Collections.sort(times);
    return times.get(times.size() / 2);
  }

  /**
   * Answer sets written straight into the store, with the round's tallies recounted from them: the state the saves
   * of those panelists would have left, reached in seconds instead of minutes.
   */
  private void seedAnswers(Study study, int round, List<Participant> people, int from, int to) {
    MongoClient mongo = services.store().client();
    List<BulkOperation> ops = new ArrayList<>();
    for (int i = from; i < to; i++) {
      Participant p = people.get(i);
      JsonObject answers = new JsonObject();
      for (Item item : study.items()) {
        int bias = p.panel().hashCode() % 3;
        answers.put(item.id(), new JsonObject().put("value", Math.max(1, Math.min(9, 4 + bias + random.nextInt(5)))));
      }
      ops.add(BulkOperation.createReplace(new JsonObject().put("_id", study.id() + ":" + round + ":" + p.id()),
          new JsonObject().put("_id", study.id() + ":" + round + ":" + p.id()).put("study", study.id())
              .put("round", round).put("participant", p.id()).put("panel", p.panel()).put("answers", answers)
              .put("submitted", true), true));
      if (ops.size() == 1_000 || i == to - 1) {
        mongo.bulkWrite("answers", ops).await();
        ops = new ArrayList<>();
      }
    }
    var sets = services.answerSets().list(study.id(), round).await();
    List<String> items = study.items().stream().map(Item::id).toList();
    services.tallies().replace(study.id(), round, study.panelIds(),
        RoundCounters.of(study, items, sets, participant -> Map.of())).await();
    out.println("  seeded " + sets.size() + " answer sets of " + items.size() + " items");
  }

  private Study createStudy(String id, int itemCount) {
    StringBuilder yaml = new StringBuilder("id: " + id + "\ntitle: Bench\nlanguages: [en]\npanels:\n");
    for (String p : PANELS) {
      yaml.append("  - {id: ").append(p).append(", name: Panel ").append(p).append("}\n");
    }
    yaml.append("items:\n");
    for (int i = 1; i <= itemCount; i++) {
      yaml.append("  - {id: item-").append(i).append(", type: rating, text: Statement ").append(i).append("}\n");
    }
    return services.studies().create(yaml.toString()).await();
  }

  private List<Participant> addParticipants(String study, int count) {
    List<Participant> all = new ArrayList<>();
    for (int from = 0; from < count; from += 1_000) {
      List<NewParticipant> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 1_000); i++) {
        batch.add(new NewParticipant(null, "bench" + i + "@example.org", PANELS[i % PANELS.length], "en"));
      }
      all.addAll(services.participants().upsert(study, batch).await());
    }
    return all;
  }

  /** Runs {@code total} operations, {@value #CLIENTS} at a time, and answers how many seconds they took. */
  private double load(String what, int total, IntFunction<Future<Void>> operation) {
    long start = System.nanoTime();
    long cpu = processCpuNanos();
    int[] next = {0};

    List<Future<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(vertx.executeBlocking(() -> null).compose(v -> loop(next, total, operation)));
    }
    Future.all(clients).await();
    double seconds = (System.nanoTime() - start) / 1e9;
    // CPU time of the whole process (server, store and load alike): what an operation costs on a busy machine.
    out.printf("  %s: %d in %.1f s, %.2f ms of CPU each%n", what, total, seconds, (processCpuNanos() - cpu) / 1e6 / total);
    return seconds;
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private Future<Void> loop(int[] next, int total, IntFunction<Future<Void>> operation) {
    int i;
    synchronized (next) {
      if (next[0] >= total) {
        return Future.succeededFuture();
      }
      i = next[0]++;
    }
    return operation.apply(i).compose(v -> loop(next, total, operation));
  }

  private static Void check(int status, String what) {
    if (status >= 300) {
      throw new IllegalStateException("HTTP " + status + ": " + what);
    }
    return null;
  }
}
