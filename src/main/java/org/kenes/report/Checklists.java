package org.kenes.report;

import java.util.ArrayList;
import java.util.List;
import org.kenes.study.Study;

/**
 * The reporting checklists a journal asks a Delphi report to answer, ACCORD (Gattrell et al. 2024; 35 items, numbered
 * T1, I1–I3, M1–M21, R1–R5, D1–D2, O1–O3) and DELPHISTAR (Niederberger et al. 2024; 38 items, numbered 1–38), each item
 * mapped to where a Kenes report answers it: a section Kenes writes itself, a field of the study's reporting block
 * (answered only when the facilitator gave it), or nowhere in Kenes (the authors state it in their manuscript). The
 * items' paraphrases are in the bundles ({@code checklist.<guideline>.<number>}).
 */
public final class Checklists {

  /** How a checklist item is answered. */
  public enum Status {
    /** By a section Kenes writes from what it knows. */
    GENERATED,
    /** By a field of the reporting block, which the facilitator gave. */
    GIVEN,
    /** By a field of the reporting block left empty: "not reported". */
    MISSING,
    /** Not by the report: the manuscript's own (its title, abstract, discussion). */
    OUTSIDE
  }

  /**
   * One item as a study answers it.
   *
   * @param anchor the report's element that answers it (an id on the report page), or null when nothing does
   */
  public record Entry(String guideline, String number, Status status, String anchor) {

    public String key() {
      return "checklist." + guideline + "." + number;
    }
  }

  /** An item of a guideline: answered by a section ({@code #anchor}), a reporting field ({@code field:name}) or none. */
  private record Item(String number, String where) {}

  public static final String ACCORD = "accord";
  public static final String DELPHISTAR = "delphistar";

  private static final String RULE = "#methods-rule";
  private static final String ROUNDS = "#methods-rounds";
  private static final String CONDUCT = "#conduct";

  private static final List<Item> ACCORD_ITEMS = List.of(
      new Item("T1", null), new Item("I1", null), new Item("I2", "field:aim"), new Item("I3", null),
      new Item("M1", "field:registration"), new Item("M2", "field:steeringGroup"), new Item("M3", "field:recruitment"),
      new Item("M4", "field:recruitment"), new Item("M5", "field:publicInvolvement"), new Item("M6", "field:evidence"),
      new Item("M7", "field:evidence"), new Item("M8", "field:evidence"), new Item("M9", RULE),
      new Item("M10", "#items"), new Item("M11", ROUNDS), new Item("M12", RULE), new Item("M13", RULE),
      new Item("M14", CONDUCT), new Item("M15", RULE), new Item("M16", "field:piloting"), new Item("M17", CONDUCT),
      new Item("M18", CONDUCT), new Item("M19", "field:steeringGroup"), new Item("M20", CONDUCT),
      new Item("M21", CONDUCT), new Item("R1", CONDUCT), new Item("R2", "#changes"), new Item("R3", ROUNDS),
      new Item("R4", "#summary"), new Item("R5", "#changes"), new Item("D1", "field:limitations"), new Item("D2", null),
      new Item("O1", null), new Item("O2", "field:conflicts"), new Item("O3", "field:funding"));

  private static final List<Item> DELPHISTAR_ITEMS = List.of(
      new Item("1", null), new Item("2", null), new Item("3", null), new Item("4", "field:funding"),
      new Item("5", "field:steeringGroup"), new Item("6", null), new Item("7", "field:aim"),
      new Item("8", "field:protocol"), new Item("9", null), new Item("10", "field:aim"),
      new Item("11", "field:recruitment"), new Item("12", "field:recruitment"), new Item("13", "field:recruitment"),
      new Item("14", RULE), new Item("15", RULE), new Item("16", ROUNDS), new Item("17", "field:recruitment"),
      new Item("18", "field:recruitment"), new Item("19", "field:evidence"), new Item("20", "#items"),
      new Item("21", ROUNDS), new Item("22", "#changes"), new Item("23", RULE), new Item("24", CONDUCT),
      new Item("25", CONDUCT), new Item("26", CONDUCT), new Item("27", RULE), new Item("28", RULE),
      new Item("29", RULE), new Item("30", RULE), new Item("31", "#flow"), new Item("32", "field:limitations"),
      new Item("33", ROUNDS), new Item("34", "#items"), new Item("35", "#summary"), new Item("36", "field:limitations"),
      new Item("37", "field:qualitativeAnalysis"), new Item("38", "field:limitations"));

  private Checklists() {}

  /** The guidelines' ids, in the order the report gives them. */
  public static List<String> guidelines() {
    return List.of(ACCORD, DELPHISTAR);
  }

  /** A guideline's items as the study answers them, in the guideline's order. */
  public static List<Entry> of(String guideline, Study study) {
    List<Entry> out = new ArrayList<>();
    for (Item item : ACCORD.equals(guideline) ? ACCORD_ITEMS : DELPHISTAR_ITEMS) {
      out.add(entry(guideline, item, study));
    }
    return out;
  }

  private static Entry entry(String guideline, Item item, Study study) {
    if (item.where() == null) {
      return new Entry(guideline, item.number(), Status.OUTSIDE, null);
    }
    if (item.where().startsWith("#")) {
      return new Entry(guideline, item.number(), Status.GENERATED, item.where().substring(1));
    }
    String field = item.where().substring("field:".length());
    return study.reporting().fields().containsKey(field)
        ? new Entry(guideline, item.number(), Status.GIVEN, "reporting-" + field)
        : new Entry(guideline, item.number(), Status.MISSING, "reporting-" + field);
  }
}
