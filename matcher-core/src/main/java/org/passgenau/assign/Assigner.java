package org.passgenau.assign;

import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Places people under capacities: at most one opportunity per person, at most {@link
 * AssignmentProblem#capacity capacity} people per opportunity, only pairs from the people's own
 * lists.
 *
 * <pre>{@code
 * Assignment best = Assigner.optimal(problem, done -> log.info("placed {} people", done));
 * Assignment stable = Assigner.solve(problem, AssignmentMethod.STABLE, done -> { });
 * long total = best.totalScoreUnits(); // never below stable.totalScoreUnits()
 * }</pre>
 *
 * <p>Both methods are deterministic: the same problem gives the same assignment. Thread-safe:
 * each call works on its own arrays, and any number of calls may run at once on one problem.
 * See {@code docs/assignment.md} for how they work and what they cost.
 */
public final class Assigner {

  private Assigner() {}

  /**
   * The assignment with the maximum total score, exact in units of 1e-4 (a maximum-weight
   * b-matching, where a person may stay unassigned and a place may stay empty), by successive
   * shortest augmenting paths one person at a time.
   *
   * @param progress receives the number of people processed so far, every few thousand people
   *     and once at the end; may do nothing
   */
  public static Assignment optimal(AssignmentProblem problem, IntConsumer progress) {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(progress, "progress");
    return new OptimalSolver(problem).solve(progress);
  }

  /**
   * The person-optimal stable assignment by person-proposing deferred acceptance: no person and
   * opportunity on that person's list would both rather have each other than what they got. Both
   * sides prefer by the pair's score; a person breaks equal scores by their own list order, an
   * opportunity by person id (the lower id first).
   *
   * @param progress receives the number of people processed so far, every few thousand people
   *     and once at the end; may do nothing
   */
  public static Assignment stable(AssignmentProblem problem, IntConsumer progress) {
    Objects.requireNonNull(problem, "problem");
    Objects.requireNonNull(progress, "progress");
    return new StableSolver(problem).solve(progress);
  }

  /** {@link #optimal} or {@link #stable}, as {@code method} says. */
  public static Assignment solve(AssignmentProblem problem, AssignmentMethod method,
      IntConsumer progress) {
    Objects.requireNonNull(method, "method");
    return switch (method) {
      case OPTIMAL -> optimal(problem, progress);
      case STABLE -> stable(problem, progress);
    };
  }
}
