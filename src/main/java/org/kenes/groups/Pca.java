package org.kenes.groups;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealVector;

/**
 * Principal components of standardised ratings, from the eigenvectors of their covariance (the
 * correlation matrix, as the columns are standardised). Only the p × p covariance is decomposed, so
 * 10,000 panelists cost one pass over the data. The columns are centred here although standardised
 * ratings already are: a shuffled subsample (see {@link Choice}) is not.
 *
 * @param scores the panelists' coordinates on the kept components, one row per panelist
 * @param explained the share of the total variance each kept component explains
 */
record Pca(double[][] scores, double[] explained) {

  static Pca of(double[][] z, GroupSettings settings) {
    int n = z.length;
    int p = z[0].length;
    double[] mean = new double[p];
    for (double[] row : z) {
      for (int j = 0; j < p; j++) {
        mean[j] += row[j] / n;
      }
    }
    double[][] centred = new double[n][p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        centred[i][j] = z[i][j] - mean[j];
      }
    }
    double[][] covariance = new double[p][p];
    for (double[] row : centred) {
      for (int a = 0; a < p; a++) {
        double za = row[a];
        double[] target = covariance[a];
        for (int b = a; b < p; b++) {
          target[b] += za * row[b];
        }
      }
    }
    for (int a = 0; a < p; a++) {
      for (int b = a; b < p; b++) {
        covariance[a][b] /= n - 1;
        covariance[b][a] = covariance[a][b];
      }
    }
    EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(covariance, false));
    double[] values = eigen.getRealEigenvalues();
    // the decomposition's own order is not part of its contract, so sort; ties keep the lower index
    Integer[] order = IntStream.range(0, p).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.comparingDouble((Integer i) -> -Math.max(0, values[i])));
    double total = 0;
    for (double value : values) {
      total += Math.max(0, value);
    }
    int kept = componentCount(values, order, total, settings);
    double[][] loadings = new double[kept][];
    double[] explained = new double[kept];
    for (int c = 0; c < kept; c++) {
      loadings[c] = orient(eigen.getEigenvector(order[c]));
      explained[c] = total > 0 ? Math.max(0, values[order[c]]) / total : 0;
    }
    double[][] scores = new double[n][kept];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < kept; c++) {
        double s = 0;
        for (int j = 0; j < p; j++) {
          s += centred[i][j] * loadings[c][j];
        }
        scores[i][c] = s;
      }
    }
    return new Pca(scores, explained);
  }

  /** As few components as explain the wanted variance, within the settings' bounds and the data's rank. */
  private static int componentCount(double[] values, Integer[] order, double total, GroupSettings settings) {
    int p = values.length;
    int count = 0;
    double cumulative = 0;
    while (count < p && cumulative < settings.varianceToKeep() * total) {
      cumulative += Math.max(0, values[order[count]]);
      count++;
    }
    return Math.min(p, Math.min(settings.maxComponents(), Math.max(settings.minComponents(), count)));
  }

  /**
   * An eigenvector's sign is arbitrary, and a flipped axis would mirror the map between two runs or two
   * library versions; making the largest-magnitude loading positive fixes it (the first such one on a tie).
   */
  private static double[] orient(RealVector vector) {
    double[] v = vector.toArray();
    int largest = 0;
    for (int j = 1; j < v.length; j++) {
      if (Math.abs(v[j]) > Math.abs(v[largest])) {
        largest = j;
      }
    }
    if (v[largest] < 0) {
      for (int j = 0; j < v.length; j++) {
        v[j] = -v[j];
      }
    }
    return v;
  }
}
