package org.kenes.account;

/**
 * A facilitator's account, created by the admin; {@code username} is its key, kept in lower case. {@code preferences}:
 * the language and time zone its console is shown in. {@code email}: where Kenes may write to the person (the
 * retention warnings of the studies they own), or null; set by the admin or by the account itself, shown to them
 * alone. {@code disabled}: the admin disabled it: it cannot sign in, and its sessions ended.
 */
public record Account(String username, String name, String createdAt, String createdBy, Preferences preferences,
    String email, boolean disabled) {}
