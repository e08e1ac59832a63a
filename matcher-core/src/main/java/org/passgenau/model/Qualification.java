package org.passgenau.model;

import java.util.Objects;

/**
 * A vocational or academic qualification a person holds.
 *
 * @param country ISO 3166-1 alpha-2 code of the country that awarded it, or null
 * @param recognition status of its recognition where it would be used, or null when unknown
 * @param years length of the training in years, or null
 */
public record Qualification(
    Occupation occupation, Level level, String country, Recognition recognition, Double years) {

  public Qualification {
    Objects.requireNonNull(occupation, "qualifications.occupation is required");
    Checks.range("qualifications.years", years, 0, 60);
  }
}
