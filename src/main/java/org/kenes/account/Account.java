package org.kenes.account;

/** A facilitator's account, created by the admin; {@code username} is its key, kept in lower case. */
public record Account(String username, String name, String createdAt, String createdBy) {}
