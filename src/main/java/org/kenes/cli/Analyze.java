package org.kenes.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.kenes.answer.AnswerSet;
import org.kenes.common.Invalid;
import org.kenes.round.EarlierRounds;
import org.kenes.round.ResultsJson;
import org.kenes.round.Round;
import org.kenes.round.RoundAnalysis;
import org.kenes.round.RoundCounters;
import org.kenes.round.RoundResults;
import org.kenes.study.Item;
import org.kenes.study.Study;
import org.kenes.study.StudyFormat;

/**
 * {@code kenes analyze RESPONSES.csv [--study FILE] [--round N] [--previous PREVIOUS.csv]}: the round-results JSON of
 * a responses CSV, from the same analysis the server runs. Bad input: a message on stderr, exit code 2, no output.
 */
public final class Analyze {

  static final String USAGE = "usage: kenes analyze RESPONSES.csv [--study FILE] [--round N] [--previous PREVIOUS.csv]";

  private Analyze() {}

  private static final class UsageError extends Exception {
    UsageError(String message) {
      super(message, null, false, false);
    }
  }

  public static int run(String[] args, PrintStream out, PrintStream err) {
    try {
      out.println(ResultsJson.toJson(analyse(args)).encodePrettily());
      return 0;
    } catch (UsageError e) {
      err.println("kenes analyze: " + e.getMessage());
      err.println(USAGE);
      return 2;
    } catch (ResponsesFile.BadRow e) {
      err.println("kenes analyze: " + e.getMessage());
      return 2;
    } catch (NoSuchFileException e) {
      err.println("kenes analyze: " + e.getFile() + ": no such file");
      return 2;
    } catch (IOException e) {
      err.println("kenes analyze: " + e.getMessage());
      return 2;
    }
  }

  private static RoundResults analyse(String[] args) throws UsageError, IOException, ResponsesFile.BadRow {
    Path responses = null;
    Path studyFile = null;
    Path previousFile = null;
    Integer round = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--study" -> studyFile = Path.of(value(args, ++i, arg));
        case "--previous" -> previousFile = Path.of(value(args, ++i, arg));
        case "--round" -> round = roundNumber(value(args, ++i, arg));
        case "-h", "--help" -> throw new UsageError("analyses a responses CSV");
        default -> {
          if (arg.startsWith("-") || responses != null) {
            throw new UsageError("unexpected argument '" + arg + "'");
          }
          responses = Path.of(arg);
        }
      }
    }
    if (responses == null) {
      throw new UsageError("name the responses CSV");
    }
    Study study = studyFile == null ? null : study(studyFile);
    ResponsesFile.Contents main = ResponsesFile.read(responses, study);
    if (main.rounds().isEmpty()) {
      throw new ResponsesFile.BadRow(responses, 1, "file", "no responses");
    }
    int chosen = round == null ? main.rounds().lastKey() : round;
    if (!main.rounds().containsKey(chosen)) {
      throw new UsageError(responses + " has no round " + chosen + " (it has " + main.rounds().keySet() + ")");
    }
    TreeMap<Integer, List<AnswerSet>> earlier = new TreeMap<>(main.rounds().headMap(chosen));
    if (previousFile != null) {
      ResponsesFile.Contents previous = ResponsesFile.read(previousFile, study);
      previous.rounds().forEach(earlier::putIfAbsent);
    }
    List<AnswerSet> sets = main.rounds().get(chosen);
    Study studied = main.study();
    Set<String> answered = sets.stream().flatMap(s -> s.answers().keySet().stream()).collect(Collectors.toSet());
    List<String> items = studied.items().stream().map(Item::id).filter(answered::contains).toList();
    // The file's rounds asked what their answers answer; an item is compared with the round it was last asked in by
    // the server's own rule, so that a reworded item is compared with nothing before its rewording.
    List<Round> held = earlier.entrySet().stream().map(e -> new Round(studied.id(), e.getKey(), false,
        e.getValue().stream().flatMap(s -> s.answers().keySet().stream()).distinct().toList(), null, null, null))
        .toList();
    Map<String, Integer> lastAsked = EarlierRounds.lastAsked(studied,
        new Round(studied.id(), chosen, false, items, null, null, null), held);
    Map<Integer, Map<String, Map<String, Number>>> earlierCounters = new HashMap<>();
    for (int n : new TreeSet<>(lastAsked.values())) {
      earlierCounters.put(n, RoundCounters.of(studied, items, earlier.get(n), p -> Map.of()));
    }
    Map<String, Map<String, Number>> counters = RoundCounters.of(studied, items, sets,
        RoundCounters.previousRatings(lastAsked, earlier));
    Map<String, Long> invited = main.panelOf().values().stream()
        .collect(Collectors.groupingBy(p -> p, TreeMap::new, Collectors.counting()));
    return RoundAnalysis.analyse(new RoundAnalysis.Input(studied, chosen, items,
        RoundCounters.tallies(studied, items, counters), invited,
        RoundAnalysis.previous(studied, lastAsked, earlierCounters), RoundAnalysis.Texts.of(items, sets), false));
  }

  private static Study study(Path file) throws IOException, UsageError {
    try {
      return StudyFormat.read(Files.readString(file, StandardCharsets.UTF_8));
    } catch (Invalid e) {
      String problems = e.problems().stream().map(p -> "  " + file + ": " + p).collect(Collectors.joining("\n"));
      throw new UsageError(file + ": " + e.getMessage() + "\n" + problems);
    }
  }

  private static String value(String[] args, int i, String flag) throws UsageError {
    if (i >= args.length) {
      throw new UsageError(flag + " needs a value");
    }
    return args[i];
  }

  private static int roundNumber(String value) throws UsageError {
    try {
      int n = Integer.parseInt(value);
      if (n >= 1) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageError("--round takes a round number (1, 2, …), not '" + value + "'");
  }
}
