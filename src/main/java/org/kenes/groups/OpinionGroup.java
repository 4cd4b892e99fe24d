package org.kenes.groups;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One opinion group, as shown: how many, and from which panels; never who.
 *
 * @param id "g1", "g2", ... from the largest group down
 * @param size number of panelists in the group, at least minCell
 * @param panels panel id → members of that panel in the group, for the panels with at least minCell
 *     clustered panelists, in the order the panels first appear in the round; members of smaller
 *     panels count in size only
 */
public record OpinionGroup(String id, int size, Map<String, Integer> panels) {
  public OpinionGroup {
    panels = Collections.unmodifiableMap(new LinkedHashMap<>(panels));
  }
}
