package org.kenes.web.panelist;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import org.kenes.common.KenesException;
import org.kenes.panelist.AnswerService;
import org.kenes.services.Services;
import org.kenes.study.Study;
import org.kenes.study.StudyRepository;
import org.kenes.web.Views;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's first minute: the JVM compiles its hot code only once it has run it many times, and until then a save
 * or a page costs several times its later CPU (the bench's warm-up lines: 6 ms of CPU per save at first, 1 ms once
 * compiled; the compiler takes as much CPU again). So, as it starts, the server runs the panelist's page on itself:
 * the questionnaire of each study it holds, in each language, read from the store as a preview reads it, its answers
 * checked as a save checks them, and rendered as the page, {@link #ROUNDS} times in all, one at a time. It reads the
 * store and writes nothing; panelists who come in the first minute meet compiled code.
 */
public final class WarmUp {

  static final int ROUNDS = 400;
  private static final Logger LOG = LoggerFactory.getLogger(WarmUp.class);

  private WarmUp() {}

  /** Runs the warm-up in the background; answers once it is done (or there is no study to run it on). */
  public static Future<Void> run(Vertx vertx, Services services) {
    Views views = new Views(services.config().webroot());
    long start = System.nanoTime();
    return services.studies().list().compose(stored -> {
      List<Study> studies = stored.stream().map(StudyRepository.Stored::study).toList();
      return studies.isEmpty() ? Future.succeededFuture() : round(vertx, services, views, studies, 0);
    }).onSuccess(v -> LOG.info("Warmed up in {} ms", (System.nanoTime() - start) / 1_000_000))
        .recover(e -> {
          LOG.info("Warm-up ended early: {}", e.getMessage());
          return Future.succeededFuture();
        });
  }

  private static Future<Void> round(Vertx vertx, Services services, Views views, List<Study> studies, int n) {
    if (n >= ROUNDS) {
      return Future.succeededFuture();
    }
    Study study = studies.get(n % studies.size());
    String language = study.languages().get(n / studies.size() % study.languages().size());
    return services.answers().preview(study.id(), null, language)
        .compose(q -> vertx.executeBlocking(() -> page(study, q, views), false))
        // A study with no round left to ask has no page to warm up on: the others are enough.
        .recover(e -> e instanceof KenesException ? Future.succeededFuture() : Future.failedFuture(e))
        .compose(v -> round(vertx, services, views, studies, n + 1));
  }

  /** The page as a panelist would get it, after a save of a rating for each rating item was checked. */
  private static Void page(Study study, JsonObject q, Views views) {
    JsonObject answers = new JsonObject();
    JsonArray items = q.getJsonArray("items");
    for (int i = 0; i < items.size(); i++) {
      JsonObject item = items.getJsonObject(i);
      if ("rating".equals(item.getString("type"))) {
        answers.put(item.getString("id"), new JsonObject().put("value", study.scale().min() + i % 3));
      }
    }
    JsonObject save = new JsonObject(new JsonObject().put("answers", answers).put("submit", false).encode());
    try {
      AnswerService.check(study, items.stream().map(i -> ((JsonObject) i).getString("id")).toList(), save);
    } catch (KenesException e) {
      // A study whose answers the check refuses is still a page to render.
    }
    Future<?> page = views.render("questionnaire", QuestionnairePage.model(q, "warm-up", null, null, null));
    if (page.failed()) {
      throw new IllegalStateException(page.cause());
    }
    return null;
  }
}
