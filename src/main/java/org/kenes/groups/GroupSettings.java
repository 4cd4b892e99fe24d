package org.kenes.groups;

/**
 * The knobs of the opinion-group analysis. {@link #DEFAULTS} is what Kenes uses; the reasons for each
 * value are given there, and the methods text of the report should name them.
 *
 * @param silhouetteThreshold the mean silhouette a clustering must reach to count as structure
 * @param minK smallest number of groups tried
 * @param maxK largest number of groups tried
 * @param restarts k-means++ runs per k; the one with the lowest within-group sum of squares is kept
 * @param maxIterations Lloyd iterations per k-means run
 * @param minAnsweredShare share of the rated items a panelist must have rated to be clustered
 * @param minItems varying items needed before any clustering is tried
 * @param varianceToKeep principal components are kept until they explain this share of the variance
 * @param minComponents fewest principal components kept (two are needed for the map anyway)
 * @param maxComponents most principal components kept
 * @param silhouetteSample panelists the silhouette is computed on; larger rounds are sampled
 * @param shuffles rounds with each item's ratings shuffled among the panelists; the found groups'
 *     silhouette must beat the same k's silhouette in every one of them (see Shuffled)
 * @param shuffleRows panelists in each shuffled round; larger rounds are sampled down to this
 * @param shuffleMargin how far the round's silhouette must rise above the best shuffled round's
 * @param divisiveGap an item divides the groups when their agree shares differ by at least this
 * @param unitesShare an item unites the groups when every group agrees at least this much
 * @param standsForShare a group stands for an item only if at least this share of it agrees
 * @param standsForMargin and only if its agree share exceeds every other group's by at least this
 * @param standsForTop the most items listed as what a group stands for
 */
public record GroupSettings(double silhouetteThreshold, int minK, int maxK, int restarts, int maxIterations,
    double minAnsweredShare, int minItems, double varianceToKeep, int minComponents, int maxComponents,
    int silhouetteSample, int shuffles, int shuffleRows, double shuffleMargin, double divisiveGap,
    double unitesShare, double standsForShare, double standsForMargin, int standsForTop) {

  /**
   * Defaults, with the evidence behind them (numbers from NoStructureTest, PlantedCampsTest and the
   * runs described there):
   * <ul>
   * <li>silhouette 0.25: Kaufman and Rousseeuw's line below which "no substantial structure has been
   *     found" (Finding Groups in Data, 1990). On uniform random ratings, no k reached 0.20 from 40
   *     panelists and 10 items up (worst of 10 data sets: 0.199 at 40 × 10, 0.100 at 500 × 10), while
   *     planted camps scored 0.58 at rating noise sd 1.0 and still 0.38 at sd 2.5. The value belongs
   *     with the component rule below: silhouettes grow as dimensions are dropped, and on two
   *     components alone the same noise reached 0.37–0.41.
   * <li>19 shuffles and a margin of 0.05: below 40 panelists or 6 items noise does pass 0.25 (up to
   *     0.66 with 12 panelists on 2 items); with the shuffles 3 of 770 uniform data sets still gave
   *     groups, all with 12 panelists. Planted camps beat their shuffles by 0.25 or more.
   * <li>80% of the variance in 2 to 10 components: the values; 10 caps the cost and the
   *     noise dimensions that dilute the silhouette, 2 are needed for the map.
   * <li>half the items rated: the least that still places a panelist by their own views rather than by
   *     the imputed means.
   * <li>minItems 2: one item's camps are its histogram, which the consensus report shows already.
   * <li>10 restarts, fewer above 2,000 panelists (see KMeans#restarts); silhouettes on at most 2,000
   *     panelists and shuffles on 300 keep 10,000 panelists × 100 items within a few seconds.
   * <li>divisive 0.5 apart and unites at 0.7 in every group: the values, 0.7 being the agree
   *     share of the 70/15 rule. A group stands for an item when a majority of it agrees and no other
   *     group comes within 0.3: a judgement, so that a listed item reads as the group's own.
   * </ul>
   */
  public static final GroupSettings DEFAULTS = new GroupSettings(0.25, 2, 5, 10, 100, 0.5, 2, 0.8, 2, 10,
      2000, 19, 300, 0.05, 0.5, 0.7, 0.5, 0.3, 5);

  public GroupSettings {
    if (minK < 2 || maxK < minK) {
      throw new IllegalArgumentException("k must run over 2 or more, was " + minK + ".." + maxK);
    }
    if (restarts < 1 || maxIterations < 1 || silhouetteSample < 2 || shuffles < 0 || shuffleRows < 2
        || standsForTop < 0) {
      throw new IllegalArgumentException("restarts, iterations, sample and top must be positive");
    }
    if (minComponents < 2 || maxComponents < minComponents) {
      throw new IllegalArgumentException("components must run over 2 or more, was "
          + minComponents + ".." + maxComponents);
    }
    if (minItems < 2) {
      throw new IllegalArgumentException("at least two items are needed for a map, was " + minItems);
    }
  }
}
