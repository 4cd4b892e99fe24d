package org.kenes;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.MongoClient;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import org.kenes.bench.BenchData;
import org.kenes.bench.WireBench;
import org.kenes.config.KenesConfig;
import org.kenes.participant.Participant;
import org.kenes.report.ResponsesCsv;
import org.kenes.services.Services;
import org.kenes.store.Durability;
import org.kenes.study.Item;
import org.kenes.study.Study;

/**
 * {@code kenes bench [--quick]}: Kenes measured against the store beneath it, side by side in one run: saves through
 * the API against raw inserts, the questionnaire page under the same load, a round's statistics against one raw read
 * of its answers, live results at 100,000 panelists against 1,000, and the heap a million-row analysis needs. Prints
 * what it measures as it goes and, last, one JSON line.
 */
public final class Bench {

  private static final int CLIENTS = 32;

  private final boolean quick;
  private final PrintStream out;
  private final Random random = new Random(42);
  private Vertx vertx;
  private Services services;
  private WebClient http;
  private String admin;
  private BenchData fixture;

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
      fixture = new BenchData(services, random, out);
      // Idle connections are let go before the server's deadline for a next request would close them under one.
      http = WebClient.create(vertx, new WebClientOptions().setDefaultHost("127.0.0.1").setDefaultPort(kenes.port())
          .setKeepAliveTimeout(5), new PoolOptions().setHttp1MaxSize(CLIENTS));
      out.println("kenes bench" + (quick ? " --quick" : "") + ": store " + (config.embeddedStore()
          ? "embedded (H2 file) in " + data : "MongoDB at KENES_MONGO_URI") + ", " + CLIENTS + " concurrent clients");
      JsonObject submit = submitVsRawInsert();
      JsonObject page = pageLatency();
      JsonObject stats = statsVsRawScan();
      JsonObject live = liveGrowth();
      JsonObject analyze = analyzeMillionRows(data);
      JsonObject wire = new WireBench(services, fixture, http, kenes.port(), out).measure(data, quick, "6/7");
      long roundHeap = heapAfterRound();
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
          .put("saveCpuMs", submit.getDouble("cpuMs")).put("rawInsertCpuMs", submit.getDouble("rawCpuMs"))
          .put("pageP50Ms", page.getDouble("p50Ms")).put("pageP99Ms", page.getDouble("p99Ms"))
          .put("pagesPerSecond", page.getDouble("perSecond")).put("pageErrors", page.getInteger("errors"))
          .put("statsMs", stats.getDouble("statsMs")).put("rawScanMs", stats.getDouble("rawScanMs"))
          .put("liveMsAt1000", live.getDouble("at1000Ms")).put("liveMsAt100000", live.getDouble("at100000Ms"))
          .put("analyzeRows", analyze.getLong("rows")).put("analyzeMs", analyze.getDouble("ms"))
          .put("analyzeHeapLimitMb", analyze.getInteger("heapLimitMb")).put("analyzeOk", analyze.getBoolean("ok"))
          .put("saveVsHealth", wire.getDouble("saveVsHealth")).put("pageVsHealth", wire.getDouble("pageVsHealth"))
          .put("pageBytesOnWire", wire.getInteger("pageBytesOnWire"))
          .put("outside", new JsonObject().put("health", wire.getJsonObject("health"))
              .put("saves", wire.getJsonObject("saves")).put("page", wire.getJsonObject("page")))
          .put("heapAfterRoundMb", roundHeap)
          .put("heapUsedMb", heap / (1024 * 1024));
      out.println(summary.encode());
    } finally {
      vertx.close().await();
    }
  }

  /**
   * Answer saves per second through the HTTP API ÷ inserts per second of the same documents through the driver. Both
   * are warmed up, then measured in turns, so that both meet the same state of the machine (the code compiled so far,
   * the garbage collector): measured one after the other, the later one ran on code the earlier one had compiled.
   */
  private JsonObject submitVsRawInsert() {
    int people = quick ? 2_000 : 10_000;
    int saves = quick ? 6_000 : 10_000;
    int turns = 3;
    out.println("\n[1/7] submitVsRawInsert: " + saves + " saves of 40-item answer sets by " + people
        + " panelists through PUT /api/p/{token}/answers and " + saves + " inserts of the same documents through the "
        + "driver, in " + turns + " turns each");
    Study study = fixture.createStudy("bench-submit", 40);
    List<Participant> panel = fixture.addParticipants(study.id(), people);
    services.rounds().open(study.id()).await();
    List<String> items = study.items().stream().map(Item::id).toList();
    Supplier<JsonObject> answers = () -> {
      JsonObject set = new JsonObject();
      items.forEach(item -> set.put(item, new JsonObject().put("value", 1 + random.nextInt(9))));
      return set;
    };
    AtomicInteger next = new AtomicInteger();
    AtomicInteger late = new AtomicInteger();
    IntFunction<Future<Void>> save = i -> sent(() -> http.put("/api/p/" + panel.get(next.getAndIncrement() % people)
        .token() + "/answers").sendJsonObject(new JsonObject().put("answers", answers.get()).put("submit", true)), late);
    // The same documents through the driver, made durable as every acknowledged save is (on a MongoDB server its
    // write concern does that; on the embedded store the group commit), and for the record without that.
    MongoClient mongo = services.store().client();
    Durability durability = services.store().durability();
    AtomicInteger inserted = new AtomicInteger();
    Supplier<JsonObject> raw = () -> {
      int n = inserted.getAndIncrement();
      Participant p = panel.get(n % people);
      return new JsonObject().put("_id", "raw:" + n).put("study", study.id()).put("round", 1)
          .put("participant", p.id()).put("panel", p.panel()).put("answers", answers.get()).put("submitted", true);
    };
    IntFunction<Future<Void>> durableInsert = i -> mongo.insert("bench-raw", raw.get()).compose(id -> durability.sync());
    IntFunction<Future<Void>> unsyncedInsert = i -> mongo.insert("bench-raw", raw.get()).mapEmpty();
    warmUp(List.of(Map.entry("saves", save), Map.entry("raw inserts, durable", durableInsert),
        Map.entry("raw inserts, not waiting for durability", unsyncedInsert)), quick ? 90 : 180);
    List<Load> saved = new ArrayList<>();
    List<Load> durable = new ArrayList<>();
    List<Load> unsynced = new ArrayList<>();
    for (int turn = 1; turn <= turns; turn++) {
      String of = " (turn " + turn + " of " + turns + ")";
      saved.add(load("saves" + of, saves / turns, save));
      durable.add(load("raw inserts, durable" + of, saves / turns, durableInsert));
      unsynced.add(load("raw inserts, not waiting for durability" + of, saves / turns, unsyncedInsert));
    }
    Load measured = Load.of(saved);
    Load durableLoad = Load.of(durable);
    Load unsyncedLoad = Load.of(unsynced);
    out.printf("  saves: %.0f/s (p50 %.1f ms, p99 %.1f ms, %.2f ms of CPU each); durable raw inserts: %.0f/s (%.2f ms of "
        + "CPU each); ratio %.2f (target ≥ 0.5); raw inserts not waiting for durability: %.0f/s (ratio %.2f)%n",
        measured.perSecond(), measured.p50Ms(), measured.p99Ms(), measured.cpuMs(), durableLoad.perSecond(),
        durableLoad.cpuMs(), measured.perSecond() / durableLoad.perSecond(), unsyncedLoad.perSecond(),
        measured.perSecond() / unsyncedLoad.perSecond());
    out.printf("  saves not acknowledged within their lease (503), sent again: %d%n", late.get());
    return new JsonObject().put("ratio", measured.perSecond() / durableLoad.perSecond())
        .put("savesPerSecond", measured.perSecond()).put("rawInsertsPerSecond", durableLoad.perSecond())
        .put("unsyncedInsertsPerSecond", unsyncedLoad.perSecond())
        .put("unsyncedRatio", measured.perSecond() / unsyncedLoad.perSecond())
        .put("p50Ms", measured.p50Ms()).put("p99Ms", measured.p99Ms())
        .put("cpuMs", measured.cpuMs()).put("rawCpuMs", durableLoad.cpuMs());
  }

  /** The questionnaire page of a 60-item round, as a panelist's browser asks for it, under the same load. */
  private JsonObject pageLatency() {
    int people = 1_000;
    int pages = quick ? 3_000 : 10_000;
    out.println("\n[2/7] page latency: " + pages + " requests for the questionnaire page of a 60-item round (GET "
        + "/p/{token}) by " + people + " panelists, " + CLIENTS + " at a time");
    Study study = fixture.createStudy("bench-page", 60);
    List<Participant> panel = fixture.addParticipants(study.id(), people);
    services.rounds().open(study.id()).await();
    int[] errors = {0};
    IntFunction<Future<Void>> page = i -> http.get("/p/" + panel.get(i % people).token()).send().map(r -> {
      if (r.statusCode() != 200 || !r.bodyAsString().contains("Statement 60")) {
        synchronized (errors) {
          errors[0]++;
        }
      }
      return null;
    });
    warmUp(List.of(Map.entry("pages", page)), quick ? 30 : 60);
    errors[0] = 0;
    Load measured = load("pages", pages, page);
    out.printf("  pages: %.0f/s (p50 %.1f ms, p99 %.1f ms), %d errors%n", measured.perSecond(), measured.p50Ms(),
        measured.p99Ms(), errors[0]);
    return new JsonObject().put("perSecond", measured.perSecond()).put("p50Ms", measured.p50Ms())
        .put("p99Ms", measured.p99Ms()).put("errors", errors[0]);
  }

  /** Computing a closed round's statistics ÷ reading its answer documents from the store once. */
  private JsonObject statsVsRawScan() {
    int people = quick ? 2_000 : 10_000;
    int itemCount = quick ? 50 : 100;
    out.println("\n[3/7] statsVsRawScan: rounds of " + people + " panelists × " + itemCount + " items × "
        + BenchData.panelCount() + " panels, closed, against one read of their answers");
    // The first close compiles the code of a close: warmed up on the round of the saves above, as the reads are.
    services.rounds().close("bench-submit", 1).await();
    // Three rounds, each read three times and closed once: the median round's figures, a single close being as
    // much at the mercy of a pause of the machine as a single read.
    List<double[]> runs = new ArrayList<>();
    int read = 0;
    for (int run = 1; run <= 3; run++) {
      Study study = fixture.createStudy("bench-stats-" + run, itemCount);
      services.rounds().open(study.id()).await();
      fixture.seedAnswers(study, 0, people);
      JsonObject query = new JsonObject().put("study", study.id()).put("round", 1);
      List<Double> reads = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        System.gc();
        long start = System.nanoTime();
        read = services.store().client().find("answers", query).await().size();
        reads.add((System.nanoTime() - start) / 1e6);
      }
      double readMs = median(reads);
      System.gc();
      long start = System.nanoTime();
      services.rounds().close(study.id(), 1).await();
      double closeMs = (System.nanoTime() - start) / 1e6;
      out.printf("  round %d: raw read %.0f ms (median of 3), close %.0f ms%n", run, readMs, closeMs);
      runs.add(new double[] {closeMs / readMs, closeMs, readMs});
    }
    runs.sort(Comparator.comparingDouble(r -> r[0]));
    double statsMs = runs.get(1)[1];
    double rawMs = runs.get(1)[2];
    out.printf("  raw read of %d documents: %.0f ms; close with full statistics: %.0f ms; ratio %.2f (median of 3 "
        + "rounds; target ≤ 1.5)%n", read, rawMs, statsMs, statsMs / rawMs);
    return new JsonObject().put("ratio", statsMs / rawMs).put("statsMs", statsMs).put("rawScanMs", rawMs);
  }

  /**
   * The server's heap, in MB, once a round of 10,000 panelists on 40 items has closed and the garbage is collected:
   * what a server holds for a round that has ended, with everything the earlier steps left.
   */
  private long heapAfterRound() {
    int people = 10_000;
    out.println("\n[7/7] heap: a round of " + people + " panelists × 40 items, closed, then the heap collected");
    Study study = fixture.createStudy("bench-heap", 40);
    services.rounds().open(study.id()).await();
    fixture.seedAnswers(study, 0, people);
    services.rounds().close(study.id(), 1).await();
    System.gc();
    long mb = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
    out.printf("  heap in use after the round: %d MB%n", mb);
    return mb;
  }

  /** Latency of live provisional results at 100,000 panelists ÷ at 1,000. */
  private JsonObject liveGrowth() {
    int itemCount = 20;
    out.println("\n[4/7] liveGrowth: live results of open rounds of " + itemCount + " items, one at 1,000 and one at "
        + "100,000 panelists, asked in turn");
    Study small = fixture.createStudy("bench-live-1000", itemCount);
    Study large = fixture.createStudy("bench-live-100000", itemCount);
    services.rounds().open(small.id()).await();
    services.rounds().open(large.id()).await();
    fixture.seedAnswers(small, 0, 1_000);
    fixture.seedAnswers(large, 0, 100_000);
    // Asked in turn, so that both sizes meet the same state of the machine (its caches, its garbage collector).
    List<Double> atSmall = new ArrayList<>();
    List<Double> atLarge = new ArrayList<>();
    for (int i = 0; i < 220; i++) {
      double smallMs = liveLatency(small);
      double largeMs = liveLatency(large);
      if (i >= 20) {
        atSmall.add(smallMs);
        atLarge.add(largeMs);
      }
    }
    double smallMs = median(atSmall);
    double largeMs = median(atLarge);
    out.printf("  median latency at 1,000: %.2f ms; at 100,000: %.2f ms; ratio %.2f (target ≤ 1.5)%n", smallMs,
        largeMs, largeMs / smallMs);
    return new JsonObject().put("ratio", largeMs / smallMs).put("at1000Ms", smallMs).put("at100000Ms", largeMs);
  }

  /** One request for a round's live results, in ms. */
  private double liveLatency(Study study) {
    String path = "/api/studies/" + study.id() + "/rounds/1/results";
    long start = System.nanoTime();
    check(http.get(path).bearerTokenAuthentication(admin).send().await().statusCode(), path);
    return (System.nanoTime() - start) / 1e6;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    Collections.sort(sorted);
    return sorted.get(sorted.size() / 2);
  }

  /**
   * {@code kenes analyze} of a 1,000,000-row responses CSV (10,000 panelists × 100 items), in a JVM of its own whose
   * heap is capped: it either fits or fails.
   */
  private JsonObject analyzeMillionRows(Path data) throws Exception {
    int people = 10_000;
    int itemCount = 100;
    int heapMb = 512;
    out.println("\n[5/7] analyze: a responses CSV of " + people * itemCount + " rows through kenes analyze, in a "
        + "JVM with a heap of at most " + heapMb + " MB");
    Path csv = data.resolve("million.csv");
    try (var writer = Files.newBufferedWriter(csv)) {
      writer.write(String.join(",", ResponsesCsv.HEADER) + "\n");
      for (int p = 0; p < people; p++) {
        for (int i = 1; i <= itemCount; i++) {
          writer.write("P" + p + "," + BenchData.panelOf(p) + ",1,item-" + i + ",," + (1 + random.nextInt(9))
              + ",\n");
        }
      }
    }
    Path jar = Path.of(Bench.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    String java = ProcessHandle.current().info().command().orElse("java");
    long start = System.nanoTime();
    Process analyze = new ProcessBuilder(java, "-Xmx" + heapMb + "m", "-cp", jar.toString(), Main.class.getName(),
        "analyze", csv.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    boolean ok = analyze.waitFor() == 0;
    double ms = (System.nanoTime() - start) / 1e6;
    out.printf("  %d rows analysed in %.1f s within %d MB of heap: %s%n", people * itemCount, ms / 1000, heapMb,
        ok ? "ok" : "FAILED");
    Files.delete(csv);
    return new JsonObject().put("rows", (long) people * itemCount).put("ms", ms).put("heapLimitMb", heapMb)
        .put("ok", ok);
  }

  /** A load: how many operations took how long, their latencies, and the CPU time the process spent meanwhile. */
  private record Load(int count, double seconds, double cpuNanos, double jitNanos, List<Long> latencies) {

    /** Loads measured in turns, taken together. */
    static Load of(List<Load> turns) {
      int count = 0;
      double seconds = 0;
      double cpuNanos = 0;
      double jitNanos = 0;
      List<Long> latencies = new ArrayList<>();
      for (Load turn : turns) {
        count += turn.count();
        seconds += turn.seconds();
        cpuNanos += turn.cpuNanos();
        jitNanos += turn.jitNanos();
        latencies.addAll(turn.latencies());
      }
      return new Load(count, seconds, cpuNanos, jitNanos, latencies);
    }

    double perSecond() {
      return count / seconds;
    }

    /** CPU time of the whole process (server, store and load alike): what an operation costs on a busy machine. */
    double cpuMs() {
      return cpuNanos / 1e6 / count;
    }

    /** The share of the CPU time the JIT compiler took: code still being compiled, not yet Kenes at its speed. */
    double jitShare() {
      return jitNanos / cpuNanos;
    }

    double p50Ms() {
      return percentile(0.5);
    }

    double p99Ms() {
      return percentile(0.99);
    }

    private double percentile(double p) {
      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      return sorted.get((int) (sorted.size() * p)) / 1e6;
    }
  }

  /** Runs {@code total} operations, {@value #CLIENTS} at a time, and prints what they took. */
  private Load load(String what, int total, IntFunction<Future<Void>> operation) {
    Load load = run(total, operation);
    out.printf("  %s: %d in %.1f s, %.2f ms of CPU each (JIT compiler %.0f%% of it)%n", what, total, load.seconds(),
        load.cpuMs(), 100 * load.jitShare());
    return load;
  }

  /** Runs {@code total} operations, {@value #CLIENTS} at a time. */
  private Load run(int total, IntFunction<Future<Void>> operation) {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long cpu = processCpuNanos();
    long jit = compileMillis();
    long start = System.nanoTime();
    int[] next = {0};
    List<Future<Void>> clients = new ArrayList<>();
    for (int c = 0; c < CLIENTS; c++) {
      clients.add(vertx.executeBlocking(() -> null).compose(v -> loop(next, total, operation, latencies)));
    }
    Future.all(clients).await();
    return new Load(total, (System.nanoTime() - start) / 1e9, processCpuNanos() - cpu, (compileMillis() - jit) * 1e6,
        latencies);
  }

  /**
   * Runs the loads in turns of a thousand operations each until the JIT compiler is nearly done with them: a server
   * that has run for a while runs compiled code, and on 2 cores the compiler, still at work on the code of HTTP,
   * the driver and the store a minute in, otherwise takes a third of the CPU of what is measured, more of one load
   * than of another. Done when two rounds of turns in a row spent under a twentieth of their CPU time compiling (a
   * long compilation counts only once it ends), or after {@code patienceSeconds}, so that {@code --quick} stays within
   * about three minutes.
   */
  private void warmUp(List<Map.Entry<String, IntFunction<Future<Void>>>> loads, int patienceSeconds) {
    long until = System.nanoTime() + patienceSeconds * 1_000_000_000L;
    int quiet = 0;
    for (int round = 1; ; round++) {
      List<Load> turns = new ArrayList<>();
      StringBuilder line = new StringBuilder("  warm-up " + round + ", ms of CPU each:");
      for (Map.Entry<String, IntFunction<Future<Void>>> load : loads) {
        Load turn = run(1_000, load.getValue());
        turns.add(turn);
        line.append(String.format(" %s %.2f;", load.getKey(), turn.cpuMs()));
      }
      double jit = Load.of(turns).jitShare();
      out.printf("%s JIT compiler %.0f%% of it%n", line, 100 * jit);
      quiet = jit < 0.05 ? quiet + 1 : 0;
      if (quiet == 2) {
        out.println("  warmed up: the JIT compiler quiet for two rounds");
        return;
      }
      if (System.nanoTime() > until) {
        out.println("  warm-up cut short after " + patienceSeconds + " s, the JIT compiler still at work");
        return;
      }
    }
  }

  /** The time the JIT compiler has spent so far, in milliseconds. */
  private static long compileMillis() {
    return ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private Future<Void> loop(int[] next, int total, IntFunction<Future<Void>> operation, List<Long> latencies) {
    int i;
    synchronized (next) {
      if (next[0] >= total) {
        return Future.succeededFuture();
      }
      i = next[0]++;
    }
    long start = System.nanoTime();
    return operation.apply(i).compose(v -> {
      latencies.add(System.nanoTime() - start);
      return loop(next, total, operation, latencies);
    });
  }

  /**
   * A save sent until it is acknowledged: one answered 503 (not acknowledged within its lease, on a machine too busy)
   * is sent again at once, as a client would after its {@code Retry-After}, and counted in {@code late}.
   */
  private static Future<Void> sent(Supplier<Future<HttpResponse<Buffer>>> send, AtomicInteger late) {
    return send.get().compose(r -> {
      if (r.statusCode() == 503) {
        late.incrementAndGet();
        return sent(send, late);
      }
      return Future.succeededFuture(check(r.statusCode(), r.bodyAsString()));
    });
  }

  private static Void check(int status, String what) {
    if (status >= 300) {
      throw new IllegalStateException("HTTP " + status + ": " + what);
    }
    return null;
  }
}
