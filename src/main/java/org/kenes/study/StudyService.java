package org.kenes.study;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Studies from files and from the API: validated, stored once, never changed silently once their rounds began. */
public final class StudyService {

  private static final Logger LOG = LoggerFactory.getLogger(StudyService.class);

  /** What loading a study file did. */
  public enum Outcome { CREATED, UNCHANGED, UPDATED }

  private final Vertx vertx;
  private final StudyRepository repository;
  private final Function<String, Future<Boolean>> hasBegun;

  /** @param hasBegun whether a study has opened a round (the rounds are another feature's) */
  public StudyService(Vertx vertx, StudyRepository repository, Function<String, Future<Boolean>> hasBegun) {
    this.vertx = vertx;
    this.repository = repository;
    this.hasBegun = hasBegun;
  }

  public Future<Study> get(String id) {
    return repository.find(id).compose(found -> found.map(s -> Future.succeededFuture(s.study()))
        .orElseGet(() -> Future.failedFuture(new NotFound("no study '" + id + "'"))));
  }

  public Future<List<StudyRepository.Stored>> list() {
    return repository.list();
  }

  public Future<StudyRepository.Stored> stored(String id) {
    return repository.find(id).compose(found -> found.map(Future::succeededFuture)
        .orElseGet(() -> Future.failedFuture(new NotFound("no study '" + id + "'"))));
  }

  /** A new study from a file's text; {@link Conflict} if its id exists. */
  public Future<Study> create(String text) {
    return parse(text).compose(study -> repository.insert(study, false).onSuccess(v -> changed(study.id())).map(study));
  }

  /**
   * A study's whole definition replaced from a file's text (the console's "edit"): only while none of its rounds has
   * begun; afterwards items change one by one, between rounds, with their provenance.
   */
  public Future<Study> edit(String id, String text) {
    return parse(text).compose(study -> {
      if (!study.id().equals(id)) {
        return Future.failedFuture(new Invalid("id", "the id cannot change (it is '" + id + "')"));
      }
      return stored(id).compose(found -> hasBegun.apply(id).compose(begun -> begun
          && !found.study().sameQuestions(study)
          ? Future.failedFuture(new Conflict("study '" + id + "' has begun its rounds: its definition can no longer be "
              + "replaced, only its consent text, retention period and contact; add, reword, merge or retire items "
              + "between rounds instead"))
          : repository.replace(study, found.hash(), false).onSuccess(v -> changed(id)).map(study)));
    });
  }

  /** Stores a definition changed between rounds (items added, reworded, retired), if nobody changed it meanwhile. */
  public Future<Void> update(Study study, String expectedHash) {
    return repository.replace(study, expectedHash, false);
  }

  /** The event-bus address on which the id of a study whose privacy terms may have changed is announced. */
  public static final String CHANGED = "kenes.studies.changed";

  private void changed(String id) {
    vertx.eventBus().publish(CHANGED, id);
  }

  /**
   * Loads a study file: a new study is stored, an unchanged one left alone, a changed one replaced only while none
   * of its rounds has begun and nobody edited it through the API or console. A file unchanged since it was last
   * loaded changes nothing, even when the stored study was edited since: those edits stay.
   */
  public Future<Outcome> load(String text) {
    return parse(text).compose(study -> repository.find(study.id()).compose(found -> {
      if (found.isEmpty()) {
        return repository.insert(study, true).onSuccess(v -> changed(study.id())).map(Outcome.CREATED);
      }
      String hash = StudyFormat.hash(study);
      StudyRepository.Stored stored = found.get();
      if (stored.hash().equals(hash) || hash.equals(stored.fileHash())) {
        return Future.succeededFuture(Outcome.UNCHANGED);
      }
      if (stored.edited()) {
        return Future.failedFuture(new Conflict("study '" + study.id() + "' was edited through the console or the API "
            + "since it was loaded, so the changes to its file are not applied; the stored definition stays in force"));
      }
      return hasBegun.apply(study.id()).compose(begun -> begun && !stored.study().sameQuestions(study)
          ? Future.failedFuture(new Conflict("study '" + study.id() + "' has begun its rounds, so the changes to its "
              + "file are not applied; the stored definition stays in force"))
          : repository.replace(study, stored.hash(), true).onSuccess(v -> changed(study.id())).map(Outcome.UPDATED));
    }));
  }

  /** Loads every {@code *.yaml}/{@code *.yml} file of a folder; a bad file is reported and skipped. */
  public Future<Void> loadFolder(Path folder) {
    return vertx.executeBlocking(() -> studyFiles(folder)).compose(files -> {
      Future<Void> chain = Future.succeededFuture();
      for (Path file : files) {
        chain = chain.compose(v -> vertx.fileSystem().readFile(file.toString())
            .compose(buffer -> load(buffer.toString(StandardCharsets.UTF_8)))
            .onSuccess(outcome -> LOG.info("Study file {}: {}", file, outcome.name().toLowerCase()))
            .onFailure(e -> LOG.error("Study file {} refused: {}", file, describe(e)))
            .<Void>mapEmpty()
            .otherwiseEmpty());
      }
      return chain;
    });
  }

  private Future<Study> parse(String text) {
    return vertx.executeBlocking(() -> StudyFormat.read(text), false);
  }

  private static List<Path> studyFiles(Path folder) throws java.io.IOException {
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted().toList();
    }
  }

  private static String describe(Throwable e) {
    if (e instanceof Invalid invalid) {
      return invalid.getMessage() + ": " + String.join("; ", invalid.problems().stream().map(Object::toString).toList());
    }
    return e.getMessage();
  }
}
