package org.passgenau.assign;

/** How {@link Assigner#solve} places people. */
public enum AssignmentMethod {
  /** The maximum total score of the assigned pairs, exact ({@link Assigner#optimal}). */
  OPTIMAL,
  /**
   * No person and opportunity would both rather have each other than what they got, by the
   * pair's score ({@link Assigner#stable}).
   */
  STABLE
}
