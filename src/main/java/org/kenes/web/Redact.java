package org.kenes.web;

/** Keeps secrets out of logs: personal-link tokens and report-link secrets appear in paths. */
final class Redact {

  private Redact() {}

  static String path(String path) {
    return path == null ? "" : path.replaceAll("^(/api)?/p/[^/]+", "$1/p/…").replaceAll("^/r/[^/]+", "/r/…");
  }
}
