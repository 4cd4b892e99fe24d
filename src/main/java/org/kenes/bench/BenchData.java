package org.kenes.bench;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mongo.BulkOperation;
import io.vertx.ext.mongo.MongoClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.kenes.services.Services;
import org.kenes.participant.NewParticipant;
import org.kenes.participant.Participant;
import org.kenes.round.RoundCounters;
import org.kenes.study.Item;
import org.kenes.study.Study;

/** The bench's studies, panelists and answers, made through the services or written straight into the store. */
public final class BenchData {

  private static final String[] PANELS = {"p1", "p2", "p3", "p4", "p5"};

  private final Services services;
  private final Random random;
  private final PrintStream out;

  /** The panel a generated panelist belongs to: five panels, in turn. */
  public static String panelOf(int panelist) {
    return PANELS[panelist % PANELS.length];
  }

  /** How many panels the generated panelists are spread over. */
  public static int panelCount() {
    return PANELS.length;
  }

  public BenchData(Services services, Random random, PrintStream out) {
    this.services = services;
    this.random = random;
    this.out = out;
  }

  /**
   * Answer sets written straight into the store for panelists {@code from} to {@code to}, counted into the round's
   * live tallies: the state the saves of those panelists would have left, reached in seconds instead of minutes.
   * Closing a round and its live results read the answers, the tallies and the invitation counts, never the
   * participants, so these panelists need no participant records.
   */
  public void seedAnswers(Study study, int from, int to) {
    MongoClient mongo = services.store().client();
    List<BulkOperation> ops = new ArrayList<>();
    for (int i = from; i < to; i++) {
      String participant = String.format(Locale.ROOT, "bench-%06d", i);
      String panel = panelOf(i);
      JsonObject answers = new JsonObject();
      for (Item item : study.items()) {
        int bias = i % PANELS.length % 3;
        answers.put(item.id(), new JsonObject().put("value", Math.max(1, Math.min(9, 4 + bias + random.nextInt(5)))));
      }
      String key = study.id() + ":1:" + participant;
      ops.add(BulkOperation.createInsert(new JsonObject().put("_id", key).put("study", study.id()).put("round", 1)
          .put("participant", participant).put("panel", panel).put("answers", answers).put("submitted", true)));
      if (ops.size() == 1_000 || i == to - 1) {
        mongo.bulkWrite("answers", ops).await();
        ops = new ArrayList<>();
      }
    }
    var sets = services.answerSets().list(study.id(), 1).await();
    List<String> items = study.items().stream().map(Item::id).toList();
    // Added to the live tallies as the saves of those panelists would have added them.
    RoundCounters.of(study, items, sets, participant -> Map.of())
        .forEach((panel, counters) -> services.tallies().increment(study.id(), 1, panel, counters));
    services.tallies().flush().await();
    // Measured from a settled store: the seeding's writes on disk and its garbage collected.
    services.store().durability().sync().await();
    System.gc();
    out.println("  seeded " + sets.size() + " answer sets of " + items.size() + " items");
  }

  public Study createStudy(String id, int itemCount) {
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

  public List<Participant> addParticipants(String study, int count) {
    List<Participant> all = new ArrayList<>();
    for (int from = 0; from < count; from += 1_000) {
      List<NewParticipant> batch = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 1_000); i++) {
        batch.add(new NewParticipant(null, "bench" + i + "@example.org", panelOf(i), "en", false));
      }
      all.addAll(services.participants().upsert(study, batch).await());
    }
    return all;
  }
}
