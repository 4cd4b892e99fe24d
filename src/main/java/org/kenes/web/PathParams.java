package org.kenes.web;

import io.vertx.ext.web.RoutingContext;
import org.kenes.common.Invalid;

/** Path parameters read one way, with a 400 naming the parameter instead of a NumberFormatException. */
public final class PathParams {

  private PathParams() {}

  /** The round {@code :n} of the path: a whole number from 1. */
  public static int roundNumber(RoutingContext ctx) {
    try {
      int n = Integer.parseInt(ctx.pathParam("n"));
      if (n < 1) {
        throw new NumberFormatException();
      }
      return n;
    } catch (NumberFormatException e) {
      throw new Invalid("n", "a round is a whole number from 1");
    }
  }
}
