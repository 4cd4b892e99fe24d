package org.kenes.study;

/**
 * Where a study copied from another came from: that study, how many rounds it had held when copied, and when.
 *
 * @param at an ISO instant
 */
public record CopiedFrom(String study, int afterRound, String at) {}
