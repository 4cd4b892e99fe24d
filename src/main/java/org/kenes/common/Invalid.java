package org.kenes.common;

import java.util.List;

/** Input that cannot be accepted; every problem is listed by path. Answers 400 (exit code 2 on the command line). */
public final class Invalid extends KenesException {

  private final List<Problem> problems;

  public Invalid(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  public Invalid(String path, String message) {
    this(message, List.of(new Problem(path, message)));
  }

  /** One problem at {@code path}, worded by the bundles' {@code key}. */
  public static Invalid worded(String path, String key, Object... args) {
    Problem problem = Problem.worded(path, key, args);
    return new Invalid(problem.message(), List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }

  @Override
  public int status() {
    return 400;
  }
}
