package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The parameter declarations: the builder validates by them, naming the parameter as rule files
 * name it and the bad value, and the default rule set holds their defaults.
 */
class RuleParameterTest {

  @Test
  void theDefaultRuleSetHoldsEveryDeclaredDefaultAndEachPassesItsOwnCheck() {
    for (RuleParameter p : RuleParameter.values()) {
      assertThat(p.problem(p.defaultValue())).as("default of %s", p.jsonName()).isNull();
      assertThat(RuleSet.defaults().value(p)).as("%s in the defaults", p.jsonName())
          .isEqualTo(p.defaultValue());
    }
  }

  @Test
  void recognitionCountsForTheSameUnitGroupAndTheNursingLicenceCoversBothNursingGroups() {
    RuleSet defaults = RuleSet.defaults();

    assertThat(defaults.recognitionSharedLevels()).isEqualTo(4);
    assertThat(defaults.recognitionEquivalences()).containsExactly(List.of("2221", "3221"));
    assertThat(defaults.toBuilder()
            .recognitionEquivalences(List.of(List.of("2261", "3251"))).build()
            .recognitionEquivalences())
        .containsExactly(List.of("2261", "3251"));
  }

  @Test
  void aBadValueIsRefusedNamingTheParameterAsRuleFilesNameItAndTheValue() {
    RuleSet.Builder b = RuleSet.builder();

    assertThatThrownBy(() -> b.languageGapPenalty(1.5))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("language_gap_penalty must be between 0.0 and 1.0, was 1.5");
    assertThatThrownBy(() -> b.languageGapTolerance(6))
        .hasMessage("language_gap_tolerance must be 0 to 5, was 6");
    assertThatThrownBy(() -> b.residenceLift(15, List.of(
            new DatedValue(java.time.LocalDate.of(2024, 1, 1), -785, null))))
        .hasMessage("residence_lift_min_monthly_eur must not be negative, was -785.0 from 2024-01-01");
    assertThatThrownBy(() -> b.speeds(50, Double.NaN))
        .hasMessage("public_transport_kmh must be between 1.0 and 200.0, was NaN");
    assertThatThrownBy(() -> b.occupationBridges(List.of(List.of("2221", "53")), 3))
        .hasMessage("occupation_bridges must be pairs of 4-digit ISCO unit groups, was [2221, 53]");
    assertThatThrownBy(() -> b.recognitionEquivalences(List.of(List.of("2221"))))
        .hasMessage(
            "recognition_equivalences must be pairs of 4-digit ISCO unit groups, was [2221]");
    assertThatThrownBy(() -> b.residenceLift(15, List.of()))
        .hasMessage("residence_lift_min_monthly_eur needs at least one dated value, was []");
    LocalDate day = LocalDate.of(2024, 1, 1);
    assertThatThrownBy(() -> b.residenceLift(15,
            List.of(new DatedValue(day, 785, null), new DatedValue(day, 790, null))))
        .hasMessage("residence_lift_min_monthly_eur may start one value on each date, was"
            + " 2024-01-01 twice");
  }

  @Test
  void aRefusedCallChangesNothing() {
    RuleSet.Builder b = RuleSet.builder();

    assertThatThrownBy(() -> b.speeds(60, 0)).hasMessageStartingWith("public_transport_kmh");
    assertThatThrownBy(() -> b.startGraceDays(10, -1))
        .hasMessageStartingWith("start_grace_days_other");

    assertThat(b.build()).as("after two refused calls").isEqualTo(RuleSet.defaults());
  }

  @Test
  void listsAreCopiedInAndCannotBeChangedOut() {
    List<List<String>> pairs = new ArrayList<>();
    pairs.add(new ArrayList<>(List.of("7212", "7214")));
    RuleSet rules = RuleSet.builder().occupationBridges(pairs, 2).build();
    pairs.get(0).set(1, "9999");
    pairs.add(List.of("1111", "2222"));

    assertThat(rules.occupationBridges()).containsExactly(List.of("7212", "7214"));
    assertThatThrownBy(() -> rules.occupationBridges().get(0).set(0, "0000"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rules.residenceLiftMinMonthlyEur().clear())
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> rules.weights().put("skills", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void everyParameterHasAUniqueSnakeCaseNameAndALineOfDocumentation() {
    List<String> names =
        Arrays.stream(RuleParameter.values()).map(RuleParameter::jsonName).toList();

    assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z][a-z0-9_]*"));
    for (RuleParameter p : RuleParameter.values()) {
      assertThat(p.doc()).as("doc of %s", p.jsonName()).isNotBlank().doesNotContain("\n", "|");
      assertThat(RuleParameter.named(p.jsonName())).isSameAs(p);
    }
  }

  /** A host compiles against java.util types only; Guava stays an implementation detail. */
  @Test
  void thePublicSignaturesOfRuleSetsAndRuleFilesShowNoGuavaOrJacksonTypes() {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : List.of(RuleSet.class, RuleSet.Builder.class, RuleSetFile.class,
        RuleSetFormatException.class, RuleSetFormatException.Problem.class, DatedValue.class)) {
      for (Method m : type.getDeclaredMethods()) {
        if (!Modifier.isPublic(m.getModifiers())) {
          continue;
        }
        List<Type> shown = new ArrayList<>(List.of(m.getGenericParameterTypes()));
        shown.add(m.getGenericReturnType());
        for (Type t : shown) {
          String name = t.getTypeName();
          if (name.contains("com.google.") || name.contains("com.fasterxml.")) {
            leaks.add(type.getSimpleName() + "." + m.getName() + ": " + name);
          }
        }
      }
    }
    assertThat(leaks).as("public signatures with library types").isEmpty();
  }
}
