package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passgenau.examples.PayScorer;
import org.passgenau.examples.RecentPostingFilter;
import org.passgenau.rank.RuleSetFormatException.Problem;
import org.passgenau.rank.spi.CustomRules;

/**
 * Custom rules in rule files: named in {@code filters} and {@code scorers} like built-in rules,
 * checked against the custom rules the reader knows (by default those installed through
 * ServiceLoader, here the examples registered for the tests).
 */
class CustomRuleFilesTest {

  private static final CustomRules EXAMPLES =
      CustomRules.of(List.of(new PayScorer(), new RecentPostingFilter()));

  private static final RuleSet WITH_BOTH = RuleSet.defaults().toBuilder().name("test")
      .customFilter("recent_posting", true).customWeight("pay", 0.1).build();

  private static String file(String fields) {
    return "{\"name\": \"test\", \"version\": \"1\", " + fields + "}";
  }

  private static RuleSet read(String json, CustomRules known) throws IOException {
    return RuleSetFile.read(new StringReader(json), "rules.json", known);
  }

  private static List<String> problems(String json, CustomRules known) {
    RuleSetFormatException refused =
        catchThrowableOfType(RuleSetFormatException.class, () -> read(json, known));
    assertThat(refused).as("refusal of %s", json).isNotNull();
    return refused.problems().stream().map(Problem::toString).toList();
  }

  @Test
  void customRulesAreNamedInFiltersAndScorers() throws IOException {
    String json = file("\"filters\": {\"commute\": true, \"recent_posting\": true},"
        + " \"scorers\": {\"pay\": 0.1}");

    assertThat(read(json, EXAMPLES)).as("with the examples known").isEqualTo(WITH_BOTH);
    assertThat(RuleSetFile.read(new StringReader(json), "rules.json"))
        .as("with the installed rules, found through ServiceLoader").isEqualTo(WITH_BOTH);
  }

  @Test
  void customRulesSurviveTheRoundTripAndFollowTheBuiltInOnes() throws IOException {
    String json = RuleSetFile.toJson(WITH_BOTH);

    assertThat(read(json, EXAMPLES)).as("read back").isEqualTo(WITH_BOTH);
    assertThat(json).as("written file")
        .contains("    \"school\": true,\n    \"recent_posting\": true\n  },")
        .contains("    \"childcare_support\": 0.05,\n    \"pay\": 0.1\n  },");
  }

  @Test
  void switchedOffOrWeighingNothingACustomRuleIsOffAsIfUnnamed() throws IOException {
    RuleSet off = read(file("\"filters\": {\"recent_posting\": false}, \"scorers\": {\"pay\": 0}"),
        EXAMPLES);

    assertThat(off).isEqualTo(RuleSet.defaults().toBuilder().name("test").build());
  }

  @Test
  void anUnknownCustomRuleIsRefusedListingTheKnownOnes() {
    assertThat(problems(file("\"scorers\": {\"wage\": 0.1}, \"filters\": {\"recent\": true}"),
        EXAMPLES)).containsExactly(
        "scorers.wage: unknown scorer \"wage\" (known: " + String.join(", ", RuleSet.SCORERS)
            + "; custom: pay)",
        "filters.recent: unknown filter \"recent\" (known: " + String.join(", ", RuleSet.FILTERS)
            + "; custom: recent_posting)");
  }

  @Test
  void aMisspeltCustomRuleGetsTheNearestName() {
    assertThat(problems(file("\"scorers\": {\"pya\": 0.1}"), EXAMPLES)).singleElement().asString()
        .startsWith("scorers.pya: unknown scorer \"pya\", did you mean \"pay\"?");
  }

  @Test
  void aCustomRuleUnderTheWrongKindIsRefused() {
    assertThat(problems(file("\"scorers\": {\"recent_posting\": 0.1}, \"filters\": {\"pay\": true}"),
        EXAMPLES)).containsExactly(
        "scorers.recent_posting: \"recent_posting\" is a custom filter, not a scorer; switch it on"
            + " under filters",
        "filters.pay: \"pay\" is a custom scorer, not a filter; give it a weight under scorers");
  }

  @Test
  void aCustomWeightIsCheckedLikeABuiltInOne() {
    assertThat(problems(file("\"scorers\": {\"pay\": 1.5}, \"filters\": {\"recent_posting\": 1}"),
        EXAMPLES)).containsExactly(
        "scorers.pay: must be between 0 and 1, was 1.5",
        "filters.recent_posting: must be true or false, was 1");
  }

  @Test
  void withoutCustomRulesACustomNameIsUnknown() {
    assertThat(problems(file("\"scorers\": {\"pay\": 0.1}"), CustomRules.none())).containsExactly(
        "scorers.pay: unknown scorer \"pay\" (known: " + String.join(", ", RuleSet.SCORERS) + ")");
  }
}
