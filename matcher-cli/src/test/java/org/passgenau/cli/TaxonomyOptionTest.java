package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * {@code --taxonomy}: without it, every command ranks with the taxonomy shipped in the jar, so the
 * same command gives the same results from any working directory; the run summary names the
 * taxonomy used.
 */
class TaxonomyOptionTest {

  private static final Path DATA =
      Path.of(System.getProperty("passgenau.data", "../data")).toAbsolutePath().normalize();
  private static final Path REPOSITORY = DATA.getParent();
  private static final Path SHIPPED_TSV = DATA.resolve("taxonomy/occupations.tsv");

  @TempDir Path elsewhere;

  /** The unit groups of the repository's TSV file, counted rather than written down. */
  private static long unitGroupsOfTheFile() throws IOException {
    return OccupationTaxonomy.fromTsv(SHIPPED_TSV).groups().stream()
        .filter(code -> code.length() == 4).count();
  }

  private static List<String> matchSampleData(String... extra) {
    List<String> args = new ArrayList<>(List.of("match",
        "--opportunities", DATA.resolve("opportunities.jsonl").toString(),
        "--profiles", DATA.resolve("profiles.jsonl").toString(),
        "--as-of", "2026-11-23", "--top", "5"));
    args.addAll(List.of(extra));
    return args;
  }

  /** The command line in a JVM of its own, started in {@code workingDirectory}. */
  private static CliRun runIn(Path workingDirectory, List<String> args) throws Exception {
    return ForkedCli.run(workingDirectory, "-Xmx512m", args);
  }

  @Test
  void theSameMatchGivesTheSameRankingsFromAFolderWithoutTheRepositorysData() throws Exception {
    assertThat(elsewhere.resolve("data")).as("nothing to find beside the run").doesNotExist();

    CliRun fromRoot = runIn(REPOSITORY, matchSampleData());
    CliRun fromElsewhere = runIn(elsewhere, matchSampleData());

    assertThat(fromRoot.exitCode()).as(fromRoot.err()).isZero();
    assertThat(fromElsewhere.exitCode()).as(fromElsewhere.err()).isZero();
    assertThat(fromRoot.out().lines().count()).as("a result line per sample profile")
        .isGreaterThan(100);
    assertThat(fromElsewhere.out())
        .as("results from %s and from %s", elsewhere, REPOSITORY)
        .isEqualTo(fromRoot.out());
    assertThat(fromElsewhere.err()).as("the summary names the shipped taxonomy")
        .contains("taxonomy: shipped (" + unitGroupsOfTheFile() + " unit groups)" + "\n");
  }

  @Test
  void withoutTheOptionTheShippedTaxonomyRanksAsTheRepositorysFile() throws IOException {
    CliRun shipped = CliRun.of(matchSampleData().toArray(String[]::new));
    CliRun file = CliRun.of(matchSampleData("--taxonomy", SHIPPED_TSV.toString())
        .toArray(String[]::new));

    assertThat(shipped.exitCode()).as(shipped.err()).isZero();
    assertThat(shipped.out()).as("the jar's copy and the file rank alike").isEqualTo(file.out());
  }

  @Test
  void theSummaryNamesTheTaxonomyFileGiven() throws IOException {
    Path small = Files.writeString(elsewhere.resolve("care.tsv"),
        "isco\tkldb\tlevel\tlang\ttitle\n"
            + "5321\t81301\t\tde\tPflegehelfer\n"
            + "2221\t81302\t\tde\tPflegefachkraft\n",
        StandardCharsets.UTF_8);

    CliRun run = CliRun.of(matchSampleData("--taxonomy", small.toString())
        .toArray(String[]::new));

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err().lines())
        .as("the rule set and the taxonomy in the summary")
        .contains("rule set default 1 (built in)", "taxonomy: " + small + " (2 unit groups)")
        .noneMatch(line -> line.contains("shipped"));
  }

  @Test
  void everyRankingCommandNamesTheShippedTaxonomyByDefault() throws IOException {
    String summary = "taxonomy: shipped (" + unitGroupsOfTheFile() + " unit groups)";
    String opportunities = DATA.resolve("opportunities.jsonl").toString();
    String profiles = DATA.resolve("profiles.jsonl").toString();
    List<List<String>> commands = List.of(
        List.of("audit", "--opportunities", opportunities, "--profiles", profiles,
            "--as-of", "2026-11-23"),
        List.of("features", "--opportunities", opportunities, "--profiles", profiles,
            "--as-of", "2026-11-23", "--out", elsewhere.resolve("features.txt").toString()),
        List.of("evaluate", "--rules", DATA.resolve("rules/default.json").toString(),
            "--opportunities", opportunities, "--profiles", profiles,
            "--qrels", DATA.resolve("eval/qrels.txt").toString(), "--as-of", "2026-11-23"));
    for (List<String> command : commands) {
      CliRun run = CliRun.of(command.toArray(String[]::new));
      assertThat(run.exitCode()).as(command.get(0) + ": " + run.err()).isZero();
      assertThat(run.err().lines()).as(command.get(0)).contains(summary);
    }
  }
}
