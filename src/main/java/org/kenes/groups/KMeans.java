package org.kenes.groups;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.ConvergenceException;
import org.apache.commons.math3.ml.clustering.CentroidCluster;
import org.apache.commons.math3.ml.clustering.Clusterable;
import org.apache.commons.math3.ml.clustering.KMeansPlusPlusClusterer;
import org.apache.commons.math3.ml.distance.EuclideanDistance;
import org.apache.commons.math3.random.Well19937c;

/** k-means++ (Commons Math) with restarts, keeping the run with the lowest within-group sum of squares. */
final class KMeans {
  private static final int FULL_RESTARTS_UP_TO = 2000;

  private KMeans() {
  }

  /** A point that remembers its row, so that the clusters can be turned back into labels. */
  private record Row(int row, double[] point) implements Clusterable {
    @Override
    public double[] getPoint() {
      return point;
    }
  }

  /**
   * @param stream tells apart the data sets clustered under one seed: 0 for the round, 1.. for shuffles
   * @return a group label 0..k-1 for every row, or null when no run produced k non-empty groups (too
   *     few distinct points)
   */
  static int[] labels(double[][] points, int k, long seed, int stream, GroupSettings settings) {
    List<Row> rows = new ArrayList<>(points.length);
    for (int i = 0; i < points.length; i++) {
      rows.add(new Row(i, points[i]));
    }
    int[] best = null;
    double bestWcss = Double.POSITIVE_INFINITY;
    for (int run = 0; run < restarts(points.length, settings); run++) {
      // one generator per (data set, k, run): each is reproducible on its own, whatever ran before it
      Well19937c random = new Well19937c(new int[] {(int) seed, (int) (seed >>> 32), stream, k, run});
      KMeansPlusPlusClusterer<Row> clusterer = new KMeansPlusPlusClusterer<>(k, settings.maxIterations(),
          new EuclideanDistance(), random, KMeansPlusPlusClusterer.EmptyClusterStrategy.LARGEST_VARIANCE);
      List<CentroidCluster<Row>> clusters;
      try {
        clusters = clusterer.cluster(rows);
      } catch (ConvergenceException e) {
        // an empty group that could not be refilled: this run found no k groups, another may
        continue;
      }
      int[] labels = new int[points.length];
      double wcss = 0;
      int nonEmpty = 0;
      for (int c = 0; c < clusters.size(); c++) {
        CentroidCluster<Row> cluster = clusters.get(c);
        nonEmpty += cluster.getPoints().isEmpty() ? 0 : 1;
        double[] centre = cluster.getCenter().getPoint();
        for (Row row : cluster.getPoints()) {
          labels[row.row()] = c;
          wcss += squaredDistance(row.point(), centre);
        }
      }
      // strictly lower, so that among equal runs the earliest wins and the result does not wobble
      if (nonEmpty == k && wcss < bestWcss) {
        bestWcss = wcss;
        best = labels;
      }
    }
    return best;
  }

  /**
   * The settings' restarts up to 2,000 panelists, then fewer, down to 2 (at 10,000): restarts rescue
   * small rounds from a poor start, while in large ones k-means++ seeding already starts near the best
   * solution, and each run costs n·k·iterations.
   */
  static int restarts(int n, GroupSettings settings) {
    long scaled = (long) settings.restarts() * FULL_RESTARTS_UP_TO / Math.max(1, n);
    return (int) Math.max(Math.min(settings.restarts(), 2), Math.min(settings.restarts(), scaled));
  }

  static double squaredDistance(double[] a, double[] b) {
    double sum = 0;
    for (int d = 0; d < a.length; d++) {
      double diff = a[d] - b[d];
      sum += diff * diff;
    }
    return sum;
  }
}
