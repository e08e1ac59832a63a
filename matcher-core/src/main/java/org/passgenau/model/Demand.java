package org.passgenau.model;

/** Physical demand of a job, or the most a person can take. */
public enum Demand implements Coded {
  LOW("low"),
  MEDIUM("medium"),
  HIGH("high");

  private final String code;

  Demand(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
