package org.passgenau.rank.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passgenau.examples.PayScorer;
import org.passgenau.examples.RecentPostingFilter;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;

class CustomRulesTest {

  /** A scorer with any name, giving 0. */
  static CustomScorer named(String name) {
    return new CustomScorer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double extract(Opportunity opportunity) {
        return 0;
      }

      @Override
      public DoubleUnaryOperator score(Profile person, LocalDate asOf) {
        return x -> 0;
      }

      @Override
      public String explain(Profile person, LocalDate asOf, double extracted, Locale locale) {
        return null;
      }
    };
  }

  @Test
  void serviceLoaderFindsTheRegisteredExamples() {
    CustomRules installed = CustomRules.installed();

    assertThat(installed.all()).as("installed rules, by name")
        .extracting(CustomRule::name).containsExactly("pay", "recent_posting");
    assertThat(installed.get("pay")).as("pay").get().isInstanceOf(PayScorer.class);
    assertThat(installed.get("recent_posting")).as("recent_posting").get()
        .isInstanceOf(RecentPostingFilter.class);
    assertThat(installed.scorerNames()).as("scorers").containsExactly("pay");
    assertThat(installed.filterNames()).as("filters").containsExactly("recent_posting");
  }

  @ParameterizedTest
  @ValueSource(strings = {"Pay", "1pay", "pay-rate", "", "_pay", "pay rate"})
  void aMalformedNameIsRefused(String name) {
    assertThatThrownBy(() -> CustomRules.of(List.of(named(name))))
        .as("rule named '%s'", name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was '" + name + "'");
  }

  @Test
  void aNameOfMoreThan64CharactersIsRefused() {
    assertThatThrownBy(() -> CustomRules.checkName("p".repeat(65)))
        .isInstanceOf(IllegalArgumentException.class);
    CustomRules.checkName("p".repeat(64));
  }

  @ParameterizedTest
  @ValueSource(strings = {"distance", "commute", "language", "school"})
  void aBuiltInRulesNameIsRefused(String name) {
    assertThatThrownBy(() -> CustomRules.of(List.of(named(name))))
        .as("rule named '%s'", name)
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("built-in rule's name '" + name + "'");
  }

  @Test
  void twoRulesOfOneNameAreRefused() {
    assertThatThrownBy(() -> CustomRules.of(List.of(new PayScorer(), named("pay"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("two custom rules are named 'pay'")
        .hasMessageContaining(PayScorer.class.getName());
  }

  @Test
  void withReplacesTheRuleOfTheSameName() {
    CustomScorer mine = named("pay");

    CustomRules rules = CustomRules.installed().with(mine);

    assertThat(rules.get("pay")).as("pay").containsSame(mine);
    assertThat(rules.all()).as("all").hasSize(2);
  }
}
