package org.kenes.study;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.kenes.common.Conflict;
import org.kenes.common.Invalid;
import org.kenes.common.NotFound;
import org.kenes.common.Problem;
import org.kenes.common.Spreadsheet;
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
  private final Function<String, Future<Map<String, Long>>> peopleByPanel;

  /**
   * @param hasBegun whether a study has opened a round (the rounds are another feature's)
   * @param peopleByPanel how many participants a study has in each panel (the participants are another feature's)
   */
  public StudyService(Vertx vertx, StudyRepository repository, Function<String, Future<Boolean>> hasBegun,
      Function<String, Future<Map<String, Long>>> peopleByPanel) {
    this.vertx = vertx;
    this.repository = repository;
    this.hasBegun = hasBegun;
    this.peopleByPanel = peopleByPanel;
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
      return stored(id).compose(found -> begun(found).compose(begun -> begun && !found.study().sameQuestions(study)
          ? Future.failedFuture(roundsBegun(id))
          : keepsPeopledPanels(study).compose(v -> repository.replace(study, found, false))
              .onSuccess(v -> changed(id)).map(study)));
    });
  }

  /**
   * A new study from a draft built in the console: stored as soon as it has no problem, however incomplete (texts
   * missing in a language, no panel or item yet): round 1 waits for it to be complete instead. {@link Invalid} with
   * every problem by path otherwise; {@link Conflict} if its id exists.
   */
  public Future<Study> createDraft(Object tree) {
    return readDraft(tree).compose(study -> repository.insert(study, false).onSuccess(v -> changed(study.id()))
        .map(study));
  }

  /**
   * A draft's definition replaced, provided it is still the one of {@code expectedHash} (null: whatever is stored):
   * see {@link #createDraft}. Once its rounds have begun, only its privacy terms may change ({@link
   * Study#sameQuestions}), and then the study must stay complete: a consent text missing in one of its languages is a
   * problem at its path, as panelists in that language would be asked to agree to nothing.
   */
  public Future<Study> saveDraft(String id, Object tree, String expectedHash) {
    return read(tree).compose(reading -> {
      Study study = reading.study();
      if (!study.id().equals(id)) {
        return Future.failedFuture(new Invalid(List.of(Problem.worded("id", "problem.id.fixed", id))));
      }
      return stored(id).compose(found -> begun(found).compose(begun -> {
        if (begun && !found.study().sameQuestions(study)) {
          return Future.failedFuture(roundsBegun(id));
        }
        if (begun && !reading.missing().isEmpty()) {
          return Future.failedFuture(new Invalid(reading.missing()));
        }
        if (expectedHash != null && !expectedHash.equals(found.hash())) {
          return Future.failedFuture(changedMeanwhile(id));
        }
        return keepsPeopledPanels(study).compose(v -> repository.replace(study, found, false))
            .onSuccess(v -> changed(id)).map(study);
      }));
    });
  }

  /** The console's advanced view: a draft's whole definition replaced from its text, as {@link #saveDraft}. */
  public Future<Study> editDraft(String id, String text) {
    return vertx.executeBlocking(() -> StudyFormat.parse(text), false).compose(tree -> saveDraft(id, tree, null));
  }

  /** What the study reader finds wrong with a draft's tree (not what it misses), nothing stored. */
  public Future<List<Problem>> problems(Object tree) {
    return vertx.executeBlocking(() -> StudyReader.draft(tree instanceof JsonObject json ? StudyFormat.plain(json)
        : tree).problems(), false);
  }

  private Future<Study> readDraft(Object tree) {
    return read(tree).map(StudyReader.Reading::study);
  }

  /** A draft's reading, with what it misses; {@link Invalid} with its problems. */
  private Future<StudyReader.Reading> read(Object tree) {
    return vertx.executeBlocking(() -> {
      StudyReader.Reading reading = StudyReader.draft(tree instanceof JsonObject json ? StudyFormat.plain(json) : tree);
      if (reading.study() == null) {
        throw new Invalid(reading.problems());
      }
      return reading;
    }, false);
  }

  /**
   * Items from a spreadsheet (CSV or XLSX, {@link ItemSheet}) merged into a draft: all of them, or with a problem
   * anywhere none.
   */
  public Future<ItemSheet.Imported> importItems(String id, byte[] file) {
    return stored(id).compose(found -> vertx.executeBlocking(() -> ItemSheet.read(found.study(),
            Spreadsheet.read(file)), false)
        .compose(imported -> saveDraft(id, imported.definition(), found.hash()).map(imported)));
  }

  /**
   * A new study {@code to} from the definition of {@code from} as it stands (rewordings applied, retired items left
   * out, every item asked from round 1, no schedule), recording where it came from.
   */
  public Future<Study> copy(String from, String to, int roundsHeld) {
    return stored(from).compose(source -> {
      Study s = source.study();
      List<Item> items = s.items().stream().filter(i -> !i.retired())
          .map(i -> new Item(i.id(), i.type(), i.category(), i.text(), i.options())).toList();
      JsonObject tree = StudyFormat.toJson(new Study(s.id(), s.title(), s.description(), s.languages(), s.scale(),
          s.criteria(), s.rounds().withOpensAt(null), s.panels(), s.categories(), items, s.askReasonOnChange(),
          s.privacy(), s.attributes(), s.reporting(), s.discussion(), s.mode()));
      return readDraft(tree.put("id", to)).compose(copy -> repository.insert(copy, false,
          new CopiedFrom(from, roundsHeld, Instant.now().toString())).map(copy));
    });
  }

  /**
   * When the next round of a study opens by itself (null: not by itself), set at any time, rounds begun or not. The
   * time must lie ahead.
   */
  public Future<Study> schedule(String id, Instant opensAt) {
    if (opensAt != null && !opensAt.isAfter(Instant.now())) {
      return Future.failedFuture(new Invalid(List.of(Problem.worded("opensAt", "problem.instant.future"))));
    }
    return stored(id).compose(found -> {
      Study study = found.study().withRounds(found.study().rounds().withOpensAt(opensAt));
      return repository.replace(study, found, false).map(study);
    });
  }

  /** Studies whose next round is due to open by itself. */
  public Future<List<StudyRepository.Stored>> due() {
    return repository.due(System.currentTimeMillis());
  }

  private static Conflict roundsBegun(String id) {
    return new Conflict("study '" + id + "' has begun its rounds: its definition can no longer be replaced, only its "
        + "consent text, retention period and contact; add, reword, merge or retire items between rounds instead");
  }

  private static Conflict changedMeanwhile(String id) {
    return new Conflict("study '" + id + "' was changed meanwhile; reload and try again");
  }

  /**
   * Stores a definition changed between rounds (items added, reworded, retired), if nobody changed it meanwhile and no
   * round was opened since it was read.
   */
  public Future<Void> update(Study study, StudyRepository.Stored expected) {
    return repository.replace(study, expected, false);
  }

  /** Records that a round of the study is being opened, if its definition is still the one read ({@link Conflict}). */
  public Future<Void> claimRound(StudyRepository.Stored expected, int number) {
    return repository.claimRound(expected, number);
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
      return begun(stored).compose(begun -> begun && !stored.study().sameQuestions(study)
          ? Future.failedFuture(new Conflict("study '" + study.id() + "' has begun its rounds, so the changes to its "
              + "file are not applied; the stored definition stays in force"))
          : keepsPeopledPanels(study).compose(v -> repository.replace(study, stored, true))
              .onSuccess(v -> changed(study.id())).map(Outcome.UPDATED));
    }));
  }

  /**
   * A definition may drop a panel only while nobody is in it: its people would still answer and count in the overall
   * figures with their panel gone from every breakdown, which then no longer adds up to the whole, and overall minus
   * the panels shown would be that panel (CONSENSUS.md, small cells).
   */
  private Future<Void> keepsPeopledPanels(Study study) {
    return peopleByPanel.apply(study.id()).compose(counts -> {
      List<Problem> problems = counts.entrySet().stream()
          .filter(e -> e.getValue() > 0 && study.panel(e.getKey()).isEmpty())
          .map(e -> new Problem("panels", "panel '" + e.getKey() + "' still has " + e.getValue()
              + " participant(s): move them to another panel before removing it"))
          .toList();
      return problems.isEmpty() ? Future.succeededFuture()
          : Future.failedFuture(new Invalid("a panel that still has participants cannot be removed", problems));
    });
  }

  /**
   * Whether a stored study has begun its rounds: by the rounds it counts as opened (a round being opened counts
   * already), or for a study stored before they were counted, by its rounds.
   */
  private Future<Boolean> begun(StudyRepository.Stored stored) {
    return stored.roundsOpened() != null ? Future.succeededFuture(stored.roundsOpened() > 0)
        : hasBegun.apply(stored.study().id());
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
