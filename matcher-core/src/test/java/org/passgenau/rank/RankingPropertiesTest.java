package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.ArbitrariesForRanking.TODAY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.passgenau.model.Cefr;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.passgenau.testkit.ReferenceRanker;

/**
 * Invariants of the ranking over random corpora and profiles: no match breaks a rule of the
 * domain, the engine (in several segments, with deletions and replacements, into a bounded top
 * k) ranks exactly like the reference implementation of the rules, stronger language never costs
 * score, audit fields change nothing, and the same input gives the same output.
 */
class RankingPropertiesTest {

  private static final OccupationTaxonomy TAXONOMY = shippedTaxonomy();
  private static final RuleSet RULES = RuleSet.defaults();
  private static final MatchOptions ALL = new MatchOptions(10_000, TODAY, Locale.ENGLISH);
  /** The rules written out plainly, independent of the engine's rule classes. */
  private static final ReferenceRanker REFERENCE = new ReferenceRanker(RULES, TAXONOMY);

  @Provide
  Arbitrary<List<Opportunity>> corpora() {
    return ArbitrariesForRanking.corpora(40);
  }

  @Provide
  Arbitrary<Profile> profiles() {
    return ArbitrariesForRanking.profiles();
  }

  @Provide
  Arbitrary<Map<String, String>> audits() {
    return ArbitrariesForRanking.audits();
  }

  // ---------------------------------------------------------------- properties

  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
  void noReturnedMatchViolatesAHardFilter(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("profiles") Profile profile) {
    MatchResult result;
    try (MatchingEngine engine = indexed(corpus, 7, 3)) {
      result = engine.match(profile, ALL);
    }
    Map<String, Opportunity> byId = byId(corpus);
    Statistics.label("matches").collect(result.matches().isEmpty() ? "none" : "some");
    for (Match m : result.matches()) {
      Opportunity o = byId.get(m.opportunityId());
      assertThat(REFERENCE.violations(profile, o, TODAY))
          .as("rules of the domain that match %s breaks for the profile", o.id())
          .isEmpty();
    }
  }

  @Property(tries = 150, shrinking = ShrinkingMode.BOUNDED)
  void everyExcludedOpportunityBreaksARuleOfTheDomain(
      @ForAll("corpora") List<Opportunity> corpus, @ForAll("profiles") Profile profile) {
    MatchResult result;
    try (MatchingEngine engine = indexed(corpus, 7, 0)) {
      result = engine.match(profile, ALL);
    }
    Set<String> offered =
        result.matches().stream().map(Match::opportunityId).collect(Collectors.toSet());
    for (Opportunity o : corpus) {
      if (!offered.contains(o.id())) {
        assertThat(REFERENCE.violations(profile, o, TODAY))
            .as("the engine excluded %s, so it must break a rule of the domain", o.id())
            .isNotEmpty();
      }
    }
  }

  @Property(tries = 100, shrinking = ShrinkingMode.BOUNDED)
  void theEngineRanksLikeTheReference(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll @IntRange(min = 1, max = 12) int k,
      @ForAll @IntRange(min = 1, max = 9) int batch,
      @ForAll @IntRange(min = 2, max = 9) int deleteStride) {
    MatchResult result;
    try (MatchingEngine engine = indexed(corpus, batch, deleteStride)) {
      result = engine.match(profile, ALL.withTopK(k));
    }
    ReferenceRanker.Ranking expected =
        REFERENCE.rank(surviving(corpus, deleteStride), profile, TODAY);

    assertThat(result.matches()).extracting(Match::opportunityId)
        .as("the engine's top %s, in order", k)
        .containsExactlyElementsOf(expected.topIds(k));
    assertThat(result.matches()).extracting(Match::score)
        .as("the engine's scores, rounded to four decimals")
        .containsExactlyElementsOf(expected.topScores(k));
    assertThat(result.excluded())
        .as("exclusions per filter")
        .containsExactlyEntriesOf(expected.excluded());
  }

  @Property(tries = 200, shrinking = ShrinkingMode.BOUNDED)
  void raisingALanguageLevelNeverLowersAScore(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll("languages") String language,
      @ForAll @IntRange(min = 1, max = 5) int levels) {
    Profile stronger = raised(profile, language, levels);
    MatchResult before;
    MatchResult after;
    try (MatchingEngine engine = indexed(corpus, 40, 0)) {
      before = engine.match(profile, ALL);
      after = engine.match(stronger, ALL);
    }
    Map<String, Double> raisedScores = after.matches().stream()
        .collect(Collectors.toMap(Match::opportunityId, Match::score));

    for (Match m : before.matches()) {
      assertThat(raisedScores)
          .as("%s stays admitted with %s raised by %s levels", m.opportunityId(), language, levels)
          .containsKey(m.opportunityId());
      assertThat(raisedScores.get(m.opportunityId()))
          .as("score of %s with %s raised by %s levels", m.opportunityId(), language, levels)
          .isGreaterThanOrEqualTo(m.score());
    }
  }

  @Provide
  Arbitrary<String> languages() {
    return net.jqwik.api.Arbitraries.of(ArbitrariesForRanking.LANGUAGES);
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void auditFieldsNeverChangeAResult(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll("audits") Map<String, String> audit) {
    try (MatchingEngine engine = indexed(corpus, 5, 0)) {
      MatchResult plain = engine.match(profile, ALL);
      MatchResult audited = engine.match(profile.toBuilder().audit(audit).build(), ALL);
      assertThat(audited).as("the result with audit fields %s", audit).isEqualTo(plain);
    }
  }

  @Property(tries = 60, shrinking = ShrinkingMode.BOUNDED)
  void theSameInputGivesTheSameOutputWhateverTheInsertionOrder(
      @ForAll("corpora") List<Opportunity> corpus,
      @ForAll("profiles") Profile profile,
      @ForAll long shuffleSeed) {
    List<Opportunity> shuffled = new ArrayList<>(corpus);
    Collections.shuffle(shuffled, new Random(shuffleSeed));
    try (MatchingEngine inOrder = indexed(corpus, 40, 0);
        MatchingEngine shuffledInSegments = indexed(shuffled, 3, 0)) {
      assertThat(shuffledInSegments.match(profile, ALL))
          .as("the result from a shuffled corpus indexed in small segments")
          .isEqualTo(inOrder.match(profile, ALL));
    }
  }

  // ---------------------------------------------------------------- indexing

  /**
   * An engine over {@code corpus}, upserted in batches of {@code batch} with a refresh after each
   * (so there are several segments), then with every opportunity at index {@code i % deleteStride
   * == 1} deleted (none when it is 0) and every fifth replaced by itself (so older segments
   * carry deletions).
   */
  private static MatchingEngine indexed(List<Opportunity> corpus, int batch, int deleteStride) {
    MatchingEngine engine = MatchingEngine.builder().taxonomy(TAXONOMY).build();
    for (int from = 0; from < corpus.size(); from += batch) {
      engine.upsertAll(corpus.subList(from, Math.min(corpus.size(), from + batch)));
      engine.refresh();
    }
    for (int i = 0; i < corpus.size(); i++) {
      if (deleteStride > 0 && i % deleteStride == 1) {
        engine.delete(corpus.get(i).id());
      } else if (i % 5 == 0) {
        engine.upsert(corpus.get(i));
      }
    }
    engine.refresh();
    return engine;
  }

  /** What {@link #indexed} leaves visible, for a corpus in id order. */
  private static List<Opportunity> surviving(List<Opportunity> corpus, int deleteStride) {
    List<Opportunity> out = new ArrayList<>();
    for (int i = 0; i < corpus.size(); i++) {
      if (i % deleteStride != 1) {
        out.add(corpus.get(i));
      }
    }
    return out;
  }

  private static Map<String, Opportunity> byId(List<Opportunity> corpus) {
    return corpus.stream().collect(Collectors.toMap(Opportunity::id, Function.identity()));
  }

  /** The profile with its best level in {@code language} raised by {@code levels} (at most C2). */
  private static Profile raised(Profile p, String language, int levels) {
    int best = Cefr.rankOf(p.levelIn(language));
    Cefr higher = Cefr.values()[Math.min(Cefr.values().length, best + levels) - 1];
    List<LanguageSkill> skills = new ArrayList<>();
    for (LanguageSkill s : p.languages()) {
      if (!s.language().equals(language)) {
        skills.add(s);
      }
    }
    skills.add(LanguageSkill.of(language, higher));
    return p.toBuilder().languages(skills).build();
  }

  private static OccupationTaxonomy shippedTaxonomy() {
    try {
      return OccupationTaxonomy.fromTsv(
          Path.of(System.getProperty("passgenau.data"), "taxonomy", "occupations.tsv"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
