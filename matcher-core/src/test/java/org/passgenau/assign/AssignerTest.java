package org.passgenau.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The two methods on small cases a placement officer would recognise. */
class AssignerTest {

  @Test
  void twoPeopleWhoWantTheSameSingleApprenticeshipAreSplitSoThatBothArePlaced() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .opportunity("apprenticeship-carpentry", 1)
        .opportunity("helper-warehouse", 1)
        .person("amina", List.of("apprenticeship-carpentry", "helper-warehouse"),
            new double[] {0.90, 0.80})
        .person("bashir", List.of("apprenticeship-carpentry"), new double[] {0.85})
        .build();

    Assignment optimal = Assigner.optimal(problem, done -> { });

    assertThat(idOf(optimal, 0)).isEqualTo("helper-warehouse");
    assertThat(idOf(optimal, 1)).isEqualTo("apprenticeship-carpentry");
    assertThat(optimal.assigned()).isEqualTo(2);
    assertThat(optimal.totalScoreUnits()).isEqualTo(16_500);
    assertThat(optimal.rankInOwnList(0)).isEqualTo(2);
    assertThat(optimal.firstChoices()).isEqualTo(1);
  }

  @Test
  void theStableMethodGivesThePostToTheBetterFitEvenIfTheOtherStaysWithout() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .opportunity("apprenticeship-carpentry", 1)
        .opportunity("helper-warehouse", 1)
        .person("amina", List.of("apprenticeship-carpentry", "helper-warehouse"),
            new double[] {0.90, 0.80})
        .person("bashir", List.of("apprenticeship-carpentry"), new double[] {0.85})
        .build();

    Assignment stable = Assigner.stable(problem, done -> { });

    // Amina and the apprenticeship both prefer each other: no stable assignment separates them.
    assertThat(idOf(stable, 0)).isEqualTo("apprenticeship-carpentry");
    assertThat(stable.opportunityOf(1)).isEqualTo(-1);
    assertThat(stable.rankInOwnList(1)).isZero();
    assertThat(stable.score(1)).isZero();
    assertThat(stable.method()).isEqualTo(AssignmentMethod.STABLE);
  }

  @Test
  void anApprenticeshipWithThreePlacesTakesItsThreeBestCandidates() {
    AssignmentProblem.Builder builder = AssignmentProblem.builder()
        .opportunity("apprenticeship-care", 3);
    double[] scores = {0.55, 0.91, 0.62, 0.87, 0.70};
    for (int i = 0; i < scores.length; i++) {
      builder.person("person-" + i, List.of("apprenticeship-care"), new double[] {scores[i]});
    }
    AssignmentProblem problem = builder.build();

    for (AssignmentMethod method : AssignmentMethod.values()) {
      Assignment assignment = Assigner.solve(problem, method, done -> { });

      assertThat(placed(assignment)).as("%s", method)
          .containsExactly("person-1", "person-3", "person-4");
      assertThat(assignment.holders(0)).isEqualTo(3);
      assertThat(assignment.method()).isEqualTo(method);
    }
  }

  @Test
  void whenTwoCandidatesFitTheLastPlaceEquallyTheStableMethodTakesTheLowerId() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .opportunity("vacancy-kitchen", 1)
        .person("p-20", List.of("vacancy-kitchen"), new double[] {0.75})
        .person("p-10", List.of("vacancy-kitchen"), new double[] {0.75})
        .person("p-30", List.of("vacancy-kitchen"), new double[] {0.75})
        .build();

    assertThat(placed(Assigner.stable(problem, done -> { }))).containsExactly("p-10");
  }

  @Test
  void aPersonWithNothingAdmittedStaysUnassigned() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .opportunity("vacancy-kitchen", 2)
        .person("no-permit-yet", List.of(), new double[0])
        .person("cook", List.of("vacancy-kitchen"), new double[] {0.6})
        .build();

    for (AssignmentMethod method : AssignmentMethod.values()) {
      Assignment assignment = Assigner.solve(problem, method, done -> { });

      assertThat(assignment.opportunityOf(0)).isEqualTo(-1);
      assertThat(assignment.rankInOwnList(0)).isZero();
      assertThat(placed(assignment)).containsExactly("cook");
      assertThat(assignment.holders(0)).isEqualTo(1);
    }
  }

  @Test
  void theOptimalMethodMovesAPlacedPersonAlongAChainToMakeRoom() {
    // Each newcomer displaces the one before by one post; only a chain of moves places all.
    AssignmentProblem problem = AssignmentProblem.builder()
        .opportunity("a", 1).opportunity("b", 1).opportunity("c", 1)
        .person("first", List.of("a", "b", "c"), new double[] {0.9, 0.8, 0.7})
        .person("second", List.of("a", "b"), new double[] {0.9, 0.85})
        .person("third", List.of("a"), new double[] {0.95})
        .build();

    Assignment optimal = Assigner.optimal(problem, done -> { });

    assertThat(idOf(optimal, 0)).isEqualTo("c");
    assertThat(idOf(optimal, 1)).isEqualTo("b");
    assertThat(idOf(optimal, 2)).isEqualTo("a");
    assertThat(optimal.totalScore()).isEqualTo(2.5);
  }

  @Test
  void theTotalScoreIsSummedWithoutFloatingPointDrift() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .opportunity("o", 2)
        .person("x", List.of("o"), new double[] {0.1})
        .person("y", List.of("o"), new double[] {0.2})
        .build();

    Assignment assignment = Assigner.optimal(problem, done -> { });

    assertThat(0.1 + 0.2).as("what naive summation gives").isNotEqualTo(0.3);
    assertThat(assignment.totalScore()).isEqualTo(0.3);
    assertThat(assignment.totalScoreUnits()).isEqualTo(3_000);
  }

  @Test
  void theSameProblemGivesTheSameAssignment() {
    long seed = 20261202L;
    AssignmentProblem first = RandomProblems.withTies(seed, 3_000, 400, 3);
    AssignmentProblem second = RandomProblems.withTies(seed, 3_000, 400, 3);

    for (AssignmentMethod method : AssignmentMethod.values()) {
      Assignment a = Assigner.solve(first, method, done -> { });
      Assignment b = Assigner.solve(second, method, done -> { });
      Assignment again = Assigner.solve(first, method, done -> { });
      for (int q = 0; q < first.people(); q++) {
        assertThat(b.rankInOwnList(q)).as("%s, person %s", method, q)
            .isEqualTo(a.rankInOwnList(q))
            .isEqualTo(again.rankInOwnList(q));
      }
    }
  }

  @Test
  void progressIsReportedEveryFewThousandPeopleAndAtTheEnd() {
    AssignmentProblem.Builder builder = AssignmentProblem.builder().opportunity("o", 5);
    for (int i = 0; i < 10_000; i++) {
      builder.person("p" + i, List.of("o"), new double[] {(i % 97) / 100.0});
    }
    AssignmentProblem problem = builder.build();

    for (AssignmentMethod method : AssignmentMethod.values()) {
      List<Integer> reported = new ArrayList<>();
      Assigner.solve(problem, method, reported::add);

      assertThat(reported).as("%s", method).containsExactly(4096, 8192, 10_000);
    }
  }

  @Test
  void anEmptyProblemReportsItsEndAndPlacesNobody() {
    AssignmentProblem problem = AssignmentProblem.builder().build();
    List<Integer> reported = new ArrayList<>();

    Assignment assignment = Assigner.optimal(problem, reported::add);

    assertThat(reported).containsExactly(0);
    assertThat(assignment.assigned()).isZero();
    assertThat(assignment.totalScore()).isZero();
  }

  private static String idOf(Assignment assignment, int person) {
    return assignment.problem().opportunityId(assignment.opportunityOf(person));
  }

  private static List<String> placed(Assignment assignment) {
    List<String> placed = new ArrayList<>();
    for (int q = 0; q < assignment.problem().people(); q++) {
      if (assignment.opportunityOf(q) >= 0) {
        placed.add(assignment.problem().personId(q));
      }
    }
    return placed;
  }
}
