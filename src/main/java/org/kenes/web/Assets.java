package org.kenes.web;

import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.kenes.common.Sha256;

/**
 * The static assets of {@code webroot/} (CSS, JavaScript) under addresses that change when their content does:
 * {@code /static/css/kenes.css?v=HASH}, HASH the start of the file's SHA-256. Such an address is cached by browsers for
 * a year and never asked again ({@code immutable}), so a panelist's phone fetches each asset once per version; an
 * address without the current hash is revalidated at every use. Hashed once at start, or at every page while the
 * templates are being edited ({@code VERTXWEB_ENVIRONMENT=dev}).
 */
public final class Assets {

  static final String IMMUTABLE = "public, max-age=31536000, immutable";

  private final Path webroot;
  private final boolean editing;
  private volatile Map<String, String> versions;

  public Assets(Path webroot, boolean editing) {
    this.webroot = webroot.toAbsolutePath();
    this.editing = editing;
    this.versions = hash(this.webroot);
  }

  /** The address of an asset ({@code css/kenes.css}), with the version of its content when the file exists. */
  public String url(String path) {
    if (editing) {
      versions = hash(webroot);
    }
    String version = versions.get(path);
    return "/static/" + path + (version == null ? "" : "?v=" + version);
  }

  /** On {@code /static/*}, before the files are served: a year for the current version, else revalidate. */
  public void cacheHeaders(RoutingContext ctx) {
    String path = ctx.normalizedPath().substring("/static/".length());
    String asked = ctx.queryParams().get("v");
    boolean current = asked != null && asked.equals(versions.get(path));
    ctx.response().putHeader("Cache-Control", current ? IMMUTABLE : "no-cache");
    ctx.next();
  }

  private static Map<String, String> hash(Path webroot) {
    if (!Files.isDirectory(webroot)) {
      return Map.of();
    }
    try (Stream<Path> files = Files.walk(webroot)) {
      return files.filter(Files::isRegularFile).collect(Collectors.toUnmodifiableMap(
          file -> webroot.relativize(file).toString().replace('\\', '/'), Assets::version));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String version(Path file) {
    try {
      return Sha256.hex(Files.readAllBytes(file)).substring(0, 12);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
