package org.kenes.groups;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The opinion groups of a round. Everything here may be shown except {@link #membership()}.
 *
 * @param k number of groups: 2..5 when camps were found, else 1
 * @param silhouette mean silhouette of the groups when k ≥ 2; when k = 1, the best one tried (which
 *     fell under the threshold or came with too small a group); null when nothing could be tried
 * @param outcome why k is what it is
 * @param groups the groups, largest first; with k = 1 a single group of all clustered panelists, or none
 *     when they are fewer than minCell
 * @param items every rating item of the round, in round order
 * @param unites ids of the items every group agrees with (share ≥ 0.7 in each), most consensual
 *     (highest gic) first
 * @param divides ids of the divisive items, widest spread first
 * @param standsFor group id → ids of the items the group agrees with well beyond every other group,
 *     strongest first; empty lists with k = 1
 * @param map one anonymous dot per clustered panelist when groups are shown; empty otherwise, or when
 *     too few items vary to draw one
 * @param method how the result was reached
 * @param membership panelist index → group id, for the server's own use with the map. Issue #9:
 *     membership is never exposed, so this is never serialised, sent, logged or stored in a report
 */
public record GroupsResult(int k, Double silhouette, Outcome outcome, List<OpinionGroup> groups,
    List<ItemGroups> items, List<String> unites, List<String> divides, Map<String, List<String>> standsFor,
    List<MapPoint> map, Method method, Map<Integer, String> membership) {

  public GroupsResult {
    groups = List.copyOf(groups);
    items = List.copyOf(items);
    unites = List.copyOf(unites);
    divides = List.copyOf(divides);
    Map<String, List<String>> stands = new LinkedHashMap<>();
    standsFor.forEach((group, ids) -> stands.put(group, List.copyOf(ids)));
    standsFor = Collections.unmodifiableMap(stands);
    map = List.copyOf(map);
    membership = Collections.unmodifiableMap(new TreeMap<>(membership));
  }
}
