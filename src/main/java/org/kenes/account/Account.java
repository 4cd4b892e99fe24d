package org.kenes.account;

/**
 * A facilitator's account, created by the admin; {@code username} is its key, kept in lower case. {@code preferences}:
 * the language and time zone its console is shown in.
 */
public record Account(String username, String name, String createdAt, String createdBy, Preferences preferences) {}
