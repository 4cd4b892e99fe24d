package org.kenes.account;

/**
 * Who is calling: a facilitator account, the admin (the admin token, on its own or through a login), Kenes itself
 * (a round closed at its deadline), or a panelist through their own link (never named). What the audit records as
 * {@code actor}.
 */
public record Actor(String name, boolean admin) {

  public static final Actor ADMIN = new Actor("admin", true);
  public static final Actor SYSTEM = new Actor("kenes", false);
  public static final Actor PANELIST = new Actor("panelist", false);
}
