package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

class ProblemsTest {

  @Test
  void aModelFieldIsPlacedUnderTheListElementJacksonWasBuilding() {
    assertThat(Problems.merge("language_requirements[1]", "language_requirements.min_level"))
        .as("field of a requirement's missing level")
        .isEqualTo("language_requirements[1].min_level");
  }

  @Test
  void aMessageNamingOnlyTheObjectPointsAtTheObject() {
    assertThat(Problems.merge("qualifications[0].occupation", "occupation"))
        .as("field of an occupation without codes")
        .isEqualTo("qualifications[0].occupation");
  }

  @Test
  void aTopLevelFieldIsTakenFromTheMessage() {
    assertThat(Problems.merge("", "birth_year")).as("top-level field").isEqualTo("birth_year");
    assertThat(Problems.merge("", null)).as("no field at all").isNull();
  }

  @Test
  void onlyALeadingContractFieldCountsAsTheField() {
    assertThat(Problems.leadingField("skills[2] must not be null")).as("indexed field").isEqualTo("skills[2]");
    assertThat(Problems.leadingField("Invalid value for MonthOfYear")).as("prose").isNull();
  }

  @Test
  void longTextInAReasonIsCutAndEscaped() {
    String described = Problems.describe(TextNode.valueOf("\"" + "x".repeat(100)));

    assertThat(described)
        .as("described value")
        .startsWith("\"\\\"xxx")
        .endsWith("...\"")
        .hasSizeLessThan(70);
  }
}
