package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The files generated from the registry of built-in rules and the parameter declarations: {@code
 * data/rules/default.json}, the parameter table of README.md and the tables of {@code
 * docs/rule-sets.md}. Each test fails when a checked-in file differs from what the declarations
 * give; {@value #UPDATE_COMMAND} rewrites them (then review {@code git diff}).
 */
class GeneratedRuleDocsTest {

  static final String UPDATE_COMMAND = "mvn -B -ntp -q test -pl matcher-core -am"
      + " -Dtest=GeneratedRuleDocsTest -Dsurefire.failIfNoSpecifiedTests=false"
      + " -Dpassgenau.generated.update=true";

  private static final boolean UPDATE = Boolean.getBoolean("passgenau.generated.update");

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  private static final Path ROOT = DATA.getParent() == null ? Path.of("..") : DATA.getParent();

  @Test
  void defaultJsonIsTheDefaultRuleSetAsTheWriterWritesIt() throws IOException {
    checkFile(DATA.resolve("rules").resolve("default.json"),
        RuleSetFile.toJson(RuleSet.defaults()));
  }

  @Test
  void theReadmesParameterTableIsGeneratedFromTheDeclarations() throws IOException {
    checkSection(ROOT.resolve("README.md"), "parameters", parameterTable());
  }

  @Test
  void theRuleSetDocumentationListsEveryFilterScorerAndParameter() throws IOException {
    Path doc = ROOT.resolve("docs").resolve("rule-sets.md");
    checkSection(doc, "filters", filterTable());
    checkSection(doc, "scorers", scorerTable());
    checkSection(doc, "parameters", parameterTable());
  }

  @Test
  void theTablesNameEveryRuleAndParameterWithItsDefault() {
    String parameters = parameterTable();
    for (RuleParameter p : RuleParameter.values()) {
      assertThat(parameters).as("parameter table").contains("| `" + p.jsonName() + "` |");
    }
    assertThat(parameters).as("parameter table")
        .contains("| `car_kmh` | number, 1 to 200 | 50 |")
        .contains("| `recognition_shared_levels` | whole, 1 to 4 | 4 |")
        .contains("| `recognition_equivalences` | pairs of 4-digit ISCO unit groups | 2221-3221 |")
        .contains("| 712 from 2023-01-01, 785 from 2024-01-01 |");
    assertThat(scorerTable()).as("scorer table")
        .contains("| `occupation` | 0.3 |")
        .contains("| `distance` | 0.15 | deferred: scored only where it can still reach the top k"
            + " |");
    assertThat(filterTable()).as("filter table")
        .startsWith("| order | filter | how it runs |\n|---:|---|---|\n| 1 | `commute` |");
  }

  // ---------------------------------------------------------------- the generated text

  /** One row per parameter: name, type and range, default, meaning. */
  static String parameterTable() {
    StringBuilder out =
        new StringBuilder("| parameter | value | default | meaning |\n|---|---|---|---|\n");
    for (RuleParameter p : RuleParameter.values()) {
      out.append("| `").append(p.jsonName()).append("` | ").append(range(p)).append(" | ")
          .append(shown(p)).append(" | ").append(p.doc()).append(" |\n");
    }
    return out.toString();
  }

  static String filterTable() {
    StringBuilder out = new StringBuilder("| order | filter | how it runs |\n|---:|---|---|\n");
    for (BuiltInRule f : BuiltInRule.FILTERS) {
      out.append("| ").append(f.indexInKind() + 1).append(" | `").append(f.ruleName())
          .append("` | ")
          .append(f.has(BuiltInRule.Capability.SCANS_SEGMENT)
              ? "first, over each whole segment, taking or skipping areas of the reach grid"
              : "over the survivors of the filters before it")
          .append(" |\n");
    }
    return out.toString();
  }

  static String scorerTable() {
    StringBuilder out =
        new StringBuilder("| scorer | default weight | how it runs |\n|---|---:|---|\n");
    for (BuiltInRule s : BuiltInRule.SCORERS) {
      out.append("| `").append(s.ruleName()).append("` | ").append(plain(s.defaultWeight()))
          .append(" | ")
          .append(s.has(BuiltInRule.Capability.DEFERRABLE)
              ? "deferred: scored only where it can still reach the top k"
              : "for every admitted opportunity")
          .append(" |\n");
    }
    return out.toString();
  }

  private static String range(RuleParameter p) {
    return switch (p.type()) {
      case NUMBER -> "number, " + plain(p.min()) + " to " + plain(p.max());
      case WHOLE -> "whole, " + plain(p.min()) + " to " + plain(p.max());
      case DATED -> "dated values, at least one";
      case PAIRS -> "pairs of 4-digit ISCO unit groups";
    };
  }

  @SuppressWarnings("unchecked")
  private static String shown(RuleParameter p) {
    Object value = p.defaultValue();
    return switch (p.type()) {
      case NUMBER -> plain((Double) value);
      case WHOLE -> value.toString();
      case DATED -> ((List<DatedValue>) value).stream()
          .map(d -> plain(d.value()) + " from " + d.validFrom())
          .collect(Collectors.joining(", "));
      case PAIRS -> ((List<List<String>>) value).stream()
          .map(pair -> String.join("-", pair))
          .collect(Collectors.joining(", "));
    };
  }

  /** 50 rather than 50.0. */
  private static String plain(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
  }

  // ---------------------------------------------------------------- checking and updating

  private static void checkFile(Path file, String expected) throws IOException {
    if (UPDATE) {
      Files.writeString(file, expected, StandardCharsets.UTF_8);
    }
    assertThat(Files.readString(file, StandardCharsets.UTF_8))
        .as("%s is generated; regenerate it with %s", file, UPDATE_COMMAND)
        .isEqualTo(expected);
  }

  /**
   * Checks, or with the update property rewrites, the text between {@code <!-- NAME:begin -->}
   * and {@code <!-- NAME:end -->} in {@code file}.
   */
  private static void checkSection(Path file, String name, String expected) throws IOException {
    String begin = "<!-- " + name + ":begin -->\n";
    String end = "<!-- " + name + ":end -->";
    String text = Files.readString(file, StandardCharsets.UTF_8);
    int from = text.indexOf(begin);
    int to = text.indexOf(end, Math.max(from, 0));
    assertThat(from).as("%s marks a section with %s", file, begin.strip()).isNotNegative();
    assertThat(to).as("%s ends the section with %s", file, end).isNotNegative();
    if (UPDATE) {
      text = text.substring(0, from + begin.length()) + expected + text.substring(to);
      Files.writeString(file, text, StandardCharsets.UTF_8);
      to = from + begin.length() + expected.length();
    }
    assertThat(text.substring(from + begin.length(), to))
        .as("section %s of %s is generated; regenerate it with %s", name, file, UPDATE_COMMAND)
        .isEqualTo(expected);
  }
}
