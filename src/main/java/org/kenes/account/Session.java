package org.kenes.account;

/**
 * A signed-in browser or API client. {@code secret} is what the cookie or bearer token carries (only its hash is
 * stored); {@code csrf} is the token every form of the session must send back.
 */
public record Session(String secret, Actor actor, String csrf, long expiresAtMs) {}
