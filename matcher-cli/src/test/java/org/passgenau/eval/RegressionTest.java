package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The regression files in data/eval/regressions: each shipped rule set, ranked and evaluated on
 * the inputs its file names, scores the means its file expects, to four decimals. A change that
 * moves a metric fails here and prints the new values.
 *
 * <p>To accept intended changes, rewrite the files with {@value #UPDATE_COMMAND} and commit them
 * with the reason the numbers moved.
 */
class RegressionTest {

  static final String UPDATE_COMMAND = "mvn -B -ntp -q test -pl matcher-cli -am"
      + " -Dtest=RegressionTest -Dsurefire.failIfNoSpecifiedTests=false -DfailIfNoTests=false"
      + " -Dpassgenau.regressions.update=true";

  private static final Path ROOT = SampleData.DATA.toAbsolutePath().normalize().getParent();
  private static final Path RULES = SampleData.DATA.resolve("rules");
  private static final Path REGRESSIONS = SampleData.DATA.resolve("eval/regressions");
  private static final boolean UPDATE = Boolean.getBoolean("passgenau.regressions.update");

  static Stream<Path> regressionFiles() throws IOException {
    return jsonFiles(REGRESSIONS).stream();
  }

  private static List<Path> jsonFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("regressionFiles")
  void shippedRuleSetScoresWhatItsRegressionFileExpects(Path file)
      throws IOException, InterruptedException {
    Regression expected = Regression.read(file);
    Evaluation actual = expected.evaluate(ROOT);
    Regression now = expected.withResults(actual);

    if (UPDATE) {
      if (!now.toJson().equals(Files.readString(file))) {
        now.write(file);
        System.out.println("updated " + file + ": " + expected.differences(actual));
      }
      return;
    }
    assertThat(expected.differences(actual))
        .as("%s: the means moved. If the change is intended, rewrite the regression files with%n"
            + "  %s%nand commit them, saying why the numbers moved. The new file:%n%s",
            file, UPDATE_COMMAND, now.toJson())
        .isEmpty();
  }

  @Test
  void everyShippedRuleFileHasARegressionFile() throws IOException {
    for (Path rules : jsonFiles(RULES)) {
      Path regression = REGRESSIONS.resolve(rules.getFileName());
      assertThat(regression).as("regression file for %s", rules).exists();
      assertThat(Regression.read(regression).rules()).as("rule file named in %s", regression)
          .isEqualTo("data/rules/" + rules.getFileName());
    }
    assertThat(jsonFiles(REGRESSIONS)).as("a regression file per rule file, no more")
        .hasSameSizeAs(jsonFiles(RULES));
  }

  @Test
  void regressionFilesNameTheSampleDataAtTheQrelsDateAndKTen() throws IOException {
    for (Path file : jsonFiles(REGRESSIONS)) {
      Regression regression = Regression.read(file);
      assertThat(regression.opportunities()).as(file.toString())
          .isEqualTo("data/opportunities.jsonl");
      assertThat(regression.profiles()).isEqualTo("data/profiles.jsonl");
      assertThat(regression.qrels()).isEqualTo("data/eval/qrels.txt");
      assertThat(regression.taxonomy()).isEqualTo("data/taxonomy/occupations.tsv");
      assertThat(regression.asOf()).isEqualTo(SampleData.AS_OF);
      assertThat(regression.k()).isEqualTo(10);
      assertThat(regression.depth()).isEqualTo(RuleSetRunner.depthFor(10));
    }
  }

  @Test
  void regressionFilesAreWrittenAsTheirWriterWritesThem() throws IOException {
    assumeFalse(UPDATE, "the files are being rewritten");
    for (Path file : jsonFiles(REGRESSIONS)) {
      assertThat(Files.readString(file)).as("%s; rewrite it with %s", file, UPDATE_COMMAND)
          .isEqualTo(Regression.read(file).toJson());
    }
  }
}
