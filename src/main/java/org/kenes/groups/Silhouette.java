package org.kenes.groups;

/**
 * Mean silhouette (Rousseeuw 1987), which Commons Math does not offer. For a panelist, a = mean
 * distance to the others of its own group, b = mean distance to the nearest other group, and
 * s = (b − a) / max(a, b); s = 0 for the only member of a group, as Rousseeuw defines it.
 */
final class Silhouette {
  private Silhouette() {
  }

  /**
   * The mean silhouette of several labellings of the same points at once, since the pairwise
   * distances, which are the whole cost, are the same for all of them.
   *
   * @param sample the rows to compute it on, distances being taken among them only (as scikit-learn's
   *     sample_size does); all rows for a round of ordinary size
   * @param labellings labels 0..k-1 per row, one array per candidate
   * @param ks the k of each labelling
   */
  static double[] means(double[][] points, int[] sample, int[][] labellings, int[] ks) {
    int m = sample.length;
    int candidates = labellings.length;
    // sums[c][i][g]: distance from sample point i to the sample members of group g under candidate c
    double[][][] sums = new double[candidates][m][];
    int[][] counts = new int[candidates][];
    for (int c = 0; c < candidates; c++) {
      counts[c] = new int[ks[c]];
      for (int i = 0; i < m; i++) {
        sums[c][i] = new double[ks[c]];
        counts[c][labellings[c][sample[i]]]++;
      }
    }
    for (int i = 0; i < m; i++) {
      double[] pi = points[sample[i]];
      for (int j = i + 1; j < m; j++) {
        double d = Math.sqrt(KMeans.squaredDistance(pi, points[sample[j]]));
        for (int c = 0; c < candidates; c++) {
          int[] labels = labellings[c];
          sums[c][i][labels[sample[j]]] += d;
          sums[c][j][labels[sample[i]]] += d;
        }
      }
    }
    double[] means = new double[candidates];
    for (int c = 0; c < candidates; c++) {
      double total = 0;
      for (int i = 0; i < m; i++) {
        total += value(sums[c][i], counts[c], labellings[c][sample[i]]);
      }
      means[c] = total / m;
    }
    return means;
  }

  private static double value(double[] sums, int[] counts, int own) {
    if (counts[own] < 2) {
      return 0;
    }
    double a = sums[own] / (counts[own] - 1);
    double b = Double.POSITIVE_INFINITY;
    for (int g = 0; g < counts.length; g++) {
      if (g != own && counts[g] > 0) {
        b = Math.min(b, sums[g] / counts[g]);
      }
    }
    if (b == Double.POSITIVE_INFINITY) {
      return 0;
    }
    double larger = Math.max(a, b);
    return larger == 0 ? 0 : (b - a) / larger;
  }
}
