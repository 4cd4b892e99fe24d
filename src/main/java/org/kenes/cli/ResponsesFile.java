package org.kenes.cli;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.kenes.answer.Answer;
import org.kenes.answer.AnswerReader;
import org.kenes.answer.AnswerSet;
import org.kenes.consensus.Criteria;
import org.kenes.report.ResponsesCsv;
import org.kenes.study.CarryForward;
import org.kenes.study.Discussion;
import org.kenes.study.Item;
import org.kenes.study.ItemType;
import org.kenes.study.Option;
import org.kenes.study.Panel;
import org.kenes.study.Privacy;
import org.kenes.study.Rounds;
import org.kenes.study.Scale;
import org.kenes.study.Study;
import org.kenes.study.Text;

/**
 * Reads a responses CSV (CONTRACT.md, long format) as it streams, checking every row against the study, or, without
 * one, inferring the items on a 1–9 scale. A bad row stops the read with {@link BadRow} naming file, line and field.
 */
final class ResponsesFile {

  /** A row that cannot be read; the message names the file, the line and the field. */
  static final class BadRow extends Exception {
    BadRow(Path file, long line, String field, String message) {
      super(file + ":" + line + ": " + field + ": " + message, null, false, false);
    }
  }

  /** Answers by round, then by participant; with the study they were checked against. */
  record Contents(Study study, TreeMap<Integer, List<AnswerSet>> rounds, Map<String, String> panelOf) {}

  private record Cell(String value, String comment, long line) {}

  private final Path file;
  private final Study given;
  private final Map<Integer, Map<String, Map<String, List<Cell>>>> raw = new TreeMap<>();
  private final Map<String, Map<String, Cell>> rankingSeen = new HashMap<>();
  private final Map<String, String> panelOf = new LinkedHashMap<>();
  private final Map<String, Set<String>> optionsSeen = new LinkedHashMap<>();
  private final Set<String> itemsSeen = new LinkedHashSet<>();
  private final Set<String> panelsSeen = new LinkedHashSet<>();

  private ResponsesFile(Path file, Study study) {
    this.file = file;
    this.given = study;
  }

  /** @param study the study to check rows against, or null to infer items on a 1–9 scale */
  static Contents read(Path file, Study study) throws IOException, BadRow {
    ResponsesFile reader = new ResponsesFile(file, study);
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
        .setAllowMissingColumnNames(true).get();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = format.parse(in)) {
      List<String> header = parser.getHeaderNames();
      for (String column : ResponsesCsv.HEADER) {
        if (!header.contains(column)) {
          throw new BadRow(file, 1, column, "missing column; the header must be " + String.join(",", ResponsesCsv.HEADER));
        }
      }
      for (CSVRecord record : parser) {
        reader.row(record, parser.getCurrentLineNumber());
      }
    } catch (IllegalArgumentException | IllegalStateException | java.io.UncheckedIOException e) {
      throw new BadRow(file, 0, "csv", "not a readable CSV: " + e.getMessage());
    }
    Study study1 = study != null ? study : reader.inferred();
    return new Contents(study1, reader.answerSets(study1), reader.panelOf);
  }

  private void row(CSVRecord r, long line) throws BadRow {
    if (!r.isConsistent()) {
      throw new BadRow(file, line, "row", "has " + r.size() + " fields, the header " + ResponsesCsv.HEADER.length);
    }
    String participant = r.get("participant").trim();
    String panel = r.get("panel").trim();
    String item = r.get("item").trim();
    String option = r.get("option").trim();
    String value = r.get("value").trim();
    String comment = ResponsesCsv.text(r.get("comment"));
    if (participant.isEmpty()) {
      throw new BadRow(file, line, "participant", "missing");
    }
    if (item.isEmpty()) {
      throw new BadRow(file, line, "item", "missing");
    }
    int round;
    try {
      round = Integer.parseInt(r.get("round").trim());
      if (round < 1) {
        throw new NumberFormatException();
      }
    } catch (NumberFormatException e) {
      throw new BadRow(file, line, "round", "'" + r.get("round") + "' is not a round number (1, 2, …)");
    }
    String earlierPanel = panelOf.putIfAbsent(participant, panel);
    if (earlierPanel != null && !earlierPanel.equals(panel)) {
      throw new BadRow(file, line, "panel", participant + " was in panel '" + earlierPanel + "' before");
    }
    if (given != null && given.panel(panel).isEmpty()) {
      throw new BadRow(file, line, "panel", "no panel '" + panel + "' in the study");
    }
    if (comment.length() > AnswerReader.MAX_TEXT) {
      throw new BadRow(file, line, "comment", "longer than " + AnswerReader.MAX_TEXT + " characters");
    }
    check(line, item, option, value);
    panelsSeen.add(panel);
    itemsSeen.add(item);
    String cellKey = option.isEmpty() ? "" : option;
    if (!option.isEmpty()) {
      optionsSeen.computeIfAbsent(item, k -> new LinkedHashSet<>()).add(option);
      Cell before = rankingSeen.computeIfAbsent(round + ":" + participant + ":" + item, k -> new HashMap<>())
          .put(option, new Cell(value, comment, line));
      if (before != null) {
        throw new BadRow(file, line, "option", "'" + option + "' is ranked twice by " + participant + " (line "
            + before.line() + ")");
      }
    }
    raw.computeIfAbsent(round, k -> new LinkedHashMap<>()).computeIfAbsent(participant, k -> new LinkedHashMap<>())
        .computeIfAbsent(item + "\u0000" + cellKey, k -> new ArrayList<>()).add(new Cell(value, comment, line));
  }

  /** Checks a row's value against the study (or the 1–9 default): whole numbers on the scale, ranks from 1. */
  private void check(long line, String itemId, String option, String value) throws BadRow {
    Item item = given == null ? null : given.item(itemId).orElse(null);
    if (given != null && item == null) {
      throw new BadRow(file, line, "item", "no item '" + itemId + "' in the study");
    }
    boolean ranking = item != null ? item.type() == ItemType.RANKING : !option.isEmpty();
    if (item != null && item.type() != ItemType.RANKING && !option.isEmpty()) {
      throw new BadRow(file, line, "option", "item '" + itemId + "' is not a ranking item");
    }
    if (ranking) {
      if (option.isEmpty()) {
        throw new BadRow(file, line, "option", "a ranking row names its option");
      }
      if (item != null && !item.optionIds().contains(option)) {
        throw new BadRow(file, line, "option", "no option '" + option + "' in item '" + itemId + "'");
      }
      Integer rank = whole(value);
      if (rank == null || rank < 1) {
        throw new BadRow(file, line, "value", "a rank is a whole number from 1, not '" + value + "'");
      }
      return;
    }
    if (item != null && item.type() == ItemType.OPEN) {
      return;
    }
    Scale scale = given == null ? Scale.of(1, 9, true, Map.of()) : given.scale();
    if (value.isEmpty()) {
      if (!scale.allowUnable() && item != null) {
        throw new BadRow(file, line, "value", "a rating is required: the study has no \"unable to rate\"");
      }
      return;
    }
    Integer rating = whole(value);
    if (rating == null) {
      throw new BadRow(file, line, "value", "'" + value + "' is not a whole-number rating");
    }
    if (!scale.contains(rating)) {
      throw new BadRow(file, line, "value", rating + " is off the scale " + scale.min() + "–" + scale.max());
    }
  }

  private Study inferred() {
    List<Item> items = new ArrayList<>();
    for (String id : itemsSeen) {
      Text text = Text.of("en", id);
      if (optionsSeen.containsKey(id)) {
        items.add(new Item(id, ItemType.RANKING, null, text,
            optionsSeen.get(id).stream().map(o -> new Option(o, Text.of("en", o))).toList()));
      } else {
        items.add(new Item(id, isRating(id) ? ItemType.RATING : ItemType.OPEN, null, text, List.of()));
      }
    }
    List<Panel> panels = panelsSeen.stream().map(p -> new Panel(p, Text.of("en", p))).toList();
    return new Study("responses", Text.of("en", file.getFileName().toString()), null, List.of("en"),
        Scale.of(1, 9, true, Map.of()), Criteria.defaults(1, 9), new Rounds(3, CarryForward.NO_CONSENSUS), panels,
        List.of(), items, true, Privacy.DEFAULT);
  }

  /**
   * Whether an item without options is a rating: some row has a value, or an empty value without a comment, which is
   * "unable to rate" (an item every panelist was unable to rate is still a rating item). An open item's every row has
   * its text in the comment and no value.
   */
  private boolean isRating(String itemId) {
    return raw.values().stream().flatMap(byParticipant -> byParticipant.values().stream())
        .flatMap(cells -> cells.entrySet().stream())
        .filter(e -> e.getKey().equals(itemId + "\u0000"))
        .anyMatch(e -> e.getValue().stream().anyMatch(c -> !c.value().isEmpty() || c.comment().isBlank()));
  }

  private TreeMap<Integer, List<AnswerSet>> answerSets(Study study) throws BadRow {
    TreeMap<Integer, List<AnswerSet>> rounds = new TreeMap<>();
    for (var byRound : raw.entrySet()) {
      List<AnswerSet> sets = new ArrayList<>();
      for (var byParticipant : byRound.getValue().entrySet()) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, TreeMap<Integer, List<String>>> rankings = new LinkedHashMap<>();
        Map<String, String> rankingComments = new HashMap<>();
        for (var cell : byParticipant.getValue().entrySet()) {
          String[] key = cell.getKey().split("\u0000", -1);
          Cell c = cell.getValue().get(cell.getValue().size() - 1);
          if (cell.getValue().size() > 1) {
            throw new BadRow(file, c.line(), "item", "'" + key[0] + "' is answered twice by " + byParticipant.getKey()
                + " in round " + byRound.getKey());
          }
          Item item = study.item(key[0]).orElseThrow();
          String comment = c.comment().isBlank() ? null : c.comment();
          if (item.type() == ItemType.RANKING) {
            int rank = whole(c.value());
            int options = item.optionIds().size();
            if (rank > options) {
              throw new BadRow(file, c.line(), "value", "rank " + rank + " is outside 1–" + options + ": item '"
                  + item.id() + "' has " + options + " options");
            }
            rankings.computeIfAbsent(item.id(), k -> new TreeMap<>()).computeIfAbsent(rank, k -> new ArrayList<>())
                .add(key[1]);
            if (comment != null) {
              rankingComments.put(item.id(), comment);
            }
          } else if (item.type() == ItemType.RATING) {
            boolean unable = c.value().isEmpty();
            answers.put(item.id(), new Answer.Rating(unable ? null : whole(c.value()), unable, comment, null));
          } else {
            answers.put(item.id(), new Answer.OpenText(comment == null ? "" : comment));
          }
        }
        rankings.forEach((item, byRank) -> answers.put(item, ranking(byRank, rankingComments.get(item))));
        String participant = byParticipant.getKey();
        sets.add(new AnswerSet(study.id(), byRound.getKey(), participant, panelOf.get(participant), answers, true, null,
            0));
      }
      rounds.put(byRound.getKey(), sets);
    }
    return rounds;
  }

  /** Options ranked alike share their rank: the analysis averages tied ranks (CONSENSUS.md, "Ranking items"). */
  private static Answer.Ranking ranking(TreeMap<Integer, List<String>> byRank, String comment) {
    List<String> order = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    byRank.forEach((rank, options) -> options.forEach(option -> {
      order.add(option);
      ranks.add(rank);
    }));
    return new Answer.Ranking(order, comment, ranks);
  }

  private static Integer whole(String value) {
    try {
      return Integer.valueOf(value.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
