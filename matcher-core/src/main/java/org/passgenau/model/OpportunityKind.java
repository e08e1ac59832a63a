package org.passgenau.model;

/**
 * What an opportunity is. {@link #VOLUNTEERING} and {@link #TRAINING} are not employment, so they
 * stay open under a work ban; a learn-work track at an employer (an introductory qualification,
 * BBL) is employment and comes as an {@link #INTERNSHIP} or {@link #APPRENTICESHIP}.
 */
public enum OpportunityKind implements Coded {
  VACANCY("vacancy"),
  APPRENTICESHIP("apprenticeship"),
  INTERNSHIP("internship"),
  VOLUNTEERING("volunteering"),
  /** A course or qualification measure at an education provider: not employment. */
  TRAINING("training");

  private final String code;

  OpportunityKind(String code) {
    this.code = code;
  }

  /** Whether taking it counts as employment under work-permit law. */
  public boolean isEmployment() {
    return this != VOLUNTEERING && this != TRAINING;
  }

  @Override
  public String code() {
    return code;
  }
}
