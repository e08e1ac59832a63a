package org.passgenau.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * The stable assignment leaves no blocking pair, keeps capacities, and, when no two pairs have
 * the same score (both sides then rank by the same weights), is the greedy assignment by
 * descending score, the only stable one.
 */
class StableAssignmentTest {

  @Property(tries = 300)
  void noPersonAndOpportunityWouldBothRatherHaveEachOther(@ForAll long seed) {
    AssignmentProblem problem = RandomProblems.withTies(seed, 40, 15, 3);

    Assignment assignment = Assigner.stable(problem, done -> { });

    Checks.feasible(assignment);
    assertThat(blockingPairs(assignment)).isEmpty();
  }

  @Property(tries = 200)
  void withStrictScoresTheStableAssignmentIsTheGreedyOne(@ForAll long seed) {
    AssignmentProblem problem = RandomProblems.strict(seed, 40, 15, 3);

    Assignment assignment = Assigner.stable(problem, done -> { });

    int[] greedy = greedyByDescendingScore(problem);
    for (int q = 0; q < problem.people(); q++) {
      assertThat(assignment.opportunityOf(q)).as("person %s", problem.personId(q))
          .isEqualTo(greedy[q]);
    }
  }

  /** Pairs "person -> opportunity" that would both rather have each other. */
  static List<String> blockingPairs(Assignment assignment) {
    AssignmentProblem problem = assignment.problem();
    List<String> blocking = new ArrayList<>();
    for (int q = 0; q < problem.people(); q++) {
      int own = assignment.rankInOwnList(q);
      int better = own == 0 ? problem.listSize(q) : own - 1;
      for (int r = 0; r < better; r++) {
        int o = problem.choice(q, r);
        if (assignment.holders(o) < problem.capacity(o)
            || prefersToAHolder(assignment, o, q, units(problem.choiceScore(q, r)))) {
          blocking.add(problem.personId(q) + " -> " + problem.opportunityId(o));
        }
      }
    }
    return blocking;
  }

  private static boolean prefersToAHolder(Assignment assignment, int o, int q, long units) {
    AssignmentProblem problem = assignment.problem();
    for (int h = 0; h < problem.people(); h++) {
      if (assignment.opportunityOf(h) != o) {
        continue;
      }
      long holder = units(assignment.score(h));
      if (units > holder
          || units == holder && problem.personId(q).compareTo(problem.personId(h)) < 0) {
        return true;
      }
    }
    return false;
  }

  private static long units(double score) {
    return Math.round(score * 10_000);
  }

  /** Every pair by descending score, taken when the person is free and a place is left. */
  static int[] greedyByDescendingScore(AssignmentProblem problem) {
    record Pair(int person, int opportunity, double score) {}
    List<Pair> pairs = new ArrayList<>();
    for (int q = 0; q < problem.people(); q++) {
      for (int r = 0; r < problem.listSize(q); r++) {
        pairs.add(new Pair(q, problem.choice(q, r), problem.choiceScore(q, r)));
      }
    }
    pairs.sort(Comparator.comparingDouble(Pair::score).reversed());
    int[] placed = new int[problem.people()];
    Arrays.fill(placed, -1);
    int[] left = new int[problem.opportunities()];
    for (int o = 0; o < left.length; o++) {
      left[o] = problem.capacity(o);
    }
    for (Pair pair : pairs) {
      if (placed[pair.person()] < 0 && left[pair.opportunity()] > 0) {
        placed[pair.person()] = pair.opportunity();
        left[pair.opportunity()]--;
      }
    }
    return placed;
  }
}
