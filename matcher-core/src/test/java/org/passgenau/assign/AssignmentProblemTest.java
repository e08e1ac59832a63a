package org.passgenau.assign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The builder refuses what no solver could make sense of, naming the bad id or value. */
class AssignmentProblemTest {

  @Test
  void theProblemKeepsWhatItWasGivenInOrder() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .person("nour", List.of("vacancy-2", "apprenticeship-1"), new double[] {0.8, 0.8})
        .opportunity("apprenticeship-1", 3)
        .opportunity("vacancy-2", 1)
        .person("omar", List.of(), new double[0])
        .build();

    assertThat(problem.people()).isEqualTo(2);
    assertThat(problem.opportunities()).isEqualTo(2);
    assertThat(problem.positions()).isEqualTo(4);
    assertThat(problem.personId(1)).isEqualTo("omar");
    assertThat(problem.opportunityId(0)).isEqualTo("apprenticeship-1");
    assertThat(problem.capacity(0)).isEqualTo(3);
    assertThat(problem.listSize(0)).isEqualTo(2);
    assertThat(problem.listSize(1)).isZero();
    assertThat(problem.choice(0, 0)).isEqualTo(1);
    assertThat(problem.choice(0, 1)).isEqualTo(0);
    assertThat(problem.choiceScore(0, 1)).isEqualTo(0.8);
  }

  @Test
  void aRankBeyondThePersonsListIsRefused() {
    AssignmentProblem problem = AssignmentProblem.builder()
        .opportunity("o", 1)
        .person("p", List.of("o"), new double[] {0.5})
        .build();

    assertThatThrownBy(() -> problem.choice(0, 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> problem.listSize(1)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void aDuplicateOpportunityIdIsRefused() {
    AssignmentProblem.Builder builder = AssignmentProblem.builder().opportunity("o-7", 1);

    assertThatThrownBy(() -> builder.opportunity("o-7", 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("o-7");
  }

  @Test
  void aDuplicatePersonIdIsRefused() {
    AssignmentProblem.Builder builder = AssignmentProblem.builder()
        .person("p-3", List.of(), new double[0]);

    assertThatThrownBy(() -> builder.person("p-3", List.of(), new double[0]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p-3");
  }

  @Test
  void anOpportunityWithoutPlacesIsRefused() {
    assertThatThrownBy(() -> AssignmentProblem.builder().opportunity("closed-post", 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("closed-post").hasMessageContaining("was 0");
  }

  @Test
  void aPersonNamingAnUnknownOpportunityIsRefused() {
    AssignmentProblem.Builder builder = AssignmentProblem.builder()
        .opportunity("known", 1)
        .person("p", List.of("known", "withdrawn-post"), new double[] {0.5, 0.4});

    assertThatThrownBy(builder::build)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("withdrawn-post").hasMessageContaining("p");
  }

  @Test
  void aPersonNamingTheSameOpportunityTwiceIsRefused() {
    assertThatThrownBy(() -> AssignmentProblem.builder()
            .person("p", List.of("o", "o"), new double[] {0.5, 0.5}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("twice").hasMessageContaining("o");
  }

  @Test
  void scoresThatAreNotFiniteOrNegativeAreRefused() {
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, -0.25}) {
      assertThatThrownBy(() -> AssignmentProblem.builder()
              .person("p", List.of("o"), new double[] {bad}))
          .as("score %s", bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(String.valueOf(bad));
    }
  }

  @Test
  void aListWhoseScoresRiseIsRefused() {
    assertThatThrownBy(() -> AssignmentProblem.builder()
            .person("p", List.of("o-1", "o-2"), new double[] {0.4, 0.6}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("o-2").hasMessageContaining("0.6");
  }

  @Test
  void asManyScoresAsOpportunitiesAreNeeded() {
    assertThatThrownBy(() -> AssignmentProblem.builder()
            .person("p", List.of("o-1", "o-2"), new double[] {0.4}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2 opportunities but 1 scores");
  }

  @Test
  void theBuilderBuildsOnce() {
    AssignmentProblem.Builder builder = AssignmentProblem.builder();
    builder.build();

    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> builder.opportunity("late", 1))
        .isInstanceOf(IllegalStateException.class);
  }
}
