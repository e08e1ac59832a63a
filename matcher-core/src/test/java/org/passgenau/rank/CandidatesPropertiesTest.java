package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.ArbitrariesForRanking.TODAY;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import org.passgenau.examples.PayScorer;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Reverse matching agrees with matching, pair by pair: the people {@code candidates} ranks for an
 * opportunity are exactly those whose match admits it, with the same score and explanation, and
 * each person it leaves out is counted under the filter that excludes the pair when the person is
 * matched against that opportunity alone. Homes and workplaces are also scattered at random, so
 * that the areas skipped by commute lie on every side of the limits.
 */
class CandidatesPropertiesTest {

  private static final OccupationTaxonomy TAXONOMY = OccupationTaxonomy.shipped();
  private static final MatchOptions ALL = new MatchOptions(10_000, TODAY, Locale.GERMAN);

  @Provide
  Arbitrary<List<Opportunity>> corpora() {
    return ArbitrariesForRanking.corpora(12);
  }

  @Provide
  Arbitrary<List<Profile>> people() {
    return ArbitrariesForRanking.profiles().list().ofMinSize(1).ofMaxSize(25)
        .map(CandidatesPropertiesTest::numbered);
  }

  /** Places scattered around the lower Rhine, from next door to far beyond any commute. */
  @Provide
  Arbitrary<List<Location>> scatter() {
    Arbitrary<Location> place = Combinators.combine(
            Arbitraries.doubles().between(50.0, 53.0), Arbitraries.doubles().between(5.0, 9.0))
        .as((lat, lon) -> new Location(lat, lon, null, null, "DE-NW", "DE"));
    return place.list().ofSize(40);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void everyPairIsAdmittedScoredAndExplainedAsMatchDoes(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("people") List<Profile> people) {
    assertAgreement(corpus, people);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void scatteredHomesAndWorkplacesAreDecidedAsMatchDecidesThem(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("people") List<Profile> people,
      @ForAll("scatter") List<Location> places) {
    List<Opportunity> placedCorpus = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      Opportunity o = corpus.get(i);
      placedCorpus.add(
          o.location() == null ? o : o.toBuilder().location(places.get(i % 40)).build());
    }
    List<Profile> placedPeople = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      Profile p = people.get(i);
      placedPeople.add(p.location() == null
          ? p : p.toBuilder().location(places.get((i + 13) % 40)).build());
    }
    assertAgreement(placedCorpus, placedPeople);
  }

  /**
   * With a custom rule, whose facts the engine cannot share between people, every person's
   * rules are bound whole: the same agreement holds.
   */
  @Property(tries = 25, shrinking = ShrinkingMode.BOUNDED)
  void withACustomScorerEveryPairIsStillRankedAsMatchRanksIt(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("people") List<Profile> people) {
    RuleSet withPay = RuleSet.defaults().toBuilder().name("with-pay")
        .customWeight("pay", 0.1).build();
    assertAgreement(corpus, people,
        () -> MatchingEngine.builder().taxonomy(TAXONOMY).ruleSet(withPay)
            .customRule(new PayScorer()).build());
  }

  private static void assertAgreement(List<Opportunity> corpus, List<Profile> people) {
    assertAgreement(corpus, people, () -> MatchingEngine.builder().taxonomy(TAXONOMY).build());
  }

  private static void assertAgreement(List<Opportunity> corpus, List<Profile> people,
      Supplier<MatchingEngine> engines) {
    try (MatchingEngine engine = engines.get()) {
      engine.upsertAll(corpus);
      engine.upsertProfiles(people);
      engine.refresh();
      Map<String, Map<String, Match>> admittedByOpportunity = new HashMap<>();
      for (Profile p : people) {
        for (Match m : engine.match(p, ALL).matches()) {
          admittedByOpportunity.computeIfAbsent(m.opportunityId(), id -> new LinkedHashMap<>())
              .put(p.id(), m);
        }
      }
      for (Opportunity o : corpus) {
        CandidateResult result = engine.candidates(o.id(), ALL);
        Map<String, Match> expected = admittedByOpportunity.getOrDefault(o.id(), Map.of());
        assertThat(result.candidates()).extracting(Candidate::profileId)
            .as("people admitted to %s", o.id())
            .containsExactlyInAnyOrderElementsOf(expected.keySet());
        double previous = Double.POSITIVE_INFINITY;
        String previousId = "";
        for (Candidate c : result.candidates()) {
          Match m = expected.get(c.profileId());
          assertThat(c.score()).as("score of %s for %s", c.profileId(), o.id())
              .isEqualTo(m.score());
          assertThat(c.explanation()).as("explanation of %s for %s", c.profileId(), o.id())
              .isEqualTo(m.explanation());
          assertThat(c.score() < previous
                  || (c.score() == previous && c.profileId().compareTo(previousId) > 0))
              .as("%s ranked after %s", c.profileId(), previousId).isTrue();
          previous = c.score();
          previousId = c.profileId();
        }
        assertThat(result.excluded()).as("people excluded from %s, per filter", o.id())
            .isEqualTo(exclusionsOneByOne(o, people, engines));
      }
    }
  }

  /** Each person matched against the opportunity alone: one exclusion each, or none. */
  private static Map<String, Integer> exclusionsOneByOne(Opportunity o, List<Profile> people,
      Supplier<MatchingEngine> engines) {
    try (MatchingEngine alone = engines.get()) {
      alone.upsert(o);
      alone.refresh();
      Map<String, Integer> sum = new LinkedHashMap<>();
      for (Profile p : people) {
        alone.match(p, ALL).excluded().forEach((filter, n) -> sum.merge(filter, n, Integer::sum));
      }
      return sum;
    }
  }

  private static List<Profile> numbered(List<Profile> people) {
    List<Profile> out = new ArrayList<>();
    for (int i = 0; i < people.size(); i++) {
      out.add(people.get(i).toBuilder().id(String.format("P-%02d", i)).build());
    }
    return out;
  }
}
