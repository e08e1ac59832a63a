package org.passgenau.assign;

import static com.google.common.base.Preconditions.checkElementIndex;

/**
 * The outcome of {@link Assigner}: at most one opportunity per person, at most {@link
 * AssignmentProblem#capacity capacity} people per opportunity, and only pairs from the people's
 * own lists.
 *
 * <pre>{@code
 * Assignment assignment = Assigner.solve(problem, AssignmentMethod.STABLE, done -> { });
 * for (int person = 0; person < problem.people(); person++) {
 *   int opportunity = assignment.opportunityOf(person);
 *   String id = opportunity < 0 ? null : problem.opportunityId(opportunity);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Assignment {

  private final AssignmentMethod method;
  private final AssignmentProblem problem;
  /** Per person, the 0-based rank of the assigned opportunity in their own list, or -1. */
  private final int[] rank0;
  private final int[] holders;
  private final long totalUnits;
  private final int assigned;
  private final int firstChoices;

  /** Takes ownership of {@code rank0}. */
  Assignment(AssignmentMethod method, AssignmentProblem problem, int[] rank0) {
    this.method = method;
    this.problem = problem;
    this.rank0 = rank0;
    this.holders = new int[problem.opportunities()];
    int[] listStart = problem.listStart();
    int[] choices = problem.choices();
    int[] units = problem.units();
    long total = 0;
    int placed = 0;
    int first = 0;
    for (int person = 0; person < rank0.length; person++) {
      int r = rank0[person];
      if (r < 0) {
        continue;
      }
      int e = listStart[person] + r;
      holders[choices[e]]++;
      total += units[e];
      placed++;
      if (r == 0) {
        first++;
      }
    }
    this.totalUnits = total;
    this.assigned = placed;
    this.firstChoices = first;
  }

  public AssignmentMethod method() {
    return method;
  }

  public AssignmentProblem problem() {
    return problem;
  }

  /** The opportunity index assigned to the person, or -1 when the person is unassigned. */
  public int opportunityOf(int person) {
    int r = rank(person);
    return r < 0 ? -1 : problem.choice(person, r);
  }

  /** The 1-based rank of the assigned opportunity in the person's own list, 0 when unassigned. */
  public int rankInOwnList(int person) {
    return rank(person) + 1;
  }

  /** The assigned pair's score as given to the builder, 0 when the person is unassigned. */
  public double score(int person) {
    int r = rank(person);
    return r < 0 ? 0 : problem.choiceScore(person, r);
  }

  /**
   * The sum of the assigned pairs' scores, summed exactly in units of 1e-4 and then converted,
   * so that it does not depend on the order of summation.
   */
  public double totalScore() {
    return totalUnits / AssignmentProblem.UNITS_PER_SCORE;
  }

  /** The sum of the assigned pairs' scores in units of 1e-4 (each score rounded to 4 decimals). */
  public long totalScoreUnits() {
    return totalUnits;
  }

  /** How many people have an opportunity. */
  public int assigned() {
    return assigned;
  }

  /** How many people got the first opportunity of their own list. */
  public int firstChoices() {
    return firstChoices;
  }

  /** How many people are assigned to the opportunity. */
  public int holders(int opportunity) {
    checkElementIndex(opportunity, holders.length, "opportunity");
    return holders[opportunity];
  }

  private int rank(int person) {
    checkElementIndex(person, rank0.length, "person");
    return rank0[person];
  }

  @Override
  public String toString() {
    return "Assignment{" + method + ", assigned " + assigned + " of " + rank0.length
        + ", total " + totalScore() + "}";
  }
}
