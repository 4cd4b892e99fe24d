package org.kenes.account;

/**
 * How a person reads the console: its language (null: the browser's) and the time zone dates are shown in (null:
 * UTC). Kept with the account, and for the admin, who has none, in the store on its own.
 */
public record Preferences(String language, String timeZone) {

  public static final Preferences NONE = new Preferences(null, null);
}
