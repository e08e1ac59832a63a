package org.passgenau.model;

import java.util.regex.Pattern;

/**
 * A classified occupation. At least one of {@code isco}, {@code kldb} or {@code title} is given.
 *
 * @param isco ISCO-08 code of 1 to 4 digits (major group to unit group), or null
 * @param kldb KldB 2010 code of 5 digits, the fifth being the requirement level, or null
 * @param esco ESCO occupation URI, or null
 * @param title free title in any language, or null
 */
public record Occupation(String isco, String kldb, String esco, String title) {

  private static final Pattern ISCO = Pattern.compile("\\d{1,4}");
  private static final Pattern KLDB = Pattern.compile("\\d{5}");

  public Occupation {
    if (isco == null && kldb == null && (title == null || title.isBlank())) {
      throw new IllegalArgumentException("occupation needs at least one of isco, kldb or title");
    }
    if (isco != null && !ISCO.matcher(isco).matches()) {
      throw new IllegalArgumentException(
          "occupation.isco must have 1 to 4 digits, was '" + isco + "'");
    }
    if (kldb != null && !KLDB.matcher(kldb).matches()) {
      throw new IllegalArgumentException("occupation.kldb must have 5 digits, was '" + kldb + "'");
    }
  }

  /** An occupation known by its ISCO-08 code only. */
  public static Occupation isco(String code) {
    return new Occupation(code, null, null, null);
  }

  /** An occupation known by its posted title only; the taxonomy classifies it. */
  public static Occupation titled(String title) {
    return new Occupation(null, null, null, title);
  }
}
