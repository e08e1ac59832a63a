package org.passgenau.assign;

import static org.assertj.core.api.Assertions.assertThat;

/** What every assignment must satisfy, checked from the problem's public accessors alone. */
final class Checks {

  private Checks() {}

  /** One opportunity per person from their own list, capacities kept, totals consistent. */
  static void feasible(Assignment assignment) {
    AssignmentProblem problem = assignment.problem();
    int[] count = new int[problem.opportunities()];
    long units = 0;
    int assigned = 0;
    int first = 0;
    for (int q = 0; q < problem.people(); q++) {
      int o = assignment.opportunityOf(q);
      int rank = assignment.rankInOwnList(q);
      if (o < 0) {
        assertThat(rank).as("rank of unassigned %s", problem.personId(q)).isZero();
        assertThat(assignment.score(q)).isZero();
        continue;
      }
      assertThat(rank).isBetween(1, problem.listSize(q));
      assertThat(problem.choice(q, rank - 1))
          .as("%s gets an opportunity from their own list", problem.personId(q)).isEqualTo(o);
      assertThat(assignment.score(q)).isEqualTo(problem.choiceScore(q, rank - 1));
      count[o]++;
      units += Math.round(assignment.score(q) * 10_000);
      assigned++;
      first += rank == 1 ? 1 : 0;
    }
    for (int o = 0; o < problem.opportunities(); o++) {
      assertThat(count[o]).as("holders of %s", problem.opportunityId(o))
          .isEqualTo(assignment.holders(o))
          .isLessThanOrEqualTo(problem.capacity(o));
    }
    assertThat(assignment.totalScoreUnits()).isEqualTo(units);
    assertThat(assignment.assigned()).isEqualTo(assigned);
    assertThat(assignment.firstChoices()).isEqualTo(first);
  }
}
