package org.passgenau.model;

/** Requirement level of a job or qualification (KldB 5th digit, ISCO skill level). */
public enum Level implements Coded {
  HELPER("helper"),
  SKILLED("skilled"),
  SPECIALIST("specialist"),
  EXPERT("expert");

  private final String code;

  Level(String code) {
    this.code = code;
  }

  /** 1 (helper) to 4 (expert), as the fifth KldB digit. */
  public int rank() {
    return ordinal() + 1;
  }

  @Override
  public String code() {
    return code;
  }
}
