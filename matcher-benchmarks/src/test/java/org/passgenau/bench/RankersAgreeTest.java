package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passgenau.bench.peer.BruteForceRanker;
import org.passgenau.bench.peer.FunctionScoreRanker;
import org.passgenau.bench.peer.Ranked;
import org.passgenau.model.Availability;
import org.passgenau.model.Family;
import org.passgenau.model.Level;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The three rankers of {@link RankingBenchmark} compare equals: on generated corpora the engine,
 * the brute-force ranker (the reference implementation of the rules, {@code
 * org.passgenau.testkit.ReferenceRanker}) and the Lucene function-score peer return the same top
 * 20, in the same order and with the same rounded scores, for every profile.
 */
class RankersAgreeTest {

  @ParameterizedTest(name = "{0} opportunities, seed {1}")
  @CsvSource({"2000, 11", "5000, 29"})
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void allRankersReturnTheSameTop20(int opportunities, long seed) {
    CorpusGenerator generator = new CorpusGenerator(seed);
    assertAgree(generator.opportunities(opportunities), generator.profiles(50));
  }

  /**
   * The same on a corpus changed so that the corrected rules decide: levels only in KldB codes,
   * courses, postings without a start date, regulated neighbours of nursing and pharmacy, and
   * people with work bans, toleration, small children and stated night availability.
   */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void allRankersAgreeWhereTheCorrectedDomainRulesDecide() {
    CorpusGenerator generator = new CorpusGenerator(41);
    List<Opportunity> corpus = new ArrayList<>();
    List<Opportunity> generated = generator.opportunities(2000);
    String[] neighbours = {"2222", "2261", "2262", "3221"};
    for (int i = 0; i < generated.size(); i++) {
      Opportunity o = generated.get(i);
      Opportunity.Builder b = o.toBuilder();
      String isco = o.occupation() == null ? null : o.occupation().isco();
      if (i % 5 == 0 && o.level() != null && isco != null) {
        b.level(null).occupation(new Occupation(isco, "8130" + o.level().rank(), null, null));
      }
      if (i % 7 == 0) {
        b.kind(OpportunityKind.TRAINING);
      }
      if (i % 4 == 0) {
        b.startDate(null);
      }
      if (i % 9 == 0) {
        b.occupation(Occupation.isco(neighbours[i / 9 % neighbours.length]))
            .level(Level.SKILLED)
            .qualification(new QualificationRequirement(true, true, Recognition.FULL));
      }
      corpus.add(b.build());
    }
    List<Profile> profiles = new ArrayList<>();
    List<Profile> generatedProfiles = generator.profiles(60);
    for (int p = 0; p < generatedProfiles.size(); p++) {
      Profile.Builder b = generatedProfiles.get(p).toBuilder();
      switch (p % 6) {
        case 0 -> b.workPermit(new WorkPermit(PermitStatus.ASYLUM_PENDING, WorkBan.TEMPORARY,
            RankingBenchmark.OPTIONS.asOf().plusDays(90), true));
        case 1 -> b.workPermit(
            new WorkPermit(PermitStatus.TOLERATION, WorkBan.ABSOLUTE, null, null));
        case 2 -> b.family(new Family(1, 0, false, true))
            .availability(new Availability(null, null, null, null, true, null));
        case 3 -> b.family(new Family(2, 1, false, false))
            .availability(new Availability(null, null, null, null, null, null));
        case 4 -> b.qualification(new Qualification(Occupation.isco("2221"), Level.SKILLED, "SY",
            Recognition.FULL, 4.0));
        default -> b.qualification(new Qualification(Occupation.isco("2262"), Level.EXPERT, "UA",
            Recognition.FULL, 6.0));
      }
      profiles.add(b.build());
    }
    assertAgree(corpus, profiles);
  }

  private static void assertAgree(List<Opportunity> corpus, List<Profile> profiles) {
    OccupationTaxonomy taxonomy = RankingBenchmark.taxonomy();
    BruteForceRanker reference = new BruteForceRanker(corpus, RuleSet.defaults(), taxonomy);
    int nonEmpty = 0;
    try (MatchingEngine engine = RankingBenchmark.newEngine();
        FunctionScoreRanker peer = new FunctionScoreRanker(corpus, RuleSet.defaults(), taxonomy)) {
      engine.upsertAll(corpus);
      engine.refresh();
      for (Profile profile : profiles) {
        MatchResult result = engine.match(profile, RankingBenchmark.OPTIONS);
        List<String> engineIds = new ArrayList<>();
        List<Double> engineScores = new ArrayList<>();
        for (Match m : result.matches()) {
          engineIds.add(m.opportunityId());
          engineScores.add(m.score());
        }
        List<Ranked> brute = reference.rank(profile, RankingBenchmark.OPTIONS.asOf(), 20);
        List<Ranked> lucene = peer.rank(profile, RankingBenchmark.OPTIONS.asOf(), 20);

        assertThat(brute.stream().map(Ranked::id).toList())
            .as("brute force, profile %s", profile.id()).isEqualTo(engineIds);
        assertThat(brute.stream().map(Ranked::rounded).toList())
            .as("brute-force scores, profile %s", profile.id()).isEqualTo(engineScores);
        assertThat(lucene.stream().map(Ranked::id).toList())
            .as("function score, profile %s", profile.id()).isEqualTo(engineIds);
        assertThat(lucene.stream().map(Ranked::rounded).toList())
            .as("function-score scores, profile %s", profile.id()).isEqualTo(engineScores);
        if (!engineIds.isEmpty()) {
          nonEmpty++;
        }
      }
    }
    // The comparison means something only if most people get results.
    assertThat(nonEmpty).isGreaterThan(profiles.size() / 2);
  }

  /** Smoke run of the two peer benchmark methods through JMH: they set up, run and tear down. */
  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void peerBenchmarksRun() throws RunnerException {
    // An in-process smoke run measures nothing, so a measuring run elsewhere on the machine
    // (which holds JMH's lock file) need not stop it.
    System.setProperty("jmh.ignoreLock", "true");
    Options options = new OptionsBuilder()
        .include(RankingBenchmark.class.getName() + ".(luceneFunctionScore|bruteForce)$")
        .forks(0)
        .warmupIterations(0)
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .param("opportunities", "1000")
        .shouldFailOnError(true)
        .build();

    Collection<RunResult> results = new Runner(options).run();

    assertThat(results).hasSize(2);
    for (RunResult result : results) {
      assertThat(result.getPrimaryResult().getSampleCount()).isGreaterThan(0);
      assertThat(result.getPrimaryResult().getScore()).isPositive();
    }
  }
}
