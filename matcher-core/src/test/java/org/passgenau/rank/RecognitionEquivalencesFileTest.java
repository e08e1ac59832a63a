package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passgenau.rank.RuleSetFormatException.Problem;
import org.passgenau.rank.spi.CustomRules;

/** The rule set's recognition equivalences in rule files and in the builder. */
class RecognitionEquivalencesFileTest {

  private static RuleSet read(String json) throws IOException {
    return RuleSetFile.read(new StringReader(json), "test.json", CustomRules.none());
  }

  private static String file(String parameters) {
    return "{\"name\": \"test\", \"version\": \"1\", \"parameters\": {" + parameters + "}}";
  }

  @Test
  void aFileListsTheNursingEquivalenceByDefault() throws IOException {
    String written = RuleSetFile.toJson(RuleSet.defaults());

    assertThat(written).as("the written defaults").contains("\"recognition_equivalences\"");
    assertThat(read(written).recognitionEquivalences())
        .as("the written defaults, read back")
        .containsExactly(List.of("2221", "3221"));
  }

  @Test
  void equivalencesSurviveTheRoundTrip() throws IOException {
    RuleSet rules = RuleSet.defaults().toBuilder()
        .recognitionEquivalences(List.of(List.of("2221", "3221"), List.of("2262", "3213")))
        .build();

    assertThat(read(RuleSetFile.toJson(rules))).as("read back").isEqualTo(rules);
    assertThat(read(RuleSetFile.toJson(rules)).recognitionEquivalences())
        .containsExactly(List.of("2221", "3221"), List.of("2262", "3213"));
  }

  @Test
  void anEmptyListOfEquivalencesIsAllowed() throws IOException {
    assertThat(read(file("\"recognition_equivalences\": []")).recognitionEquivalences())
        .as("no profession's recognition opens another's posts").isEmpty();
  }

  @Test
  void anEquivalenceIsTwoUnitGroups() {
    RuleSetFormatException refused = catchThrowableOfType(RuleSetFormatException.class,
        () -> read(file("\"recognition_equivalences\": [[\"2221\", \"322\"], \"2221\"]")));

    assertThat(refused.problems().stream().map(Problem::toString).toList())
        .as("each bad pair named with its path and value")
        .containsExactly(
            "parameters.recognition_equivalences[0]: must be two 4-digit ISCO unit groups such as"
                + " [\"2221\", \"5321\"], was [\"2221\",\"322\"]",
            "parameters.recognition_equivalences[1]: must be two 4-digit ISCO unit groups such as"
                + " [\"2221\", \"5321\"], was \"2221\"");
  }

  @Test
  void theBuilderRefusesAPairThatIsNotTwoUnitGroups() {
    assertThatThrownBy(() -> RuleSet.builder().recognitionEquivalences(List.of(List.of("2221"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("recognition_equivalences must be pairs of 4-digit ISCO unit groups,"
            + " was [2221]");
    assertThatThrownBy(() -> RuleSet.builder().recognitionEquivalences(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("recognition_equivalences");
  }
}
