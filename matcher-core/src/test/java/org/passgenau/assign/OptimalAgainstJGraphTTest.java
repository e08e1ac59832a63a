package org.passgenau.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.MaximumWeightBipartiteMatching;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.SimpleWeightedGraph;
import org.junit.jupiter.api.Test;

/**
 * The optimal assignment has the same total as an independent exact solver: JGraphT's
 * maximum-weight bipartite matching on a graph where each opportunity is split into one vertex
 * per place, so that capacities become plain matching.
 */
class OptimalAgainstJGraphTTest {

  @Property(tries = 200)
  void theOptimalTotalEqualsAnIndependentMaximumWeightMatching(@ForAll long seed) {
    AssignmentProblem problem = RandomProblems.withTies(seed, 40, 15, 3);

    Assignment assignment = Assigner.optimal(problem, done -> { });

    Checks.feasible(assignment);
    assertThat(assignment.totalScoreUnits()).isEqualTo(oracleTotalUnits(problem));
  }

  @Property(tries = 100)
  void theOptimalTotalEqualsTheOracleWhenPlacesAreScarce(@ForAll long seed) {
    // Many people, few single places: long chains of displaced holders.
    AssignmentProblem problem = RandomProblems.withTies(seed, 40, 6, 2);

    Assignment assignment = Assigner.optimal(problem, done -> { });

    Checks.feasible(assignment);
    assertThat(assignment.totalScoreUnits()).isEqualTo(oracleTotalUnits(problem));
  }

  @Test
  void theOptimalTotalEqualsTheOracleForHundredsOfPeople() {
    for (long seed = 1; seed <= 5; seed++) {
      AssignmentProblem problem = RandomProblems.withTies(seed, 400, 80, 5);

      Assignment assignment = Assigner.optimal(problem, done -> { });

      Checks.feasible(assignment);
      assertThat(assignment.totalScoreUnits()).as("seed %s", seed)
          .isEqualTo(oracleTotalUnits(problem));
    }
  }

  @Property(tries = 100)
  void noStableAssignmentScoresMoreThanTheOptimalOne(@ForAll long seed) {
    AssignmentProblem problem = RandomProblems.withTies(seed, 40, 15, 3);

    assertThat(Assigner.stable(problem, done -> { }).totalScoreUnits())
        .isLessThanOrEqualTo(Assigner.optimal(problem, done -> { }).totalScoreUnits());
  }

  /** The maximum total in units of 1e-4, by JGraphT on the problem with places as vertices. */
  static long oracleTotalUnits(AssignmentProblem problem) {
    Graph<String, DefaultWeightedEdge> graph = new SimpleWeightedGraph<>(DefaultWeightedEdge.class);
    Set<String> people = new HashSet<>();
    Set<String> places = new HashSet<>();
    for (int o = 0; o < problem.opportunities(); o++) {
      for (int k = 0; k < problem.capacity(o); k++) {
        String place = "place " + k + " of " + problem.opportunityId(o);
        graph.addVertex(place);
        places.add(place);
      }
    }
    for (int q = 0; q < problem.people(); q++) {
      String person = "person " + problem.personId(q);
      graph.addVertex(person);
      people.add(person);
      for (int r = 0; r < problem.listSize(q); r++) {
        int o = problem.choice(q, r);
        // Integer weights: the double arithmetic of the oracle stays exact.
        long units = Math.round(problem.choiceScore(q, r) * 10_000);
        for (int k = 0; k < problem.capacity(o); k++) {
          DefaultWeightedEdge edge =
              graph.addEdge(person, "place " + k + " of " + problem.opportunityId(o));
          graph.setEdgeWeight(edge, units);
        }
      }
    }
    MaximumWeightBipartiteMatching<String, DefaultWeightedEdge> oracle =
        new MaximumWeightBipartiteMatching<>(graph, people, places);
    oracle.getMatching();
    return oracle.getMatchingWeight().longValueExact();
  }
}
