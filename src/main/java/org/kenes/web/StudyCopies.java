package org.kenes.web;

import io.vertx.core.Future;
import org.kenes.account.Actor;
import org.kenes.services.Services;
import org.kenes.study.Study;

/**
 * A study copied under a new id, for the API and the console alike: its definition and its own message texts; the
 * account that copies it becomes the copy's owner.
 */
public final class StudyCopies {

  private StudyCopies() {}

  public static Future<Study> copy(Services s, String from, String to, Actor by) {
    return s.rounds().list(from).compose(rounds -> s.studies().copy(from, to, rounds.size()))
        .compose(copy -> s.mail().copyTexts(from, copy.id()).map(copy))
        .compose(copy -> s.roles().creator(copy.id(), by).map(copy));
  }
}
