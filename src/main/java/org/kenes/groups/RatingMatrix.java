package org.kenes.groups;

import java.util.ArrayList;
import java.util.List;

/**
 * The panelists and items that take part in the clustering, as standardised ratings with the gaps
 * filled. A missing rating becomes the item's mean among those who rated it, which is 0 once
 * standardised: it pulls the panelist towards the centre on that item and nowhere else.
 *
 * @param rows positions in {@link RoundRatings#panelists()} of the clustered panelists, ascending
 * @param columns positions in {@link RoundRatings#items()} of the items clustered on, ascending
 * @param z standardised ratings, one row per clustered panelist, one column per item clustered on
 */
record RatingMatrix(int[] rows, int[] columns, double[][] z) {

  static RatingMatrix of(RoundRatings round, GroupSettings settings) {
    List<RatingVector> panelists = round.panelists();
    int itemCount = round.items().size();
    boolean[] rated = new boolean[itemCount];
    for (RatingVector vector : panelists) {
      for (int j = 0; j < itemCount; j++) {
        rated[j] |= vector.ratings().get(j) != null;
      }
    }
    int ratedItems = 0;
    for (boolean r : rated) {
      ratedItems += r ? 1 : 0;
    }
    // items nobody rated say nothing about anyone, so they do not count against the answered share
    int[] rows = clusteredRows(panelists, rated, Math.max(1, settings.minAnsweredShare() * ratedItems));

    List<Integer> kept = new ArrayList<>();
    List<double[]> meanSd = new ArrayList<>();
    for (int j = 0; j < itemCount; j++) {
      double[] stats = meanAndSd(panelists, rows, j);
      // an item everyone rated alike cannot tell panelists apart, and would divide by zero
      if (stats != null && stats[1] > 0) {
        kept.add(j);
        meanSd.add(stats);
      }
    }
    int[] columns = kept.stream().mapToInt(Integer::intValue).toArray();
    double[][] z = new double[rows.length][columns.length];
    for (int i = 0; i < rows.length; i++) {
      List<Integer> ratings = panelists.get(rows[i]).ratings();
      for (int c = 0; c < columns.length; c++) {
        Integer rating = ratings.get(columns[c]);
        z[i][c] = rating == null ? 0 : (rating - meanSd.get(c)[0]) / meanSd.get(c)[1];
      }
    }
    return new RatingMatrix(rows, columns, z);
  }

  private static int[] clusteredRows(List<RatingVector> panelists, boolean[] rated, double needed) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < panelists.size(); i++) {
      List<Integer> ratings = panelists.get(i).ratings();
      int answered = 0;
      for (int j = 0; j < rated.length; j++) {
        answered += rated[j] && ratings.get(j) != null ? 1 : 0;
      }
      if (answered >= needed) {
        rows.add(i);
      }
    }
    return rows.stream().mapToInt(Integer::intValue).toArray();
  }

  /** Mean and sample standard deviation of the item among the clustered; null when fewer than two rated it. */
  private static double[] meanAndSd(List<RatingVector> panelists, int[] rows, int item) {
    long n = 0;
    long sum = 0;
    long sumSq = 0;
    for (int row : rows) {
      Integer rating = panelists.get(row).ratings().get(item);
      if (rating != null) {
        n++;
        sum += rating;
        sumSq += (long) rating * rating;
      }
    }
    if (n < 2) {
      return null;
    }
    // in integers, so that an item everyone rated alike has a variance of exactly 0, not 1e-16
    long scaled = n * sumSq - sum * sum;
    return new double[] {(double) sum / n, Math.sqrt((double) scaled / (n * (n - 1)))};
  }

  int panelistCount() {
    return rows.length;
  }

  int itemCount() {
    return columns.length;
  }
}
