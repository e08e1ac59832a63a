package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exit codes: 2 and a message naming the option for usage errors (also an invalid rule file), 1 for
 * files that are missing.
 */
class ExitCodeTest {

  @TempDir Path dir;
  private String opportunities;
  private String profiles;

  @BeforeEach
  void copyFixtures() {
    opportunities = CliRun.fixture(dir, "opportunities.jsonl").toString();
    profiles = CliRun.fixture(dir, "profiles.jsonl").toString();
  }

  private CliRun matchWith(String option, String value) {
    return CliRun.of("match", "--opportunities", opportunities, "--profiles", profiles,
        option, value);
  }

  @Test
  void topOfZeroIsAUsageError() {
    CliRun run = matchWith("--top", "0");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--top").contains("was 0");
    assertThat(run.out()).as("no results").isEmpty();
  }

  @Test
  void impossibleDateIsAUsageError() {
    CliRun run = matchWith("--as-of", "2026-13-01");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--as-of").contains("2026-13-01");
  }

  @Test
  void languageWithoutExplanationsIsAUsageError() {
    CliRun run = matchWith("--lang", "fr");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--lang").contains("'fr'");
  }

  @Test
  void unknownFormatIsAUsageError() {
    CliRun run = matchWith("--format", "xml");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--format").contains("'xml'");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRun run = matchWith("--best", "5");

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("Unknown option").contains("--best");
  }

  @Test
  void missingProfilesOptionIsAUsageError() {
    CliRun run = CliRun.of("match", "--opportunities", opportunities);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--profiles");
  }

  @Test
  void opportunitiesMayOnlyBeLeftOutWithAKeptIndex() {
    CliRun run = CliRun.of("match", "--profiles", profiles,
        "--index", dir.resolve("empty").toString());

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("--opportunities").contains("holds no index");
  }

  @Test
  void missingInputFileFailsNamingThePath() {
    String missing = dir.resolve("nowhere.jsonl").toString();

    CliRun run = CliRun.of("match", "--opportunities", missing, "--profiles", profiles);

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err()).as("message").contains("file not found").contains(missing);
  }

  @Test
  void missingTaxonomyFailsNamingThePath() {
    String missing = dir.resolve("occupations.tsv").toString();

    CliRun run = matchWith("--taxonomy", missing);

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err()).as("message").contains(missing);
  }

  @Test
  void anInvalidRuleFileIsAUsageErrorNamingEachFieldAndValue() throws IOException {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"name\": \"x\", \"version\": \"1\","
        + " \"filters\": {\"commute\": \"yes\"}, \"scorers\": {\"distance\": 1.7}}");

    CliRun run = matchWith("--rules", rules.toString());

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message")
        .contains("--rules")
        .contains(rules + ": filters.commute: must be true or false, was \"yes\"")
        .contains(rules + ": scorers.distance: must be between 0 and 1, was 1.7");
    assertThat(run.out()).as("no results").isEmpty();
  }

  @Test
  void theRuleFileIsCheckedBeforeAnyInputIsRead() throws IOException {
    Path rules = dir.resolve("rules.json");
    Files.writeString(rules, "{\"name\": \"x\", \"version\": \"1\", \"scorers\": {\"langauge\": 0.2}}");

    CliRun run = CliRun.of("match", "--opportunities", dir.resolve("nowhere.jsonl").toString(),
        "--profiles", profiles, "--rules", rules.toString());

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message")
        .contains("scorers.langauge: unknown scorer \"langauge\", did you mean \"language\"?")
        .doesNotContain("nowhere.jsonl");
  }

  @Test
  void missingRuleFileFailsNamingThePath() {
    String missing = dir.resolve("rules.json").toString();

    CliRun run = matchWith("--rules", missing);

    assertThat(run.exitCode()).as("exit code").isEqualTo(1);
    assertThat(run.err()).as("message").contains("file not found").contains(missing);
  }

  @Test
  void noSubcommandIsAUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("message").contains("match");
  }

  @Test
  void helpListsTheMatchCommandAndSucceeds() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(run.out()).as("help").contains("Usage: passgenau").contains("match");
  }

  @Test
  void matchHelpShowsEveryOption() {
    CliRun run = CliRun.of("match", "--help");

    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(run.out()).as("help").contains("--opportunities", "--profiles", "--top", "--out",
        "--format", "--rejects", "--index", "--as-of", "--lang", "--taxonomy", "--rules");
  }

  @Test
  void versionNamesTheRuleSet() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).as("exit code").isZero();
    assertThat(run.out()).as("version").startsWith("passgenau ").contains("rule set default");
  }
}
