package org.passgenau.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code passgenau classify}: free job titles in, one JSON line per title out. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClassifyCommandTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path DATA =
      Path.of(System.getProperty("passgenau.data", "../data")).toAbsolutePath().normalize();
  private static final Set<String> LEVELS = Set.of("helper", "skilled", "specialist", "expert");

  @TempDir Path dir;

  private Path titles(String text) throws IOException {
    return Files.writeString(dir.resolve("titles.txt"), text, StandardCharsets.UTF_8);
  }

  private static CliRun classify(String... args) {
    List<String> all = new ArrayList<>(List.of("classify"));
    all.addAll(List.of(args));
    return CliRun.of(all.toArray(String[]::new));
  }

  private static List<JsonNode> lines(CliRun run) throws IOException {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : run.out().lines().toList()) {
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void eachTitleGetsOneLineOfTheContractsShapeInInputOrder() throws IOException {
    CliRun run = classify("--titles",
        titles("Pflegehelfer (m/w/d)\nKoch / Köchin\nmagazijnmedewerker\n").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    List<JsonNode> lines = lines(run);
    assertThat(lines).extracting(line -> line.get("title").asText())
        .containsExactly("Pflegehelfer (m/w/d)", "Koch / Köchin", "magazijnmedewerker");
    for (JsonNode line : lines) {
      assertThat(fields(line)).as("fields of %s", line)
          .containsExactly("title", "isco", "level", "confidence", "alternatives", "reason");
      assertThat(line.get("confidence").isNumber()).isTrue();
      assertThat(line.get("confidence").asDouble()).isBetween(0.0, 1.0);
      assertThat(line.get("level").isNull() || LEVELS.contains(line.get("level").asText()))
          .as("level of %s is null or a contract code", line).isTrue();
      assertThat(line.get("alternatives").isArray()).isTrue();
      for (JsonNode alternative : line.get("alternatives")) {
        assertThat(fields(alternative)).containsExactly("isco", "confidence");
        assertThat(alternative.get("isco").asText()).isNotEqualTo(line.get("isco").asText());
      }
      assertThat(line.get("reason").asText()).isNotBlank();
    }
    assertThat(lines.get(0).get("isco").asText()).as("Pflegehelfer").isEqualTo("5321");
    assertThat(lines.get(1).get("isco").asText()).as("Koch").isEqualTo("5120");
    assertThat(lines.get(2).get("isco").asText()).as("magazijnmedewerker").isEqualTo("9333");
  }

  @Test
  void nonsenseIsUnknownWithANullIsco() throws IOException {
    CliRun run = classify("--titles", titles("xqzv blorpf\n").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonNode line = lines(run).get(0);
    assertThat(line.has("isco")).as("present, not left out").isTrue();
    assertThat(line.get("isco").isNull()).as("isco of %s", line).isTrue();
    assertThat(run.err()).contains("1 titles, 0 classified, 1 unknown");
  }

  @Test
  void blankLinesAreSkippedButCountedAndNoTitleReachesTheLog() throws IOException {
    CliRun run = classify("--titles",
        titles("\uFEFFPflegehelfer Jana Kowalski\r\n\r\n   \nxqzv blorpf\n").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(lines(run)).extracting(line -> line.get("title").asText())
        .as("the byte order mark and CRs dropped")
        .containsExactly("Pflegehelfer Jana Kowalski", "xqzv blorpf");
    assertThat(run.err()).contains(
        "titles " + dir.resolve("titles.txt") + ": 4 lines read, 2 blank, 2 titles, ");
    assertThat(run.err()).as("titles may be personal")
        .doesNotContain("Kowalski").doesNotContain("Pflegehelfer").doesNotContain("xqzv");
  }

  @Test
  void theLanguageIsPassedOnAndNamedInTheSummary() throws IOException {
    Path file = titles("kok\n");

    CliRun dutch = classify("--titles", file.toString(), "--lang", "nl");
    CliRun french = classify("--titles", file.toString(), "--lang", "fr");

    assertThat(dutch.exitCode()).as(dutch.err()).isZero();
    assertThat(lines(dutch).get(0).get("isco").asText()).isEqualTo("5120");
    assertThat(dutch.err()).contains("(language: nl)");
    assertThat(french.exitCode()).as("not a language of the titles").isEqualTo(2);
    assertThat(french.err()).contains("--lang").contains("'fr'");
  }

  @Test
  void standardInputGivesWhatTheFileGives() throws IOException {
    String text = "Pflegehelfer (m/w/d)\nLagerhelfer\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = Main.run(new String[] {"classify", "--titles", "-"},
          new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), o, e);
    }
    CliRun fromFile = classify("--titles", titles(text).toString());

    assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(fromFile.out()).isNotEmpty();
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("titles <stdin>: 2 lines read");
  }

  @Test
  void theOutputIsTheSameOnEveryRunAndInTheFileAsOnStandardOutput() throws IOException {
    Path file = DATA.resolve("titles.txt");
    Path out = dir.resolve("classified.jsonl");

    CliRun first = classify("--titles", file.toString());
    CliRun second = classify("--titles", file.toString());
    CliRun toFile = classify("--titles", file.toString(), "--out", out.toString());

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(first.out().lines().count()).as("a line per sample title")
        .isEqualTo(Files.readAllLines(file).stream().filter(l -> !l.isBlank()).count());
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(toFile.exitCode()).as(toFile.err()).isZero();
    assertThat(toFile.out()).isEmpty();
    assertThat(out).content(StandardCharsets.UTF_8).isEqualTo(first.out());
  }

  @Test
  void escoClassifiesTitlesTheShippedTaxonomyCannot() throws IOException {
    Path file = titles("Uhrmacherin (m/w/d)\n");
    Path esco = EscoFixture.write(dir.resolve("esco"));

    CliRun shipped = classify("--titles", file.toString());
    CliRun withEsco = classify("--titles", file.toString(), "--esco", esco.toString());

    assertThat(lines(shipped).get(0).get("isco").isNull()).as(shipped.out()).isTrue();
    assertThat(lines(withEsco).get(0).get("isco").asText()).as(withEsco.out()).isEqualTo("7311");
    assertThat(withEsco.err()).contains("taxonomy: shipped + ESCO " + esco);
  }

  @Test
  void exitCodesSayWhatWentWrong() throws IOException {
    Path file = titles("Koch\n");

    assertThat(classify().exitCode()).as("--titles missing").isEqualTo(2);
    CliRun missing = classify("--titles", dir.resolve("none.txt").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains(dir.resolve("none.txt").toString());
    CliRun overwrite = classify("--titles", file.toString(), "--out", file.toString());
    assertThat(overwrite.exitCode()).as("the output would overwrite the titles").isEqualTo(2);
    assertThat(file).content(StandardCharsets.UTF_8).isEqualTo("Koch\n");
  }

  @Test
  void aLineTooLongForATitleFailsNamingItsLineAndLeavesNoOutput() throws IOException {
    Path file = titles("Koch\n" + "Koch ".repeat(ClassifyCommand.MAX_LINE_BYTES / 5 + 1)
        + "\nKoch\n");
    Path out = dir.resolve("out.jsonl");

    CliRun run = classify("--titles", file.toString(), "--out", out.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(file + ":2: a line longer than "
        + ClassifyCommand.MAX_LINE_BYTES + " bytes")
        .doesNotContain("Koch Koch").doesNotContain("Exception");
    assertThat(out).as("written only whole").doesNotExist();
  }

  @Test
  void aLineOfTheLongestLengthIsATitle() throws IOException {
    String longest = "Koch ".repeat(ClassifyCommand.MAX_LINE_BYTES / 5);

    CliRun run = classify("--titles", titles(longest + "\r\n").toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(lines(run).get(0).get("title").asText()).isEqualTo(longest.strip());
  }

  @Test
  void bytesThatAreNotUtf8FailNamingTheLine() throws IOException {
    Path file = dir.resolve("latin1.txt");
    Files.write(file, "Koch\nK\u00f6chin\n".getBytes(StandardCharsets.ISO_8859_1));

    CliRun run = classify("--titles", file.toString());

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains(file + ":2: not valid UTF-8");
  }
}
