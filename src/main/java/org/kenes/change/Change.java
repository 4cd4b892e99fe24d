package org.kenes.change;

import java.util.List;
import java.util.Map;

/**
 * One change to a study's items between rounds, with its provenance.
 *
 * @param change  {@code added}, {@code reworded}, {@code merged} or {@code retired}
 * @param after   the rounds held when it was made (0: before round 1)
 * @param since   the first round that asks the item as changed (for a retired item: the first that no longer does)
 * @param from    the open answers ({@code a-…} ids of the open-answers list) or items it came from
 * @param text    the item's text after the change, by language (null for a retirement)
 */
public record Change(String study, String item, String change, int after, int since, List<String> from, String note,
    Map<String, String> text, String actor, String at) {

  public Change {
    from = List.copyOf(from);
  }

  public static String key(String study, int since, String item, String change) {
    return study + ":" + since + ":" + item + ":" + change;
  }
}
