package org.kenes.study;

public record Category(String id, Text name) {}
