package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Profile;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Feature logs on the sample data: the candidates are the matches, in the same order, and each
 * value is the one the explanation weighs (effect = normalised weight times value).
 */
class FeaturesTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
  /** Pay weighed (a custom scorer), skills switched off (still logged). */
  private static final RuleSet RULES = RuleSet.defaults().toBuilder().name("features")
      .customWeight("pay", 0.1).weight("skills", 0).build();

  private static MatchingEngine engine;
  private static List<Profile> profiles;

  @BeforeAll
  static void index() throws IOException {
    engine = MatchingEngine.builder()
        .ruleSet(RULES)
        .taxonomy(OccupationTaxonomy.fromTsv(DATA.resolve("taxonomy/occupations.tsv")))
        .build();
    engine.upsertAll(JsonLinesReader.opportunities().read(DATA.resolve("opportunities.jsonl")).records());
    engine.refresh();
    profiles = JsonLinesReader.profiles().read(DATA.resolve("profiles.jsonl")).records().subList(0, 40);
  }

  @AfterAll
  static void close() {
    engine.close();
  }

  @Test
  void theFeaturesAreEveryBuiltInScorerThenTheWeighedCustomOnes() {
    List<String> expected = new ArrayList<>(RuleSet.SCORERS);
    expected.add("pay");

    assertThat(engine.featureNames()).isEqualTo(expected);
    assertThat(engine.features(profiles.get(0), MatchOptions.defaults().asOf(AS_OF)).names())
        .isEqualTo(expected);
  }

  @Test
  void theCandidatesAreTheMatchesAndEachValueIsWhatTheExplanationWeighs() {
    double total = 0; // summed in the engine's order, not compensated as streams sum
    for (double w : RULES.weights().values()) {
      total += w;
    }
    for (double w : RULES.customWeights().values()) {
      total += w;
    }
    MatchOptions options = new MatchOptions(15, AS_OF, Locale.ENGLISH);
    int compared = 0;
    for (Profile p : profiles) {
      MatchResult result = engine.match(p, options);
      Features features = engine.features(p, options);

      assertThat(features.profileId()).isEqualTo(p.id());
      assertThat(features.ruleSet()).isEqualTo("features");
      assertThat(features.candidates()).extracting(Features.Candidate::opportunityId)
          .as("candidates of %s", p.id())
          .containsExactlyElementsOf(result.matches().stream().map(Match::opportunityId).toList());
      for (int i = 0; i < result.matches().size(); i++) {
        Match m = result.matches().get(i);
        Features.Candidate c = features.candidates().get(i);
        assertThat(c.rank()).isEqualTo(m.rank());
        assertThat(CompiledRules.round(c.score())).as("score of %s", m.opportunityId()).isEqualTo(m.score());
        double sum = 0;
        for (int f = 0; f < features.names().size(); f++) {
          String rule = features.names().get(f);
          double value = c.value(f);
          assertThat(value).as("%s of %s", rule, m.opportunityId()).isBetween(-1.0, 1.0);
          double weight = RULES.weight(rule) / total;
          sum += weight * value;
          double effect = m.explanation().stream().filter(r -> r.rule().equals(rule))
              .mapToDouble(Reason::effect).sum();
          assertThat(effect).as("effect of %s on %s for %s: weight %s times value %s",
              rule, m.opportunityId(), p.id(), weight, value)
              .isEqualTo(CompiledRules.round(weight * value));
          compared++;
        }
        assertThat(sum).as("weighted sum for %s", m.opportunityId()).isCloseTo(c.score(), within(1e-12));
      }
    }
    assertThat(compared).as("values compared").isGreaterThan(1000);
  }

  @Test
  void anUnweighedScorerIsLoggedAllTheSame() {
    int skills = RuleSet.SCORERS.indexOf("skills");
    boolean someSkills = false;
    for (Profile p : profiles) {
      for (Features.Candidate c : engine.features(p, MatchOptions.defaults().asOf(AS_OF)).candidates()) {
        someSkills |= c.value(skills) > 0;
      }
    }
    assertThat(someSkills).as("some candidate shares skills with its profile").isTrue();
  }

  @Test
  void theDepthIsTheNumberOfCandidates() {
    Profile p = profiles.get(0);

    assertThat(engine.features(p, new MatchOptions(3, AS_OF, Locale.ENGLISH)).candidates()).hasSize(3);
    assertThat(engine.features(p, new MatchOptions(10_000, AS_OF, Locale.ENGLISH)).candidates())
        .as("all admitted").hasSize(engine.match(p, new MatchOptions(10_000, AS_OF, Locale.ENGLISH)).matches().size());
  }
}
