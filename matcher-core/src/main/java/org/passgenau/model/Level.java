package org.passgenau.model;

import java.util.Optional;

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

  /**
   * The requirement level a KldB 2010 code states in its fifth digit (1 helper, 2 skilled, 3
   * specialist, 4 expert); empty for a code that is not five digits or whose fifth digit is no
   * level.
   */
  public static Optional<Level> ofKldb(String kldb) {
    if (kldb == null || kldb.length() != 5) {
      return Optional.empty();
    }
    int digit = kldb.charAt(4) - '0';
    return digit >= 1 && digit <= 4 ? Optional.of(values()[digit - 1]) : Optional.empty();
  }

  @Override
  public String code() {
    return code;
  }
}
