package org.kenes.common;

import java.util.List;

/** The request is well formed but clashes with the state of the study (an id taken, a round closed). */
public final class Conflict extends KenesException {

  private final List<Problem> problems;

  public Conflict(String message) {
    this(message, List.of());
  }

  /** With what in the study's state stands in the way, by path (the texts a round 1 still misses, say). */
  public Conflict(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  private Conflict(Problem wording, List<Problem> problems) {
    super(wording);
    this.problems = List.copyOf(problems);
  }

  /** A conflict worded by the bundles' {@code key}, so that a page can say it in its reader's language. */
  public static Conflict worded(String key, Object... args) {
    return new Conflict(Problem.worded("", key, args), List.of());
  }

  /** A worded conflict with what stands in the way, by path. */
  public static Conflict worded(List<Problem> problems, String key, Object... args) {
    return new Conflict(Problem.worded("", key, args), problems);
  }

  @Override
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public int status() {
    return 409;
  }
}
