package org.passgenau.model;

/** What an opportunity is. Only {@link #VOLUNTEERING} is not employment. */
public enum OpportunityKind implements Coded {
  VACANCY("vacancy"),
  APPRENTICESHIP("apprenticeship"),
  INTERNSHIP("internship"),
  VOLUNTEERING("volunteering"),
  /** A qualification measure or learn-work track. */
  TRAINING("training");

  private final String code;

  OpportunityKind(String code) {
    this.code = code;
  }

  /** Whether taking it counts as employment under work-permit law. */
  public boolean isEmployment() {
    return this != VOLUNTEERING;
  }

  @Override
  public String code() {
    return code;
  }
}
