package org.kenes.consensus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who the panel was: one participant attribute described per panel and overall (README, "Participant
 * characteristics"). A choice as counts and shares of its options, a number as median and range. A panel whose
 * answers would describe fewer than minCell people is withheld, with secondary suppression ({@link Disclosure}); within
 * a column, so is an option counted 1 to minCell − 1 times, and the next smallest beside it as needed.
 */
public final class Characteristics {
  private Characteristics() {
  }

  /**
   * One participant's value of the attribute.
   *
   * @param value an option id (choice), an integer (number), or null when they gave none
   */
  public record Person(String panel, Object value) {}

  /**
   * One column of the table: a panel, or all panels together ({@code panel} null).
   *
   * @param n those who gave a value
   * @param missing those who gave none
   * @param suppressed the whole column withheld: then nothing else is set
   * @param counts the count of each option shown (a choice), in the options' order
   * @param withheld the options whose counts are withheld
   */
  public record Column(String panel, long n, long missing, boolean suppressed, Map<String, Long> counts,
      List<String> withheld, Double median, Integer min, Integer max) {

    static Column hidden(String panel) {
      return new Column(panel, 0, 0, true, Map.of(), List.of(), null, null, null);
    }

    /** The share of an option among those who gave a value. */
    public Double share(String option) {
      Long count = counts.get(option);
      return count == null || n == 0 ? null : (double) count / n;
    }
  }

  /** The columns of a choice attribute: overall first, then the panels in their order. */
  public static List<Column> choice(List<String> panels, List<String> options, List<Person> people, int minCell) {
    return columns(panels, people, minCell, (panel, values, missing) -> {
      Map<String, Long> counts = new LinkedHashMap<>();
      options.forEach(o -> counts.put(o, 0L));
      values.forEach(v -> counts.merge(String.valueOf(v), 1L, Long::sum));
      Set<String> withheld = Disclosure.withheld(counts, minCell);
      Map<String, Long> shown = new LinkedHashMap<>(counts);
      withheld.forEach(shown::remove);
      return new Column(panel, values.size(), missing, false, shown, List.copyOf(withheld), null, null, null);
    });
  }

  /** The columns of a number attribute: median (the middle value, or the mean of the middle two) and range. */
  public static List<Column> number(List<String> panels, List<Person> people, int minCell) {
    return columns(panels, people, minCell, (panel, values, missing) -> {
      List<Integer> sorted = values.stream().map(v -> ((Number) v).intValue()).sorted().toList();
      int n = sorted.size();
      Double median = n == 0 ? null : (sorted.get((n - 1) / 2) + sorted.get(n / 2)) / 2.0;
      return new Column(panel, n, missing, false, Map.of(), List.of(), median, n == 0 ? null : sorted.get(0),
          n == 0 ? null : sorted.get(n - 1));
    });
  }

  private interface Describe {
    Column of(String panel, List<Object> values, long missing);
  }

  private static List<Column> columns(List<String> panels, List<Person> people, int minCell, Describe describe) {
    Map<String, Long> sizes = new LinkedHashMap<>();
    panels.forEach(p -> sizes.put(p, people.stream().filter(x -> p.equals(x.panel()) && x.value() != null).count()));
    Set<String> withheld = Disclosure.withheld(sizes, minCell);
    List<Column> columns = new ArrayList<>();
    columns.add(column(null, people, minCell, describe));
    for (String panel : panels) {
      columns.add(withheld.contains(panel) ? Column.hidden(panel)
          : column(panel, people.stream().filter(x -> panel.equals(x.panel())).toList(), minCell, describe));
    }
    return columns;
  }

  /** A column of fewer than minCell values (but some) is withheld whole, the overall one too. */
  private static Column column(String panel, List<Person> people, int minCell, Describe describe) {
    List<Object> values = people.stream().map(Person::value).filter(v -> v != null).toList();
    if (!values.isEmpty() && values.size() < minCell) {
      return Column.hidden(panel);
    }
    return describe.of(panel, values, people.size() - values.size());
  }
}
