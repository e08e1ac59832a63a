package org.passgenau.model;

import java.util.Objects;

/** Work experience in an occupation, formal or informal. */
public record Experience(Occupation occupation, Double years) {

  public Experience {
    Objects.requireNonNull(occupation, "experience.occupation is required");
    Checks.range("experience.years", years, 0, 70);
  }

  public static Experience of(Occupation occupation, double years) {
    return new Experience(occupation, years);
  }
}
