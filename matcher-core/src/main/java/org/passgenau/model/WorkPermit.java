package org.passgenau.model;

import java.time.LocalDate;

/**
 * Access to work.
 *
 * @param status residence status, or null when unknown
 * @param workBan whether employment is banned; null means none known
 * @param workBanUntil last day of a temporary ban
 * @param approvalRequired employment needs the employment agency's (or NL: a permit's) approval: a
 *     note for the caseworker, not an exclusion
 */
public record WorkPermit(
    PermitStatus status, WorkBan workBan, LocalDate workBanUntil, Boolean approvalRequired) {

  public WorkPermit {
    if (workBan == WorkBan.TEMPORARY && workBanUntil == null) {
      throw new IllegalArgumentException(
          "work_permit.work_ban_until is required when work_ban is 'temporary'");
    }
  }

  /** The ban in force, {@link WorkBan#NONE} when none is given. */
  public WorkBan ban() {
    return workBan == null ? WorkBan.NONE : workBan;
  }
}
