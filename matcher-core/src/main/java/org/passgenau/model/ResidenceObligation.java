package org.passgenau.model;

import java.time.LocalDate;

/**
 * A residence obligation (German Wohnsitzauflage, section 12a AufenthG): the person may not move
 * out of {@code region} until {@code until}, unless a job lifts the obligation.
 *
 * @param region ISO 3166-2 code of the assigned federal state
 * @param until last day of the obligation, or null when unknown (then it is taken as in force)
 */
public record ResidenceObligation(String region, LocalDate until) {

  public ResidenceObligation {
    Checks.requireText("residence_obligation.region", region);
  }

  /** Whether the obligation binds on {@code day}. */
  public boolean inForceOn(LocalDate day) {
    return until == null || !until.isBefore(day);
  }
}
