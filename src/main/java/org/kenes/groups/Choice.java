package org.kenes.groups;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.Well19937c;

/**
 * The chosen number of groups and who is in which, before the groups are numbered by size.
 *
 * @param labels a label 0..k-1 per clustered panelist
 * @param shuffledSilhouette the best silhouette a shuffled round reached; null when none was run
 */
record Choice(int k, int[] labels, Double silhouette, Outcome outcome, List<Candidate> candidates,
    Double shuffledSilhouette) {

  /** One k tried: the best k-means++ run's labels and how good they are. */
  record Tried(int k, int[] labels, double silhouette, int smallest) {
  }

  static Choice single(int n, Outcome outcome, Double silhouette, List<Candidate> candidates, Double shuffled) {
    return new Choice(1, new int[n], silhouette, outcome, candidates, shuffled);
  }

  /**
   * Tries every k for which minCell-sized groups are possible at all, and keeps the highest silhouette
   * among the k whose groups all reach minCell. Such a k is rejected rather than its small group merged
   * into a neighbour: a merged group is not what k-means found, and its silhouette would no longer
   * describe it, while the next k down usually finds the same camps without the outliers' group.
   * The winner must then reach the threshold and beat the shuffled rounds (see {@link Shuffled}).
   */
  static Choice best(double[][] z, double[][] scores, RoundRatings round, GroupSettings settings) {
    List<Tried> tried = tryAll(scores, round.minCell(), round.seed(), 0, settings.minK(), settings.maxK(), settings);
    List<Candidate> candidates = tried.stream()
        .map(t -> new Candidate(t.k(), t.silhouette(), t.smallest(), t.smallest() < round.minCell()))
        .toList();
    int n = scores.length;
    Tried best = bestShown(tried, round.minCell());
    double bestAny = tried.stream().mapToDouble(Tried::silhouette).max().orElse(Double.NaN);
    if (best == null || best.silhouette() < settings.silhouetteThreshold()) {
      Outcome outcome = bestAny >= settings.silhouetteThreshold()
          ? Outcome.GROUPS_TOO_SMALL : Outcome.NO_CLEAR_STRUCTURE;
      return single(n, outcome, tried.isEmpty() ? null : bestAny, candidates, null);
    }
    double toBeat = best.silhouette() - settings.shuffleMargin();
    double shuffled = Shuffled.best(z, best.k(), toBeat, round, settings);
    if (shuffled >= toBeat) {
      return single(n, Outcome.NO_CLEAR_STRUCTURE, best.silhouette(), candidates, shuffled);
    }
    return new Choice(best.k(), best.labels(), best.silhouette(), Outcome.GROUPS, candidates,
        Double.isNaN(shuffled) ? null : shuffled);
  }

  /**
   * k-means++ and the silhouette for k = minK.. as far as minCell-sized groups allow. The k run in
   * parallel: each has its own generator, so the result does not depend on which finishes first.
   *
   * @param stream 0 for the round itself, 1.. for its shuffles
   */
  static List<Tried> tryAll(double[][] scores, int minCell, long seed, int stream, int fromK, int toK,
      GroupSettings settings) {
    int n = scores.length;
    int maxK = Math.min(toK, n / minCell);
    List<int[]> found = IntStream.rangeClosed(fromK, maxK).parallel()
        .mapToObj(k -> KMeans.labels(scores, k, seed, stream, settings))
        .toList();
    List<int[]> labellings = new ArrayList<>();
    List<Integer> ks = new ArrayList<>();
    for (int c = 0; c < found.size(); c++) {
      if (found.get(c) != null) {
        labellings.add(found.get(c));
        ks.add(fromK + c);
      }
    }
    if (labellings.isEmpty()) {
      return List.of();
    }
    double[] silhouettes = Silhouette.means(scores, sample(n, seed, stream, settings),
        labellings.toArray(int[][]::new), ks.stream().mapToInt(Integer::intValue).toArray());
    List<Tried> tried = new ArrayList<>();
    for (int c = 0; c < ks.size(); c++) {
      tried.add(new Tried(ks.get(c), labellings.get(c), silhouettes[c], smallest(labellings.get(c), ks.get(c))));
    }
    return tried;
  }

  /** The highest silhouette among the k whose groups all reach minCell; on a tie the fewer groups. */
  static Tried bestShown(List<Tried> tried, int minCell) {
    Tried best = null;
    for (Tried t : tried) {
      if (t.smallest() >= minCell && (best == null || t.silhouette() > best.silhouette())) {
        best = t;
      }
    }
    return best;
  }

  private static int smallest(int[] labels, int k) {
    int[] size = new int[k];
    for (int label : labels) {
      size[label]++;
    }
    return Arrays.stream(size).min().orElse(0);
  }

  /** All panelists, or a seeded sample of them: the silhouette costs n² distances. */
  private static int[] sample(int n, long seed, int stream, GroupSettings settings) {
    return n <= settings.silhouetteSample() ? IntStream.range(0, n).toArray()
        : draw(n, settings.silhouetteSample(), new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), stream, -1}));
  }

  /** m of 0..n-1 without replacement (a partial Fisher–Yates shuffle), ascending. */
  static int[] draw(int n, int m, Well19937c random) {
    int[] all = IntStream.range(0, n).toArray();
    for (int i = 0; i < m; i++) {
      int j = i + random.nextInt(n - i);
      int swap = all[i];
      all[i] = all[j];
      all[j] = swap;
    }
    int[] drawn = Arrays.copyOf(all, m);
    Arrays.sort(drawn);
    return drawn;
  }
}
