package org.kenes.audit;

/**
 * One facilitator action: when, who, what, on what. {@code study} is the study it concerns, or null for actions on
 * the server itself (an account created); {@code detail} says more where the action needs it.
 */
public record AuditEntry(String at, String actor, String action, String target, String study, String detail) {}
