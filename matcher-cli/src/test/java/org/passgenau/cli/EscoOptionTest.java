package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * {@code --esco DIR}: an ESCO download added to the shipped taxonomy (or the one given), so that
 * titles without a code are classified against ESCO too, on every command that ranks.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class EscoOptionTest {

  private static final Path DATA =
      Path.of(System.getProperty("passgenau.data", "../data")).toAbsolutePath().normalize();

  /** A watchmaker's post with a title and no code, and a person who wants to be one. */
  private static final String POST = "{\"id\":\"V-W\",\"kind\":\"vacancy\","
      + "\"title\":\"Uhrmacherin (m/w/d)\",\"occupation\":{\"title\":\"Uhrmacherin (m/w/d)\"},"
      + "\"level\":\"skilled\",\"qualification\":{\"required\":false,\"regulated\":false},"
      + "\"location\":{\"lat\":51.20539,\"lon\":6.44457,\"postal_code\":\"41061\","
      + "\"place\":\"Mönchengladbach\",\"region\":\"DE-NW\",\"country\":\"DE\"},"
      + "\"hours_per_week\":{\"min\":40,\"max\":40},\"posted_date\":\"2026-11-10\","
      + "\"open_positions\":1,\"employer\":{\"id\":\"E-1\",\"name\":\"Uhren Krefeld\"},"
      + "\"source\":\"ba-jobboerse\"}\n";
  private static final String PERSON = "{\"id\":\"P-W\","
      + "\"languages\":[{\"language\":\"de\",\"level\":\"B1\"}],"
      + "\"desired_occupations\":[{\"isco\":\"7311\"}],\"school\":\"upper_secondary\","
      + "\"location\":{\"lat\":51.1833,\"lon\":6.42039,\"postal_code\":\"41061\","
      + "\"place\":\"Mönchengladbach\",\"region\":\"DE-NW\",\"country\":\"DE\"},"
      + "\"mobility\":{\"max_commute_minutes\":45,\"driving_license\":[],\"car\":false},"
      + "\"work_permit\":{\"status\":\"residence_permit\",\"work_ban\":\"none\"}}\n";

  @TempDir Path dir;
  private Path esco;
  private Path posts;
  private Path people;

  @BeforeEach
  void writeInputs() throws IOException {
    esco = EscoFixture.write(dir.resolve("esco"));
    posts = Files.writeString(dir.resolve("posts.jsonl"), POST, StandardCharsets.UTF_8);
    people = Files.writeString(dir.resolve("people.jsonl"), PERSON, StandardCharsets.UTF_8);
  }

  private CliRun match(String... extra) {
    List<String> args = new ArrayList<>(List.of("match", "--opportunities", posts.toString(),
        "--profiles", people.toString(), "--as-of", "2026-11-23"));
    args.addAll(List.of(extra));
    return CliRun.of(args.toArray(String[]::new));
  }

  @Test
  void aTitleOnlyEscoKnowsIsRankedAsTheWishedForOccupation() {
    CliRun shipped = match();
    CliRun withEsco = match("--esco", esco.toString());

    assertThat(shipped.exitCode()).as(shipped.err()).isZero();
    assertThat(withEsco.exitCode()).as(withEsco.err()).isZero();
    assertThat(shipped.out()).as("the shipped taxonomy cannot place 'Uhrmacherin'")
        .contains("\"opportunity_id\":\"V-W\"")
        .doesNotContain("\"rule\":\"occupation\"");
    assertThat(withEsco.out()).as("ESCO classifies it to 7311, the wished-for unit group")
        .contains("\"rule\":\"occupation\"");
  }

  @Test
  void theSummaryNamesTheEscoFolderItsUnitGroupsTitlesAndLanguages() {
    OccupationTaxonomy shipped = OccupationTaxonomy.shipped();
    long shippedUnitGroups = shipped.groups().stream().filter(c -> c.length() == 4).count();
    long shippedTitles = 0;
    for (String isco : shipped.groups()) {
      for (String lang : List.of("de", "en", "nl")) {
        shippedTitles += shipped.titles(isco, lang).size();
      }
    }

    CliRun run = match("--esco", esco.toString());

    assertThat(run.err().lines()).as(run.err()).contains("taxonomy: shipped + ESCO " + esco
        + " (" + (shippedUnitGroups + 1) + " unit groups, " + (shippedTitles + EscoFixture.TITLES)
        + " titles in de, en, nl)");
  }

  @Test
  void everyCommandThatRanksTakesTheOption() {
    String opportunities = DATA.resolve("opportunities.jsonl").toString();
    String profiles = DATA.resolve("profiles.jsonl").toString();
    List<String> both = List.of("--opportunities", opportunities, "--profiles", profiles,
        "--as-of", "2026-11-23", "--esco", esco.toString());
    List<List<String>> commands = List.of(
        List.of("match", "--top", "1"),
        List.of("candidates", "--top", "1"),
        List.of("assign"),
        List.of("gaps", "--cohort"),
        List.of("audit"),
        List.of("features", "--out", dir.resolve("features.txt").toString()),
        List.of("evaluate", "--rules", DATA.resolve("rules/default.json").toString(),
            "--qrels", DATA.resolve("eval/qrels.txt").toString(), "--k", "5"));
    for (List<String> command : commands) {
      List<String> args = new ArrayList<>(command);
      args.addAll(both);
      CliRun run = CliRun.of(args.toArray(String[]::new));
      assertThat(run.exitCode()).as(command.get(0) + ": " + run.err()).isZero();
      assertThat(run.err()).as(command.get(0)).contains("taxonomy: shipped + ESCO " + esco);
    }
  }

  @Test
  void theEscoFolderIsAddedToTheTaxonomyFileGiven() throws IOException {
    Path small = Files.writeString(dir.resolve("care.tsv"),
        "isco\tkldb\tlevel\tlang\ttitle\n5321\t81301\t\tde\tPflegehelfer\n",
        StandardCharsets.UTF_8);

    CliRun run = match("--taxonomy", small.toString(), "--esco", esco.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).contains("taxonomy: " + small + " + ESCO " + esco + " (2 unit groups, "
        + (1 + EscoFixture.TITLES) + " titles in de, en, nl)");
  }

  @Test
  void aFolderThatIsMissingOrNoEscoDownloadIsAUsageErrorNamingIt() throws IOException {
    Path missing = dir.resolve("nowhere");
    Path empty = Files.createDirectory(dir.resolve("empty"));

    for (Path bad : List.of(missing, posts, empty)) {
      CliRun run = match("--esco", bad.toString());

      assertThat(run.exitCode()).as("exit code for %s: %s", bad, run.err()).isEqualTo(2);
      assertThat(run.err()).contains("--esco").contains(bad.toString());
      assertThat(run.out()).as("nothing ranked").isEmpty();
    }
  }

  @Test
  void aMalformedEscoFileIsAUsageErrorNamingFileLineAndColumn() throws IOException {
    Files.writeString(esco.resolve("labels/occupations_nl.tsv"),
        "\nnl\tklokkenmaker\t73111\talt\t7311.1\t11eb55d3\n", StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    CliRun run = match("--esco", esco.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--esco'")
        .contains(esco.resolve("labels/occupations_nl.tsv") + ":5: field 'isco4'")
        .contains("'73111'")
        .doesNotContain("Exception");
  }

  @Test
  void aMalformedTaxonomyFileIsAUsageErrorToo() throws IOException {
    Path bad = Files.writeString(dir.resolve("bad.tsv"),
        "isco\tkldb\tlevel\tlang\ttitle\n532\t\t\tde\tPflegehelfer\n", StandardCharsets.UTF_8);

    CliRun run = match("--taxonomy", bad.toString(), "--esco", esco.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("Invalid value for option '--taxonomy': " + bad + ":2: field"
        + " 'isco'");
  }

  @Test
  void noOutputMayOverwriteAFileOfTheEscoFolder() {
    Path escoFile = esco.resolve("occupations_de.csv");

    CliRun run = match("--esco", esco.toString(), "--out", escoFile.toString());

    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains("--out").contains("--esco");
    assertThat(escoFile).content(StandardCharsets.UTF_8).contains("Uhrmacher");
  }

  @Test
  void evaluatingARunFileRefusesTheOption() throws IOException {
    Path run = Files.writeString(dir.resolve("run.txt"), "P-1 Q0 V-1 1 0.5 x\n");

    CliRun evaluated = CliRun.of("evaluate", "--run", run.toString(),
        "--qrels", DATA.resolve("eval/qrels.txt").toString(), "--esco", esco.toString());

    assertThat(evaluated.exitCode()).as(evaluated.err()).isEqualTo(2);
    assertThat(evaluated.err()).contains("Option '--esco' goes with --rules");
  }
}
