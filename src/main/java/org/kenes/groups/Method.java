package org.kenes.groups;

import java.util.List;

/**
 * How the groups were found, for the report's methods text and for checking a result.
 *
 * @param clustered panelists who rated enough items to be clustered
 * @param unclustered panelists left out for rating too few items; they are in no group
 * @param itemsClustered ids of the items the clustering used: rated by someone and not rated alike by all
 * @param explained share of the variance each kept principal component explains; the map shows the first two
 * @param threshold the silhouette a clustering had to reach
 * @param candidates every k tried, in increasing k
 * @param shuffledSilhouette the best silhouette reached with each item's ratings shuffled among the
 *     panelists, which found groups must beat; null when no candidate reached the threshold, so no
 *     shuffle was needed
 */
public record Method(int clustered, int unclustered, List<String> itemsClustered, List<Double> explained,
    double threshold, List<Candidate> candidates, Double shuffledSilhouette) {

  public Method {
    itemsClustered = List.copyOf(itemsClustered);
    explained = List.copyOf(explained);
    candidates = List.copyOf(candidates);
  }
}
