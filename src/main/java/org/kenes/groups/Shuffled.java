package org.kenes.groups;

import org.apache.commons.math3.random.Well19937c;

/**
 * The reference a silhouette has to beat. The silhouette threshold alone does not tell camps from
 * noise in small rounds: on uniform random ratings, k-means found "groups" with silhouettes up to
 * 0.36 for 20 panelists and 8 items or 60 panelists and 4 items (NoStructureTest). Shuffling
 * each item's ratings among the panelists keeps every item's distribution and destroys only what
 * makes camps, that panelists agree and disagree together. The round's groups must beat, by the
 * settings' margin, the same number of groups found by the same steps in each of 19 shuffled rounds.
 * The same k, not each shuffle's best k: on two items that each split 50/50, the shuffles hold four
 * perfect corners, which would out-score two real camps at k = 4. Of 770 uniform data sets (12–500
 * panelists, 2–50 items), 3 still gave groups, all of them among the 70 with only 12 panelists.
 */
final class Shuffled {
  private Shuffled() {
  }

  /**
   * @param k the number of groups found in the round
   * @param toBeat the round's silhouette less the margin: shuffling stops at the first shuffled round
   *     that reaches it
   * @return the best silhouette of the shuffled rounds run; NaN when none was run
   */
  static double best(double[][] z, int k, double toBeat, RoundRatings round, GroupSettings settings) {
    double best = Double.NaN;
    for (int s = 1; s <= settings.shuffles(); s++) {
      double silhouette = once(z, k, s, round, settings);
      best = Double.isNaN(best) ? silhouette : Math.max(best, silhouette);
      if (best >= toBeat) {
        break;
      }
    }
    return best;
  }

  /**
   * A large round is shuffled on a sample of its panelists: fewer panelists give noise higher
   * silhouettes, so the sample makes the test stricter, never looser, and keeps 10,000 panelists cheap.
   */
  private static double once(double[][] z, int k, int stream, RoundRatings round, GroupSettings settings) {
    Well19937c random = new Well19937c(new int[] {(int) round.seed(), (int) (round.seed() >>> 32), stream, -2});
    int m = Math.min(z.length, settings.shuffleRows());
    int[] rows = Choice.draw(z.length, m, random);
    int p = z[0].length;
    double[][] shuffled = new double[m][p];
    for (int j = 0; j < p; j++) {
      int[] order = permutation(m, random);
      for (int i = 0; i < m; i++) {
        shuffled[i][j] = z[rows[order[i]]][j];
      }
    }
    Choice.Tried best = Choice.bestShown(
        Choice.tryAll(Pca.of(shuffled, settings).scores(), round.minCell(), round.seed(), stream, k, k, settings),
        round.minCell());
    return best == null ? 0 : best.silhouette();
  }

  private static int[] permutation(int m, Well19937c random) {
    int[] order = new int[m];
    for (int i = 0; i < m; i++) {
      order[i] = i;
    }
    for (int i = m - 1; i > 0; i--) {
      int swap = random.nextInt(i + 1);
      int keep = order[i];
      order[i] = order[swap];
      order[swap] = keep;
    }
    return order;
  }
}
