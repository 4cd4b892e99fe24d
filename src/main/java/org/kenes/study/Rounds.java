package org.kenes.study;

/** The study's round policy: at most {@code max} rounds, which items carry forward. */
public record Rounds(int max, CarryForward carryForward) {}
