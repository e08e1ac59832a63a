/**
 * Immutable values of the data contract: opportunities, profiles and their parts. Constructors
 * validate and name the bad field and value; optional fields are null when absent ("unknown, no
 * constraint"), lists are empty, never null. This package depends on neither Lucene nor JSON.
 *
 * <pre>{@code
 * Profile nurse = Profile.builder("P-17")
 *     .speaks("de", Cefr.A2)
 *     .qualification(new Qualification(
 *         Occupation.isco("2221"), Level.EXPERT, "SY", Recognition.PARTIAL, 4.0))
 *     .location(Location.of(51.2562, 6.3905, "DE-NW", "DE"))
 *     .build();
 * }</pre>
 *
 * <p>Opportunities are built the same way ({@code Opportunity.builder(id, kind, title)}) or read from the
 * exchange format with {@code org.passgenau.io.JsonLinesReader}.
 */
package org.passgenau.model;
