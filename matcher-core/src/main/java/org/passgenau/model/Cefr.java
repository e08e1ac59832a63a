package org.passgenau.model;

/** Common European Framework of Reference language levels, ordered from A1 to C2. */
public enum Cefr implements Coded {
  A1, A2, B1, B2, C1, C2;

  /** 1 for A1 up to 6 for C2; 0 stands for "no knowledge" (language absent). */
  public int rank() {
    return ordinal() + 1;
  }

  /** Rank of an optional level: 0 when the language is absent. */
  public static int rankOf(Cefr level) {
    return level == null ? 0 : level.rank();
  }

  @Override
  public String code() {
    return name();
  }
}
