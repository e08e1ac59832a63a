package org.passgenau.model;

/** Status of the recognition of a foreign qualification. */
public enum Recognition implements Coded {
  /** Equivalence certified. */
  FULL("full"),
  /** Partial equivalence; an adaptation measure can complete it. */
  PARTIAL("partial"),
  /** Procedure running. */
  PENDING("pending"),
  REJECTED("rejected"),
  NOT_APPLIED("not_applied");

  private final String code;

  Recognition(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
