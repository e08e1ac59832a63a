package org.passgenau.model;

/** Highest school leaving level, ordered from none to tertiary. */
public enum School implements Coded {
  NONE("none"),
  PRIMARY("primary"),
  LOWER_SECONDARY("lower_secondary"),
  INTERMEDIATE("intermediate"),
  UPPER_SECONDARY("upper_secondary"),
  TERTIARY("tertiary");

  private final String code;

  School(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
