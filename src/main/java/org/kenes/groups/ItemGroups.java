package org.kenes.groups;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One rating item across the opinion groups.
 *
 * @param id the item's id
 * @param groupAgree group id → share of the group's valid ratings of the item in the agree band, for
 *     groups with at least minCell valid ratings of it, in group order
 * @param suppressed the groups with fewer than minCell valid ratings of the item: shown only as
 *     "fewer than minCell responses"
 * @param gic group-informed consensus over the groups in groupAgree (CONSENSUS.md): the product of
 *     (agreeCount + 1) / (n + 2); null when no group is in groupAgree
 * @param spread highest minus lowest share in groupAgree; 0 with fewer than two groups
 * @param divisive spread is at least the divisive gap (0.5 by default)
 */
public record ItemGroups(String id, Map<String, Double> groupAgree, List<String> suppressed, Double gic,
    double spread, boolean divisive) {

  public ItemGroups {
    groupAgree = Collections.unmodifiableMap(new LinkedHashMap<>(groupAgree));
    suppressed = List.copyOf(suppressed);
  }
}
