package org.kenes.account;

/**
 * A signed-in browser or API client. {@code secret} is what the cookie or bearer token carries (only its hash is
 * stored); {@code csrf} is the token every form of the session must send back; {@code preferences} are the account's,
 * copied at sign-in and kept current when it changes them, so that a page needs no other read to know them.
 */
public record Session(String secret, Actor actor, String csrf, long expiresAtMs, Preferences preferences) {}
