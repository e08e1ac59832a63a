package org.passgenau.model;

/**
 * What an opportunity asks of a formal qualification.
 *
 * @param required a vocational or academic qualification is required
 * @param regulated the occupation is a regulated profession (nursing, medicine, teaching, ...)
 * @param recognitionRequired the recognition status the employer asks for, or null
 */
public record QualificationRequirement(
    Boolean required, Boolean regulated, Recognition recognitionRequired) {

  /** Whether the profession is known to be regulated. */
  public boolean regulatedProfession() {
    return Boolean.TRUE.equals(regulated);
  }
}
