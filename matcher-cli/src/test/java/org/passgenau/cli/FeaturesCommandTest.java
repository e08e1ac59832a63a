package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.eval.Qrels;
import org.passgenau.rank.RuleSet;

/** {@code passgenau features} on the sample data and its synthetic qrels. */
class FeaturesCommandTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final Pattern SVMLIGHT =
      Pattern.compile("(\\d+) qid:(\\d+)((?: \\d+:-?[0-9.]+)+) # (\\S+) (\\S+)");

  @TempDir Path dir;

  private static CliRun features(String... extra) {
    List<String> args = new ArrayList<>(List.of("features",
        "--opportunities", DATA.resolve("opportunities.jsonl").toString(),
        "--profiles", DATA.resolve("profiles.jsonl").toString(),
        "--as-of", "2026-11-23", "--depth", "5"));
    args.addAll(Arrays.asList(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void csvHasTheHeaderAndLabelsFromTheQrels() throws IOException {
    Path qrels = DATA.resolve("eval/qrels.txt");
    CliRun run = features("--qrels", qrels.toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    String[] rows = run.out().split("\n");
    assertThat(rows[0]).isEqualTo("profile_id,opportunity_id,label,score,"
        + String.join(",", RuleSet.SCORERS));
    Qrels judged = Qrels.read(qrels);
    int labelled = 0;
    for (int i = 1; i < rows.length; i++) {
      String[] cells = rows[i].split(",");
      assertThat(cells).hasSize(4 + RuleSet.SCORERS.size());
      int expected = judged.judgments(cells[0]).getOrDefault(cells[1], 0);
      assertThat(Integer.parseInt(cells[2])).as("label of %s for %s", cells[1], cells[0]).isEqualTo(expected);
      labelled += expected > 0 ? 1 : 0;
    }
    assertThat(rows.length - 1).as("rows: at most 5 per profile").isBetween(100, 168 * 5);
    assertThat(labelled).as("rows with a relevant label").isPositive();
    assertThat(run.err()).contains("features: 1 occupation, 2 skills, 3 qualification_level")
        .contains("wrote " + (rows.length - 1) + " lines for 168 profiles");
  }

  @Test
  void aWishedForOccupationIsWrittenAsTheNineTenthsTheRulesState() {
    // P-001 wishes for the occupation of its best match: the occupation feature is 0.9.
    CliRun run = features();

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    String first = run.out().split("\n")[1];
    assertThat(first).startsWith("P-001,E-0022,");
    assertThat(first.split(",")[4 + RuleSet.SCORERS.indexOf("occupation")]).isEqualTo("0.9");
    assertThat(run.out()).as("no single-precision value widened to double")
        .doesNotContain("0.8999999761581421");
  }

  @Test
  void svmlightLinesAreGroupedByAscendingQidAndNameTheirIds() throws IOException {
    Path out = dir.resolve("train.txt");
    Path names = dir.resolve("names.txt");
    CliRun run = features("--format", "svmlight", "--out", out.toString(),
        "--feature-names", names.toString(), "--qrels", DATA.resolve("eval/qrels.txt").toString());

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    List<String> lines = Files.readAllLines(out);
    assertThat(lines).isNotEmpty();
    int lastQid = 0;
    Set<String> seenProfiles = new LinkedHashSet<>();
    String lastProfile = null;
    for (String line : lines) {
      Matcher m = SVMLIGHT.matcher(line);
      assertThat(m.matches()).as("line %s", line).isTrue();
      int qid = Integer.parseInt(m.group(2));
      String profile = m.group(4);
      assertThat(qid).as("qids never go back").isGreaterThanOrEqualTo(lastQid);
      if (!profile.equals(lastProfile)) {
        assertThat(seenProfiles.add(profile)).as("%s's lines are together", profile).isTrue();
        assertThat(qid).as("a new profile, a new qid").isGreaterThan(lastQid);
      }
      lastQid = qid;
      lastProfile = profile;
      assertThat(m.group(3).trim().split(" ")).hasSize(RuleSet.SCORERS.size());
    }
    assertThat(lines.get(0)).as("the first profile of the file has qid 1").contains(" qid:1 ")
        .contains(" # P-001 ");
    List<String> expectedNames = new ArrayList<>();
    for (int i = 0; i < RuleSet.SCORERS.size(); i++) {
      expectedNames.add((i + 1) + " " + RuleSet.SCORERS.get(i));
    }
    assertThat(Files.readAllLines(names)).isEqualTo(expectedNames);
  }

  @Test
  void withoutQrelsEveryLabelIsZero() {
    CliRun run = features("--format", "svmlight");

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    assertThat(run.out().split("\n")).allSatisfy(line -> assertThat(line).startsWith("0 qid:"));
  }

  @Test
  void aRuleFileWithACustomScorerAddsItsColumnAndTheSameInputGivesTheSameOutput() throws IOException {
    Path rules = dir.resolve("pay.json");
    Files.writeString(rules, "{\"name\": \"pay\", \"version\": \"1\", \"scorers\": {\"pay\": 0.1}}");

    CliRun first = features("--rules", rules.toString());
    CliRun second = features("--rules", rules.toString());

    assertThat(first.exitCode()).as("exit code; stderr: %s", first.err()).isZero();
    assertThat(first.out().lines().findFirst().orElseThrow()).endsWith(",childcare_support,pay");
    assertThat(second.out()).as("a second run").isEqualTo(first.out());
  }

  @Test
  void anUnknownFormatOrRuleIsAUsageError() throws IOException {
    Path rules = dir.resolve("wage.json");
    Files.writeString(rules, "{\"name\": \"wage\", \"version\": \"1\", \"scorers\": {\"wage\": 0.1}}");

    CliRun format = features("--format", "ranklib");
    CliRun rule = features("--rules", rules.toString());

    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("expected csv or svmlight, was 'ranklib'");
    assertThat(rule.exitCode()).isEqualTo(2);
    assertThat(rule.err()).contains("scorers.wage: unknown scorer \"wage\"");
  }
}
