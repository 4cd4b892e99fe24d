package org.kenes.web;

import io.vertx.core.Future;
import java.util.List;
import java.util.Map;
import org.kenes.account.Actor;
import org.kenes.account.Role;
import org.kenes.services.Services;
import org.kenes.study.StudyRepository.Stored;

/** The studies a caller may see, for the API's list and the console's: every study for the admin, else its own. */
public final class Visible {

  /** A study and the caller's role on it. */
  public record Study(Stored stored, Role role) {}

  private Visible() {}

  public static Future<List<Study>> studies(Services s, Actor actor) {
    if (actor.admin()) {
      return s.studies().list().map(all -> all.stream().map(st -> new Study(st, Role.OWNER)).toList());
    }
    return Future.all(s.studies().list(), s.roles().studiesOf(actor)).map(all -> {
      List<Stored> studies = all.resultAt(0);
      Map<String, Role> roles = all.resultAt(1);
      return studies.stream().filter(st -> roles.containsKey(st.study().id()))
          .map(st -> new Study(st, roles.get(st.study().id()))).toList();
    });
  }
}
