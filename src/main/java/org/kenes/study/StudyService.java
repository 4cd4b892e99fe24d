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
import org.kenes.common.Recent;
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
  /** Definitions change rarely and never while rounds run: every save reads one, so it is kept a moment. */
  private final Recent<String, Study> recent = new Recent<>(2_000, 10_000, System::currentTimeMillis);

  /** @param hasBegun whether a study has opened a round (the rounds are another feature's) */
  public StudyService(Vertx vertx, StudyRepository repository, Function<String, Future<Boolean>> hasBegun) {
    this.vertx = vertx;
    this.repository = repository;
    this.hasBegun = hasBegun;
  }

  public Future<Study> get(String id) {
    return recent.get(id, key -> repository.find(key).compose(found -> found.map(s -> Future.succeededFuture(s.study()))
        .orElseGet(() -> Future.failedFuture(new NotFound("no study '" + key + "'")))));
  }

  public Future<List<StudyRepository.Stored>> list() {
    return repository.list();
  }

  /** A new study from a file's text; {@link Conflict} if its id exists. */
  public Future<Study> create(String text) {
    return parse(text).compose(study -> repository.insert(study).map(study));
  }

  /**
   * Loads a study file: a new study is stored, an unchanged one left alone, a changed one replaced only while none
   * of its rounds has begun.
   */
  public Future<Outcome> load(String text) {
    return parse(text).compose(study -> repository.find(study.id()).compose(found -> {
      if (found.isEmpty()) {
        return repository.insert(study).map(Outcome.CREATED);
      }
      if (found.get().hash().equals(StudyFormat.hash(study))) {
        return Future.succeededFuture(Outcome.UNCHANGED);
      }
      return hasBegun.apply(study.id()).compose(begun -> begun
          ? Future.failedFuture(new Conflict("study '" + study.id() + "' has begun its rounds, so the changes to its "
              + "file are not applied; the stored definition stays in force"))
          : repository.replace(study).onSuccess(v -> recent.forget(study.id())).map(Outcome.UPDATED));
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
