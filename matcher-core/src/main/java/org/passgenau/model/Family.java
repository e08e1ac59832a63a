package org.passgenau.model;

/**
 * Family situation. Rules may use it only through the childcare constraint, never as such.
 *
 * @param childrenUnder3 number of children under three, 0 to 20, or null when not known
 * @param childrenSchoolAge number of children of school age, 0 to 20, or null when not known
 * @param childcareArranged whether the children's care is arranged
 * @param singleParent whether the person brings the children up alone
 */
public record Family(
    Integer childrenUnder3,
    Integer childrenSchoolAge,
    Boolean childcareArranged,
    Boolean singleParent) {

  public Family {
    Checks.range("family.children_under_3", childrenUnder3, 0, 20);
    Checks.range("family.children_school_age", childrenSchoolAge, 0, 20);
  }

  /**
   * Whether children under three need care that has not been arranged: what rules out night
   * work where the person has not stated whether they can work at night.
   */
  public boolean smallChildrenWithoutCare() {
    return childrenUnder3 != null && childrenUnder3 > 0 && !Boolean.TRUE.equals(childcareArranged);
  }

  /** Whether children of any age need care that has not been arranged. */
  public boolean needsChildcare() {
    int children =
        (childrenUnder3 == null ? 0 : childrenUnder3)
            + (childrenSchoolAge == null ? 0 : childrenSchoolAge);
    return children > 0 && !Boolean.TRUE.equals(childcareArranged);
  }
}
