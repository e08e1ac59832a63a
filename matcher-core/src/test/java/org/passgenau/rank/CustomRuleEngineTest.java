package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.ids;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.passgenau.examples.PayScorer;
import org.passgenau.examples.RecentPostingFilter;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomFilter;
import org.passgenau.rank.spi.CustomRules;
import org.passgenau.rank.spi.CustomScorer;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.passgenau.testkit.ReferenceRanker;

/** Custom rules in the engine: off unless named, filtering, counting, scoring and explaining. */
class CustomRuleEngineTest {

  private static final MatchOptions TOP_10 = new MatchOptions(10, TODAY, Locale.ENGLISH);
  private static final RuleSet WITH_PAY =
      RuleSet.defaults().toBuilder().name("with-pay").customWeight("pay", 0.1).build();
  private static final RuleSet RECENT_ONLY =
      RuleSet.defaults().toBuilder().name("recent-only").customFilter("recent_posting", true).build();

  private static MatchingEngine engine(RuleSet rules, List<Opportunity> corpus) {
    MatchingEngine engine = MatchingEngine.builder().ruleSet(rules).build();
    engine.upsertAll(corpus);
    engine.refresh();
    return engine;
  }

  private static MatchResult match(RuleSet rules, List<Opportunity> corpus, Profile p) {
    try (MatchingEngine engine = engine(rules, corpus)) {
      return engine.match(p, TOP_10);
    }
  }

  private static Reason reason(Match m, String rule) {
    return m.explanation().stream().filter(r -> r.rule().equals(rule)).findFirst().orElse(null);
  }

  /** Two helper jobs alike in all but pay. */
  private static final List<Opportunity> TWO_PAYS = List.of(
      vacancy("V-1").monthlyGrossEur(1600.0).build(),
      vacancy("V-2").monthlyGrossEur(2800.0).build());

  @Test
  void theInstalledPayScorerIsOffUnlessTheRuleSetWeighsIt() {
    MatchResult result = match(RuleSet.defaults(), TWO_PAYS, person("P-1").build());

    assertThat(ids(result)).as("equal scores, ties by id").containsExactly("V-1", "V-2");
    assertThat(result.matches().get(0).score()).isEqualTo(result.matches().get(1).score());
    assertThat(result.matches()).allSatisfy(m -> assertThat(reason(m, "pay")).isNull());
  }

  @Test
  void weighingPayRanksTheBetterPaidJobFirstAndExplainsIt() {
    MatchResult result = match(WITH_PAY, TWO_PAYS, person("P-1").build());
    MatchResult plain = match(RuleSet.defaults(), TWO_PAYS, person("P-1").build());

    assertThat(ids(result)).as("ranking with pay weighed").containsExactly("V-2", "V-1");
    // Weights are normalised over 1.0 + 0.1; V-2 pays 1,300 EUR above 1,500 of the 1,500 span.
    double share = 0.1 / 1.1;
    Reason pay = reason(result.matches().get(0), "pay");
    assertThat(pay.effect()).as("effect of pay on V-2")
        .isEqualTo(CompiledRules.round(share * 1300 / 1500));
    assertThat(pay.detail()).isEqualTo("Pays 2,800 EUR gross a month");
    assertThat(reason(result.matches().get(1), "pay").effect()).as("effect of pay on V-1")
        .isEqualTo(CompiledRules.round(share * 100 / 1500));
    assertThat(result.matches().get(1).score()).as("V-1: the rest shrinks by the normalisation")
        .isCloseTo(plain.matches().get(0).score() / 1.1 + share * 100 / 1500, within(0.0002));
    // Custom scorers come after the built-in ones in explanations.
    List<String> rules = result.matches().get(0).explanation().stream().map(Reason::rule).toList();
    assertThat(rules.indexOf("pay")).as("position of pay in %s", rules)
        .isGreaterThan(rules.indexOf("hours_fit"));
  }

  @Test
  void aCustomExplanationIsWrittenInTheAskedLanguage() {
    MatchResult result;
    try (MatchingEngine engine = engine(WITH_PAY, TWO_PAYS)) {
      result = engine.match(person("P-1").build(), TOP_10.in(Locale.GERMAN));
    }
    assertThat(reason(result.matches().get(0), "pay").detail())
        .isEqualTo("Zahlt 2.800 EUR brutto im Monat");
  }

  @Test
  void aCustomFilterExcludesCountsAfterTheBuiltInOnesAndSaysWhatWouldOpenThem() {
    List<Opportunity> corpus = List.of(
        vacancy("V-fresh").postedDate(TODAY.minusDays(10)).build(),
        vacancy("V-old").postedDate(TODAY.minusDays(121)).build(),
        vacancy("V-edge").postedDate(TODAY.minusDays(120)).build(),
        vacancy("V-undated").build(),
        // Old, and past its deadline: counted under the built-in filter, which comes first.
        vacancy("V-closed").postedDate(TODAY.minusDays(300)).applicationDeadline(TODAY.minusDays(1)).build());

    MatchResult result = match(RECENT_ONLY, corpus, person("P-1").build());
    MatchResult plain = match(RuleSet.defaults(), corpus, person("P-1").build());

    assertThat(ids(result)).as("matches").containsExactly("V-edge", "V-fresh", "V-undated");
    assertThat(result.excluded()).as("exclusions").containsEntry("recent_posting", 1)
        .containsEntry("application_deadline", 1);
    assertThat(List.copyOf(result.excluded().keySet())).as("counting order")
        .endsWith("school", "recent_posting");
    assertThat(plain.excluded()).as("without the filter").doesNotContainKey("recent_posting");
    assertThat(result.nextSteps()).as("next steps").extracting(NextStep::rule)
        .containsExactly("application_deadline", "recent_posting");
    assertThat(result.nextSteps().get(1).detail())
        .isEqualTo("1 postings are older than 120 days: ask the employers whether they are still open");
    assertThat(reason(result.matches().get(2), "recent_posting").detail()).as("note on V-undated")
        .isEqualTo("The posting date is unknown: ask whether it is still open");
    assertThat(reason(result.matches().get(2), "recent_posting").effect()).isZero();
  }

  @Test
  void aCustomFilterWithoutItsOwnNextStepGetsAGeneralOne() {
    CustomFilter noPay = filter("paid", o -> o.monthlyGrossEur() == null ? Double.NaN : 1,
        (p, day) -> x -> x == 1);
    RuleSet rules = RuleSet.defaults().toBuilder().customFilter("paid", true).build();
    MatchResult result;
    try (MatchingEngine engine = MatchingEngine.builder().ruleSet(rules).customRule(noPay).build()) {
      engine.upsertAll(List.of(vacancy("V-1").build(), vacancy("V-2").monthlyGrossEur(2000.0).build()));
      engine.refresh();
      result = engine.match(person("P-1").build(), TOP_10);
    }
    assertThat(ids(result)).containsExactly("V-2");
    assertThat(result.nextSteps()).singleElement().satisfies(step -> {
      assertThat(step.rule()).isEqualTo("paid");
      assertThat(step.detail()).isEqualTo("1 are excluded by the rule paid");
    });
  }

  @Test
  void anExplicitlyRegisteredRuleReplacesTheInstalledOneOfItsName() {
    CustomScorer flat = scorer("pay", o -> 0, (p, day) -> x -> 1);
    MatchResult result;
    try (MatchingEngine engine =
        MatchingEngine.builder().ruleSet(WITH_PAY).customRule(flat).build()) {
      engine.upsertAll(TWO_PAYS);
      engine.refresh();
      result = engine.match(person("P-1").build(), TOP_10);
    }
    assertThat(ids(result)).as("both score the same on pay: ties by id").containsExactly("V-1", "V-2");
    assertThat(reason(result.matches().get(0), "pay").detail()).as("fallback sentence")
        .isEqualTo("Rule pay");
  }

  @Test
  void valuesBeyondMinusOneAndOneAreClampedAndNaNCountsZero() {
    RuleSet rules = RuleSet.defaults().toBuilder().customWeight("wild", 0.1).build();
    List<Opportunity> corpus = List.of(vacancy("V-1").monthlyGrossEur(5.0).build(),
        vacancy("V-2").monthlyGrossEur(5.0).build(), vacancy("V-3").build());
    // V-1: 5 -> 1; V-2: 5 - 10 = -5 -> -1; V-3: NaN -> 0.
    CustomScorer wild = scorer("wild",
        o -> o.monthlyGrossEur() == null ? Double.NaN : o.id().equals("V-2") ? -5 : 5,
        (p, day) -> x -> x);
    MatchResult result;
    try (MatchingEngine engine = MatchingEngine.builder().ruleSet(rules).customRule(wild).build()) {
      engine.upsertAll(corpus);
      engine.refresh();
      result = engine.match(person("P-1").build(), TOP_10);
    }
    double share = 0.1 / 1.1;
    assertThat(ids(result)).containsExactly("V-1", "V-3", "V-2");
    assertThat(reason(result.matches().get(0), "wild").effect()).isEqualTo(CompiledRules.round(share));
    assertThat(reason(result.matches().get(1), "wild")).as("NaN: no effect").isNull();
    assertThat(reason(result.matches().get(2), "wild").effect()).isEqualTo(CompiledRules.round(-share));
  }

  @Test
  void customRulesNeverSeeTheAuditFields() {
    List<Map<String, String>> seen = new ArrayList<>();
    CustomScorer spy = scorer("spy", o -> 0, (p, day) -> {
      seen.add(p.audit());
      return x -> 0.5;
    });
    RuleSet rules = RuleSet.defaults().toBuilder().customWeight("spy", 0.1).build();
    try (MatchingEngine engine = MatchingEngine.builder().ruleSet(rules).customRule(spy).build()) {
      engine.upsertAll(TWO_PAYS);
      engine.refresh();
      Profile audited = person("P-1").audit(Map.of("gender", "f", "nationality", "SY")).build();
      MatchResult withAudit = engine.match(audited, TOP_10);
      MatchResult without = engine.match(person("P-1").build(), TOP_10);

      assertThat(withAudit).isEqualTo(without);
    }
    assertThat(seen).as("audit fields the rule saw").hasSize(2).allSatisfy(a -> assertThat(a).isEmpty());
  }

  @Test
  void aRuleSetNamingAnUnknownCustomRuleIsRefusedWhenTheEngineIsBuilt() {
    RuleSet rules = RuleSet.defaults().toBuilder().name("wages").customWeight("wage", 0.1).build();

    assertThatThrownBy(() -> MatchingEngine.builder().ruleSet(rules).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("rule set wages names the custom scorer 'wage', which is not registered"
            + " (registered: pay, recent_posting)");
  }

  @Test
  void aScorerSwitchedOnAsAFilterIsRefusedWhenTheEngineIsBuilt() {
    RuleSet rules = RuleSet.defaults().toBuilder().customFilter("pay", true).build();

    assertThatThrownBy(() -> MatchingEngine.builder().ruleSet(rules).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("uses 'pay' as a filter, but " + PayScorer.class.getName() + " is a scorer");
  }

  @Test
  void aNameRegisteredTwiceIsRefused() {
    assertThatThrownBy(() -> MatchingEngine.builder().customRule(new PayScorer()).customRule(new PayScorer()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'pay' is registered already");
  }

  @Test
  void theRuleSetIsAValueWithItsCustomRules() {
    RuleSet a = RuleSet.defaults().toBuilder().customWeight("pay", 0.1).customFilter("recent_posting", true).build();
    RuleSet b = RuleSet.defaults().toBuilder().customFilter("recent_posting", true).customWeight("pay", 0.1).build();

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(RuleSet.defaults());
    assertThat(a.weight("pay")).isEqualTo(0.1);
    assertThat(a.filterOn("recent_posting")).isTrue();
    assertThat(RuleSet.defaults().weight("pay")).as("unnamed custom scorer").isZero();
    assertThat(RuleSet.defaults().filterOn("recent_posting")).as("unnamed custom filter").isFalse();
    assertThat(a.toBuilder().customWeight("pay", 0).customFilter("recent_posting", false).build())
        .as("switched off again").isEqualTo(RuleSet.defaults());
    assertThatThrownBy(() -> RuleSet.builder().customWeight("distance", 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuleSet.builder().customFilter("pay", true).customWeight("pay", 0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RuleSet.builder().customWeight("pay", 1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aCustomWeightAloneMakesAValidRuleSet() {
    RuleSet.Builder b = RuleSet.builder();
    for (String s : RuleSet.SCORERS) {
      b.weight(s, 0);
    }
    RuleSet payOnly = b.customWeight("pay", 0.5).build();

    MatchResult result = match(payOnly, TWO_PAYS, person("P-1").build());

    assertThat(ids(result)).containsExactly("V-2", "V-1");
    assertThat(result.matches().get(0).score()).isEqualTo(CompiledRules.round(1300 / 1500.0));
  }

  // ---------------------------------------------------------------- the reference

  private static final OccupationTaxonomy NO_TAXONOMY = OccupationTaxonomy.builder().build();

  /** A filter on pay and a scorer whose values leave [-1, 1], with the distance scorer deferred. */
  private static final CustomRules ORACLE_RULES = CustomRules.of(List.of(
      filter("min_pay", o -> o.monthlyGrossEur() == null ? Double.NaN : o.monthlyGrossEur(),
          (p, day) -> eur -> !(eur < 785)),
      new PayScorer(),
      scorer("hours_pay", o -> o.monthlyGrossEur() == null ? Double.NaN : o.monthlyGrossEur() / 1000,
          (p, day) -> x -> p.availability() == null ? x - 1 : 2 - x)));

  @Provide
  Arbitrary<List<Opportunity>> corpora() {
    return ArbitrariesForRanking.corpora(40);
  }

  @Provide
  Arbitrary<Profile> profiles() {
    return ArbitrariesForRanking.profiles();
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void withCustomRulesTheEngineRanksLikeTheReference(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll @IntRange(min = 1, max = 12) int k,
      @ForAll @IntRange(min = 1, max = 9) int batch) {
    RuleSet rules = RuleSet.defaults().toBuilder().name("custom")
        .customFilter("min_pay", true).customWeight("pay", 0.2).customWeight("hours_pay", 0.05)
        .build();
    MatchResult result;
    MatchingEngine.Builder builder = MatchingEngine.builder().ruleSet(rules);
    ORACLE_RULES.all().forEach(builder::customRule);
    try (MatchingEngine engine = builder.build()) {
      for (int from = 0; from < corpus.size(); from += batch) {
        engine.upsertAll(corpus.subList(from, Math.min(corpus.size(), from + batch)));
        engine.refresh();
      }
      result = engine.match(profile, new MatchOptions(k, ArbitrariesForRanking.TODAY, Locale.ENGLISH));
    }
    ReferenceRanker.Ranking expected = new ReferenceRanker(rules, NO_TAXONOMY, ORACLE_RULES)
        .rank(corpus, profile, ArbitrariesForRanking.TODAY);

    assertThat(result.matches()).extracting(Match::opportunityId)
        .as("the engine's top %s, in order", k).containsExactlyElementsOf(expected.topIds(k));
    assertThat(result.matches()).extracting(Match::score)
        .as("the engine's scores").containsExactlyElementsOf(expected.topScores(k));
    assertThat(result.excluded()).as("exclusions per filter")
        .containsExactlyEntriesOf(expected.excluded());
    assertThat(result.excluded()).as("the custom filter is counted").containsKey("min_pay");
  }

  // ---------------------------------------------------------------- rules for one test

  interface Extract extends java.util.function.ToDoubleFunction<Opportunity> {}

  interface Compile<T> extends java.util.function.BiFunction<Profile, LocalDate, T> {}

  static CustomFilter filter(String name, Extract extract, Compile<DoublePredicate> admits) {
    return new CustomFilter() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double extract(Opportunity o) {
        return extract.applyAsDouble(o);
      }

      @Override
      public DoublePredicate admits(Profile person, LocalDate asOf) {
        return admits.apply(person, asOf);
      }
    };
  }

  static CustomScorer scorer(String name, Extract extract, Compile<DoubleUnaryOperator> score) {
    return new CustomScorer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public double extract(Opportunity o) {
        return extract.applyAsDouble(o);
      }

      @Override
      public DoubleUnaryOperator score(Profile person, LocalDate asOf) {
        return score.apply(person, asOf);
      }

      @Override
      public String explain(Profile person, LocalDate asOf, double extracted, Locale locale) {
        return null;
      }
    };
  }
}
