package org.kenes.account;

/**
 * Who is calling: a facilitator account, the admin (the admin token, on its own or through a login), or Kenes itself
 * (a round closed at its deadline). What the audit records as {@code actor}.
 */
public record Actor(String name, boolean admin) {

  public static final Actor ADMIN = new Actor("admin", true);
  public static final Actor SYSTEM = new Actor("kenes", false);
}
