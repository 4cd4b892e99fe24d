package org.kenes.common;

import java.util.List;

/** Input that cannot be accepted; every problem is listed by path. Answers 400 (exit code 2 on the command line). */
public final class Invalid extends KenesException {

  private final List<Problem> problems;

  public Invalid(String message, List<Problem> problems) {
    super(message);
    this.problems = List.copyOf(problems);
  }

  /** Problems said by bundle keys: the message counts them. */
  public Invalid(List<Problem> problems) {
    this(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems", problems);
  }

  public Invalid(String path, String message) {
    this(message, List.of(new Problem(path, message)));
  }

  @Override
  public List<Problem> problems() {
    return problems;
  }

  @Override
  public int status() {
    return 400;
  }
}
