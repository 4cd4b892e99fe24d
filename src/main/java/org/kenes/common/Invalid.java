package org.kenes.common;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Input that cannot be accepted; its problems are listed by path, the first {@value #LISTED} of them and then how many
 * more there were (a body of a million bad fields must not answer with a million lines). Answers 400 (exit code 2 on
 * the command line).
 */
public final class Invalid extends KenesException {

  static final int LISTED = 100;

  private final List<Problem> problems;

  public Invalid(String message, List<Problem> problems) {
    super(message);
    if (problems.size() <= LISTED) {
      this.problems = List.copyOf(problems);
    } else {
      List<Problem> listed = new ArrayList<>(problems.subList(0, LISTED));
      listed.add(new Problem("", String.format(Locale.ROOT, "and %,d more problems not listed here",
          problems.size() - LISTED)));
      this.problems = List.copyOf(listed);
    }
  }

  /** Problems said by bundle keys: the message counts them. */
  public Invalid(List<Problem> problems) {
    this(problems.size() == 1 ? problems.get(0).toString() : problems.size() + " problems", problems);
  }

  public Invalid(String path, String message) {
    this(message, List.of(new Problem(path, message)));
  }

  /** One problem at {@code path}, worded by the bundles' {@code key}. */
  public static Invalid worded(String path, String key, Object... args) {
    Problem problem = Problem.worded(path, key, args);
    return new Invalid(problem.message(), List.of(problem));
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
