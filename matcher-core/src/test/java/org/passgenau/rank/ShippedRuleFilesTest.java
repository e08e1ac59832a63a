package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The rule files in data/rules: the default rule set and the variants its README documents. */
class ShippedRuleFilesTest {

  private static final Path RULES =
      Path.of(System.getProperty("passgenau.data", "../data"), "rules");

  /** Each variant: the default rule set under the variant's name, with what README.md says it changes. */
  private static final Map<String, RuleSet> VARIANTS = Map.of(
      "apprenticeship-for-tolerated",
      RuleSet.defaults().toBuilder().name("apprenticeship-for-tolerated")
          .weight("apprenticeship_residence", 0.2)
          .build(),
      "softer-language",
      RuleSet.defaults().toBuilder().name("softer-language")
          .languageGapTolerance(2)
          .build(),
      "short-commute",
      RuleSet.defaults().toBuilder().name("short-commute")
          .dailyCommuteMinutes(90, 90, 90)
          .build());

  static Stream<String> variants() {
    return VARIANTS.keySet().stream().sorted();
  }

  @Test
  void defaultJsonIsTheDefaultRuleSet() throws IOException {
    assertThat(RuleSetFile.read(RULES.resolve("default.json")))
        .as("data/rules/default.json")
        .isEqualTo(RuleSet.defaults());
  }

  @Test
  void defaultJsonStatesEveryParameterInDeclarationOrder() throws IOException {
    // That it is written exactly as the writer writes it, GeneratedRuleDocsTest checks.
    JsonNode parameters =
        new ObjectMapper().readTree(RULES.resolve("default.json").toFile()).get("parameters");
    assertThat(ImmutableList.copyOf(parameters.fieldNames())).as("parameters stated")
        .containsExactlyElementsOf(RuleSetFile.parameterNames());
  }

  @ParameterizedTest
  @MethodSource("variants")
  void eachVariantDiffersFromTheDefaultsInWhatItsReadmeSays(String name) throws IOException {
    assertThat(RuleSetFile.read(RULES.resolve(name + ".json")))
        .as("data/rules/%s.json", name)
        .isEqualTo(VARIANTS.get(name))
        .isNotEqualTo(RuleSet.defaults().toBuilder().name(name).build());
  }

  @Test
  void everyRuleFileIsTestedHereAndDocumentedInTheReadme() throws IOException {
    List<String> files = new ArrayList<>();
    try (Stream<Path> listing = Files.list(RULES)) {
      listing.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".json")).forEach(files::add);
    }
    String readme = Files.readString(RULES.resolve("README.md"));

    List<String> expected = new ArrayList<>(variants().map(v -> v + ".json").toList());
    expected.add("default.json");
    assertThat(files).as("rule files in %s", RULES).containsExactlyInAnyOrderElementsOf(expected);
    for (String variant : VARIANTS.keySet()) {
      assertThat(readme).as("README section of %s", variant).contains("### `" + variant + ".json`");
    }
  }
}
