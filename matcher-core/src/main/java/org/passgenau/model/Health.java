package org.passgenau.model;

/** Health constraints on work. */
public record Health(Demand maxPhysicalDemand, Boolean needsAccessibleWorkplace) {}
