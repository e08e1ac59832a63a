package org.passgenau.model;

/** The employer behind an opportunity. Either field may be absent. */
public record Employer(String id, String name) {}
