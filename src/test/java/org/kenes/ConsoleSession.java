package org.kenes;

import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A browser's side of the console over plain HTTP: the login form, the session cookie and the forms' CSRF token. */
public final class ConsoleSession {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

  private final TestKenes kenes;
  public final String cookie;
  public final String setCookie;

  private ConsoleSession(TestKenes kenes, String cookie, String setCookie) {
    this.kenes = kenes;
    this.cookie = cookie;
    this.setCookie = setCookie;
  }

  /** Signs in through the login form; {@code username} null for the admin token in the password field. */
  public static ConsoleSession login(TestKenes kenes, String username, String password) {
    return login(kenes, username, password, null);
  }

  /** Signs in through the login form read in {@code lang}, as chosen with its switch (null: the browser's). */
  public static ConsoleSession login(TestKenes kenes, String username, String password, String lang) {
    HttpResponse<Buffer> form = kenes.get(lang == null ? "/console/login" : "/console/login?lang=" + lang);
    String loginCookie = form.cookies().stream().filter(c -> c.startsWith("kenes_login=")).findFirst().orElseThrow()
        .split(";")[0];
    MultiMap fields = MultiMap.caseInsensitiveMultiMap().add("csrf", csrfOf(form.bodyAsString()))
        .add("username", username == null ? "" : username).add("password", password).add("next", "/console");
    if (lang != null) {
      fields.add("lang", lang);
    }
    HttpResponse<Buffer> r = kenes.vertxClient().post("/console/login").putHeader("Cookie", loginCookie)
        .sendForm(fields).await();
    if (r.statusCode() != 303) {
      throw new AssertionError("login refused: " + r.statusCode() + " " + r.bodyAsString());
    }
    String set = r.cookies().stream().filter(c -> c.startsWith("kenes_session=")).findFirst().orElseThrow();
    return new ConsoleSession(kenes, set.split(";")[0], set);
  }

  public HttpResponse<Buffer> get(String path) {
    return kenes.vertxClient().get(path).putHeader("Cookie", cookie).putHeader("Accept", "text/html").send().await();
  }

  /** A form post with the CSRF token of the page at {@code formPage}. */
  public HttpResponse<Buffer> post(String path, String formPage, MultiMap fields) {
    return postWithToken(path, csrfOf(get(formPage).bodyAsString()), fields);
  }

  private static final Pattern STUDY_HASH = Pattern.compile("name=\"hash\" value=\"([0-9a-f]+)\"");

  /**
   * A builder page's form posted to itself as a browser would: with its CSRF token and the hash of the study it was
   * read from; {@code pairs} are names and values in turn.
   */
  public HttpResponse<Buffer> postBuilderForm(String page, String... pairs) {
    Matcher hash = STUDY_HASH.matcher(get(page).bodyAsString());
    if (!hash.find()) {
      throw new AssertionError("no study hash in " + page);
    }
    MultiMap form = MultiMap.caseInsensitiveMultiMap().add("hash", hash.group(1));
    for (int i = 0; i < pairs.length; i += 2) {
      form.add(pairs[i], pairs[i + 1]);
    }
    return post(page, page, form);
  }

  public HttpResponse<Buffer> postWithToken(String path, String csrf, MultiMap fields) {
    MultiMap all = MultiMap.caseInsensitiveMultiMap().addAll(fields);
    if (csrf != null) {
      all.add("csrf", csrf);
    }
    return kenes.vertxClient().post(path).putHeader("Cookie", cookie).sendForm(all).await();
  }

  public HttpRequest<Buffer> request(HttpRequest<Buffer> request) {
    return request.putHeader("Cookie", cookie);
  }

  public String csrf(String page) {
    return csrfOf(get(page).bodyAsString());
  }

  public static String csrfOf(String html) {
    Matcher m = CSRF.matcher(html);
    if (!m.find()) {
      throw new AssertionError("no CSRF token on the page:\n" + html);
    }
    return m.group(1);
  }
}
