package org.kenes.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.IntStream;

/** Synthetic rounds on the 1–9 scale (agree 7–9) with known camps, for the tests. */
final class Synthetic {
  static final int MIN_CELL = 3;

  private Synthetic() {
  }

  /** A camp: how many panelists, the rating each item centres on, and the panel of each member. */
  record Camp(int size, int[] centres, String[] panels) {
    String panelOf(int member) {
      return panels[member % panels.length];
    }
  }

  static List<String> itemIds(int count) {
    return IntStream.range(0, count).mapToObj(j -> String.format(Locale.ROOT, "item-%02d", j)).toList();
  }

  /**
   * Members rate their camp's centre plus normal noise of the given sd, rounded and kept on the
   * scale; each rating is missing with the given probability. Members of all camps are interleaved,
   * so that no clustering can lean on the order of the input.
   */
  static RoundRatings round(List<Camp> camps, double noise, double missing, long dataSeed) {
    return planted(camps, noise, missing, dataSeed).round();
  }

  /** A planted round and the truth: campOf[index] is the camp of the panelist with that index. */
  record Planted(RoundRatings round, int[] campOf) {
  }

  static Planted planted(List<Camp> camps, double noise, double missing, long dataSeed) {
    Random random = new Random(dataSeed);
    int items = camps.get(0).centres().length;
    List<RatingVector> vectors = new ArrayList<>();
    int[] next = new int[camps.size()];
    int total = camps.stream().mapToInt(Camp::size).sum();
    int[] campOf = new int[total];
    for (int index = 0; index < total; index++) {
      int c = index % camps.size();
      while (next[c] >= camps.get(c).size()) {
        c = (c + 1) % camps.size();
      }
      Camp camp = camps.get(c);
      List<Integer> ratings = new ArrayList<>();
      for (int j = 0; j < items; j++) {
        int value = (int) Math.round(camp.centres()[j] + noise * random.nextGaussian());
        ratings.add(random.nextDouble() < missing ? null : Math.max(1, Math.min(9, value)));
      }
      vectors.add(new RatingVector(index, camp.panelOf(next[c]), ratings));
      campOf[index] = c;
      next[c]++;
    }
    return new Planted(new RoundRatings(itemIds(items), vectors, 1, 9, 7, 9, MIN_CELL, 42), campOf);
  }

  /** Every rating drawn uniformly from 1..9, independently: no camps at all. */
  static RoundRatings uniform(int panelists, int items, long dataSeed, String... panels) {
    Random random = new Random(dataSeed);
    List<RatingVector> vectors = new ArrayList<>();
    for (int i = 0; i < panelists; i++) {
      List<Integer> ratings = new ArrayList<>();
      for (int j = 0; j < items; j++) {
        ratings.add(1 + random.nextInt(9));
      }
      vectors.add(new RatingVector(i, panels[i % panels.length], ratings));
    }
    return new RoundRatings(itemIds(items), vectors, 1, 9, 7, 9, MIN_CELL, 42);
  }

  static RoundRatings withSeed(RoundRatings round, long seed) {
    return new RoundRatings(round.items(), round.panelists(), round.scaleMin(), round.scaleMax(), round.agreeLow(),
        round.agreeHigh(), round.minCell(), seed);
  }

  static RoundRatings withMinCell(RoundRatings round, int minCell) {
    return new RoundRatings(round.items(), round.panelists(), round.scaleMin(), round.scaleMax(), round.agreeLow(),
        round.agreeHigh(), minCell, round.seed());
  }

  /** Centres made of blocks: block b of the items is rated blocks[b] by the camp. */
  static int[] centres(int itemsPerBlock, int... blocks) {
    int[] centres = new int[itemsPerBlock * blocks.length];
    for (int b = 0; b < blocks.length; b++) {
      for (int j = 0; j < itemsPerBlock; j++) {
        centres[b * itemsPerBlock + j] = blocks[b];
      }
    }
    return centres;
  }
}
