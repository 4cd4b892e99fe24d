package org.kenes.study;

/** A stakeholder group the facilitator puts participants in. */
public record Panel(String id, Text name) {}
