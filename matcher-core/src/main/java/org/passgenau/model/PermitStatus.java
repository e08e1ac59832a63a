package org.passgenau.model;

/** Residence status that decides access to work. */
public enum PermitStatus implements Coded {
  EU_CITIZEN("eu_citizen"),
  /** Recognised refugee, subsidiary protection, NL status holder. */
  RESIDENCE_PERMIT("residence_permit"),
  ASYLUM_PENDING("asylum_pending"),
  /** Duldung: deportation suspended. */
  TOLERATION("toleration"),
  OTHER("other");

  private final String code;

  PermitStatus(String code) {
    this.code = code;
  }

  @Override
  public String code() {
    return code;
  }
}
