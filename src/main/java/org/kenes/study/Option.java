package org.kenes.study;

/** One option of a ranking item. */
public record Option(String id, Text text) {}
