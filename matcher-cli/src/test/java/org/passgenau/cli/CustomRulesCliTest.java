package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code match --rules} with the custom rules installed for the tests (docs/custom-rules.md). */
class CustomRulesCliTest {

  @TempDir Path dir;
  private Path opportunities;
  private Path profiles;

  @BeforeEach
  void writeInputs() throws IOException {
    opportunities = dir.resolve("opportunities.jsonl");
    Files.writeString(opportunities, String.join("\n",
        opportunity("V-1", 1600, "2026-11-01"),
        opportunity("V-2", 2800, "2026-11-02"),
        opportunity("V-3", 3000, "2026-01-02")) + "\n");
    profiles = dir.resolve("profiles.jsonl");
    Files.writeString(profiles, "{\"id\":\"P-1\",\"location\":{\"lat\":51.2562,\"lon\":6.3905,"
        + "\"place\":\"Viersen\",\"region\":\"DE-NW\",\"country\":\"DE\"}}\n");
  }

  private static String opportunity(String id, int eur, String posted) {
    return "{\"id\":\"" + id + "\",\"kind\":\"vacancy\",\"title\":\"Lagerhelfer (m/w/d)\","
        + "\"occupation\":{\"isco\":\"9333\"},\"location\":{\"lat\":51.3388,\"lon\":6.5853,"
        + "\"place\":\"Krefeld\",\"region\":\"DE-NW\",\"country\":\"DE\"},"
        + "\"monthly_gross_eur\":" + eur + ",\"posted_date\":\"" + posted + "\"}";
  }

  private CliRun match(Path rules) {
    return CliRun.of("match", "--opportunities", opportunities.toString(),
        "--profiles", profiles.toString(), "--as-of", "2026-11-23", "--format", "csv",
        "--rules", rules.toString());
  }

  @Test
  void aRuleFileSwitchesOnInstalledCustomRules() throws IOException {
    Path rules = dir.resolve("pay.json");
    Files.writeString(rules, "{\"name\": \"pay\", \"version\": \"1\","
        + " \"filters\": {\"recent_posting\": true}, \"scorers\": {\"pay\": 0.1}}");

    CliRun run = match(rules);

    assertThat(run.exitCode()).as("exit code; stderr: %s", run.err()).isZero();
    String[] rows = run.out().split("\n");
    assertThat(rows).as("header and matches").hasSize(3);
    assertThat(rows[1]).as("best match").contains("V-2").contains("Pays 2,800 EUR gross a month");
    assertThat(rows[2]).as("second match").contains("V-1");
  }

  @Test
  void aRuleFileNamingAnUnknownCustomRuleIsAUsageError() throws IOException {
    Path rules = dir.resolve("wage.json");
    Files.writeString(rules, "{\"name\": \"wage\", \"version\": \"1\", \"scorers\": {\"wage\": 0.1}}");

    CliRun run = match(rules);

    assertThat(run.exitCode()).as("exit code").isEqualTo(2);
    assertThat(run.err()).as("stderr").contains(rules + ": scorers.wage: unknown scorer \"wage\"")
        .contains("; custom: pay)");
  }
}
