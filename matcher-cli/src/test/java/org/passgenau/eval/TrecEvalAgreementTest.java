package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every per-profile value and mean agrees with trec_eval 9.0.4's output for the fixtures, to the
 * four decimals trec_eval prints. The fixtures and the commands that made the expected output are
 * described in {@code src/test/resources/org/passgenau/eval/README.md}. Unlike {@link
 * TrecEvalPropertiesTest}, which runs trec_eval itself, this runs on every machine.
 */
class TrecEvalAgreementTest {

  /** trec_eval prints %6.4f: a value agrees when it rounds to the printed one. */
  private static final double FOUR_DECIMALS = 0.00005 + 1e-12;

  static Stream<Arguments> fixturesAndCutoffs() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (String fixture : new String[] {"edge-cases", "random"}) {
      for (MissingRankings missing : MissingRankings.values()) {
        for (int k : new int[] {5, 10, 20}) {
          cases.add(Arguments.of(fixture, missing, k));
        }
      }
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0}, {1}, k={2}")
  @MethodSource("fixturesAndCutoffs")
  void everyValueAgreesWithTrecEvalToFourDecimals(String fixture, MissingRankings missing, int k)
      throws IOException {
    TrecRun run = TrecRun.read(reader(fixture + ".run"), fixture + ".run");
    Qrels qrels = Qrels.read(reader(fixture + ".qrels"), fixture + ".qrels");
    String expectedFile = fixture
        + (missing == MissingRankings.SCORE_ZERO ? ".complete" : "") + ".trec_eval.txt";
    Map<String, Map<String, Double>> expected = trecEvalOutput(expectedFile);

    Evaluation evaluation = Evaluation.of(run, qrels, k, missing);

    TreeSet<String> printed = new TreeSet<>(expected.keySet());
    printed.remove("all");
    TreeSet<String> averaged = new TreeSet<>(printed);
    if (missing == MissingRankings.SCORE_ZERO) {
      // trec_eval -c averages judged profiles without results in as 0, but prints no line of them.
      averaged.addAll(evaluation.profilesWithoutRanking());
    }
    assertThat(evaluation.profiles()).as("the profiles trec_eval averaged over")
        .containsExactlyElementsOf(averaged);
    SoftAssertions softly = new SoftAssertions();
    for (Metric metric : Metric.values()) {
      String name = metric.trecEvalName(k);
      printed.forEach(profile ->
          softly.assertThat(evaluation.perProfile().get(profile).get(metric))
              .as("%s of %s", name, profile)
              .isCloseTo(expected.get(profile).get(name), within(FOUR_DECIMALS)));
      softly.assertThat(evaluation.mean(metric)).as("mean %s", name)
          .isCloseTo(expected.get("all").get(name), within(FOUR_DECIMALS));
    }
    softly.assertAll();
  }

  private static BufferedReader reader(String name) {
    InputStream in = TrecEvalAgreementTest.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** trec_eval -q output, "measure \t query \t value" lines: value by measure, per query. */
  private static Map<String, Map<String, Double>> trecEvalOutput(String name) {
    Map<String, Map<String, Double>> values = new HashMap<>();
    try (BufferedReader in = reader(name)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] fields = line.trim().split("\\s+");
        values.computeIfAbsent(fields[1], q -> new HashMap<>())
            .put(fields[0], Double.parseDouble(fields[2]));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return values;
  }
}
