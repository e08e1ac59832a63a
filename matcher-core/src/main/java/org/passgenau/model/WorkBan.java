package org.passgenau.model;

/** Whether the law bans a person from employment. */
public enum WorkBan implements Coded {
  NONE("none"),
  /** Banned until {@link WorkPermit#workBanUntil()}. */
  TEMPORARY("temporary"),
  /** Banned from all employment; volunteering stays open. */
  ABSOLUTE("absolute");

  private final String code;

  WorkBan(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
