package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.cli.Main;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/** Ranking every sample profile by a rule set, for evaluation. */
class RuleSetRunnerTest {

  private static RuleSetRanking byDefault;

  @BeforeAll
  static void rankTheSampleDataByTheDefaultRules() throws InterruptedException {
    byDefault = SampleData.runner().build().rank(SampleData.rules("default"), SampleData.PROFILES);
  }

  @Test
  void ranksExactlyWhatMatchWritesForTheSameInput(@TempDir Path dir) throws IOException {
    Path run = dir.resolve("match.txt");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(new String[] {"match",
        "--rules", SampleData.DATA.resolve("rules/default.json").toString(),
        "--opportunities", SampleData.DATA.resolve("opportunities.jsonl").toString(),
        "--profiles", SampleData.DATA.resolve("profiles.jsonl").toString(),
        "--taxonomy", SampleData.DATA.resolve("taxonomy/occupations.tsv").toString(),
        "--as-of", "2026-11-23", "--top", "100", "--format", "trec", "--out", run.toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).as("match exit code; stderr: %s", err).isZero();

    StringWriter written = new StringWriter();
    byDefault.writeTrec(written);

    assertThat(written.toString()).as("the runner's TREC run, byte for byte")
        .isEqualTo(Files.readString(run));
    assertThat(byDefault.rankings()).as("rankings in the rank column's order")
        .isEqualTo(inRankOrder(Files.readAllLines(run)));
  }

  /** A run file's rankings in the order of its lines, which is the order of its rank column. */
  private static Map<String, List<String>> inRankOrder(List<String> lines) {
    Map<String, List<String>> rankings = new LinkedHashMap<>();
    for (String line : lines) {
      String[] fields = line.split(" ");
      rankings.computeIfAbsent(fields[0], p -> new ArrayList<>()).add(fields[2]);
    }
    return rankings;
  }

  @Test
  void everyProfileIsRankedInTheOrderGiven() {
    assertThat(byDefault.profiles()).as("profiles")
        .containsExactlyElementsOf(SampleData.PROFILES.stream().map(Profile::id).toList());
    assertThat(byDefault.ruleSet()).isEqualTo("default");
    assertThat(byDefault.asOf()).isEqualTo(SampleData.AS_OF);
  }

  @Test
  void rankingsStopAtTheDepth() throws InterruptedException {
    RuleSetRanking shallow = SampleData.runner().depth(5).build()
        .rank(SampleData.rules("default"), SampleData.PROFILES);

    assertThat(shallow.depth()).isEqualTo(5);
    for (String profile : shallow.profiles()) {
      List<String> deep = byDefault.rankings().get(profile);
      assertThat(shallow.rankings().get(profile)).as(profile)
          .isEqualTo(deep.subList(0, Math.min(5, deep.size())));
    }
  }

  @Test
  void defaultDepthIsAHundredOrKWhicheverIsLarger() {
    assertThat(RuleSetRunner.depthFor(10)).isEqualTo(100);
    assertThat(RuleSetRunner.depthFor(250)).isEqualTo(250);
    assertThat(byDefault.depth()).isEqualTo(RuleSetRunner.DEFAULT_DEPTH);
  }

  @Test
  void oneThreadRanksAsManyDo() throws InterruptedException {
    RuleSetRanking alone = SampleData.runner().threads(1).build()
        .rank(SampleData.rules("default"), SampleData.PROFILES);

    assertThat(alone.rankings()).isEqualTo(byDefault.rankings());
  }

  @Test
  void listenerHearsOfEveryProfileInTurn() throws InterruptedException {
    List<String> heard = new ArrayList<>();
    List<Profile> some = SampleData.PROFILES.subList(0, 30);

    SampleData.runner().threads(3).listener((done, total) -> heard.add(done + "/" + total))
        .build().rank(SampleData.rules("default"), some);

    assertThat(heard).hasSize(30).startsWith("1/30", "2/30").endsWith("30/30");
  }

  @Test
  void resultListenerSeesEveryWholeResultInTheProfilesOrder() throws InterruptedException {
    List<Profile> some = SampleData.PROFILES.subList(0, 30);
    List<String> heard = new ArrayList<>();
    List<MatchResult> results = new ArrayList<>();

    RuleSetRanking ranking = SampleData.runner().threads(3)
        .listener((done, total) -> heard.add("ranked " + done))
        .build().rank(SampleData.rules("default"), some, (profile, result) -> {
          heard.add("result " + profile.id());
          results.add(result);
        });

    assertThat(heard).as("each result before the listener hears of it, in order")
        .startsWith("result " + some.get(0).id(), "ranked 1", "result " + some.get(1).id())
        .hasSize(60).endsWith("ranked 30");
    List<MatchResult> direct;
    try (MatchingEngine engine = MatchingEngine.builder().ruleSet(SampleData.rules("default"))
        .taxonomy(SampleData.TAXONOMY).build()) {
      engine.upsertAll(SampleData.OPPORTUNITIES);
      engine.refresh();
      MatchOptions options = new MatchOptions(ranking.depth(), SampleData.AS_OF, Locale.ENGLISH);
      direct = some.stream().map(p -> engine.match(p, options)).toList();
    }
    assertThat(results).as("the engine's whole results, explanations and exclusions included")
        .isEqualTo(direct);
    assertThat(results).flatExtracting(MatchResult::matches).isNotEmpty()
        .allSatisfy(match -> assertThat(match.explanation()).isNotEmpty());
  }

  @Test
  void profileWithNothingLeftHasAnEmptyRankingThatCountsAsZero() throws InterruptedException {
    RuleSetRanking nothingOffered = RuleSetRunner.builder(List.of()).asOf(SampleData.AS_OF)
        .build().rank(SampleData.rules("default"), SampleData.PROFILES);

    assertThat(nothingOffered.rankings()).hasSize(SampleData.PROFILES.size())
        .allSatisfy((profile, ranking) -> assertThat(ranking).isEmpty());
    Evaluation evaluation = nothingOffered.evaluate(SampleData.QRELS, 10);
    assertThat(evaluation.perProfile()).hasSize(SampleData.QRELS.profiles().size());
    assertThat(evaluation.mean(Metric.NDCG_AT_K)).isZero();
  }

  @Test
  void profileGivenTwiceIsRefused() {
    Profile first = SampleData.PROFILES.get(0);

    assertThatThrownBy(() -> SampleData.runner().build()
        .rank(SampleData.rules("default"), List.of(first, first)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(first.id()).hasMessageContaining("twice");
  }

  @Test
  void trecEvalsReadingDiffersOnlyInTheOrderOfEqualScores() {
    Map<String, List<String>> asRead = byDefault.toTrecRun().rankings();
    int reordered = 0;
    for (String profile : byDefault.profiles()) {
      List<RuleSetRanking.Ranked> engine = byDefault.ranking(profile);
      List<String> read = asRead.getOrDefault(profile, List.of());
      assertThat(read).as(profile).containsExactlyInAnyOrderElementsOf(
          byDefault.rankings().get(profile));
      for (int i = 0; i < read.size(); i++) {
        if (!read.get(i).equals(engine.get(i).opportunityId())) {
          String other = read.get(i);
          double otherScore = engine.stream().filter(r -> r.opportunityId().equals(other))
              .findFirst().orElseThrow().score();
          assertThat(otherScore).as("%s rank %s: only equal scores swap places", profile, i + 1)
              .isEqualTo(engine.get(i).score());
        }
      }
      if (!read.equals(byDefault.rankings().get(profile))) {
        reordered++;
      }
    }
    assertThat(reordered).as("profiles with ties that trec_eval orders otherwise").isPositive();
  }

  @Test
  void evaluatesTheRankingsAsTrecEvalReadsTheRunFile() throws IOException {
    StringWriter file = new StringWriter();
    byDefault.writeTrec(file);
    TrecRun read = TrecRun.read(new BufferedReader(new StringReader(file.toString())), "run");

    Evaluation evaluated = byDefault.evaluate(SampleData.QRELS, 10);

    assertThat(evaluated.perProfile())
        .as("the values of evaluate --run on the file, profile by profile")
        .isEqualTo(Evaluation.of(read, SampleData.QRELS, 10).perProfile());
    assertThat(evaluated.perProfile()).as("and not those of match's order, where ties differ")
        .isNotEqualTo(Evaluation.of(byDefault.rankings(), SampleData.QRELS, 10).perProfile());
  }

  @Test
  void kBeyondTheDepthIsRefused() {
    assertThatThrownBy(() -> byDefault.evaluate(SampleData.QRELS, 101))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("depth");
  }
}
