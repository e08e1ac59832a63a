package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.passgenau.model.Occupation;

/**
 * ESCO downloads: the shared Tabiya-layout files (skipped when absent) and small files in the
 * layout of the official ESCO export.
 */
class EscoTaxonomyTest {

  private static OccupationTaxonomy shared;

  @TempDir Path dir;

  private static synchronized OccupationTaxonomy shared() {
    Path esco = Fixtures.escoOrSkip();
    if (shared == null) {
      try {
        shared = OccupationTaxonomy.builder().loadEsco(esco).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  @Test
  void theSharedDownloadHoldsTheWholeIscoTree() {
    Map<Integer, Long> perLevel =
        shared().groups().stream()
            .collect(Collectors.groupingBy(String::length, Collectors.counting()));

    assertThat(shared().groups()).as("all ISCO-08 groups").hasSize(619);
    assertThat(perLevel)
        .as("major, sub-major, minor and unit groups")
        .containsExactlyInAnyOrderEntriesOf(Map.of(1, 10L, 2, 43L, 3, 130L, 4, 436L));
  }

  @Test
  void everyEscoOccupationSitsUnderAKnownUnitGroup() {
    OccupationTaxonomy taxonomy = shared();

    assertThat(taxonomy.escoOccupations())
        .as("the 3007 ESCO v1.1.1 occupations and 35 more of the v1.2.0 label files")
        .hasSize(3042);
    assertThat(taxonomy.escoOccupations().values())
        .as("each under a 4-digit group of the tree")
        .allSatisfy(
            isco -> {
              assertThat(isco).hasSize(4);
              assertThat(taxonomy.contains(isco)).isTrue();
            });
  }

  @Test
  void groupsAreLabelledInEnglish() {
    assertThat(shared().label("7212", "en"))
        .as("ISCO label of the welders' unit group")
        .contains("Welders and flamecutters");
    assertThat(shared().label("7212", "de")).as("falls back to English").isPresent();
  }

  @ParameterizedTest(name = "''{0}'' is {1}")
  @CsvSource({
    "nurse, 2221",
    "welder, 7212",
    "Welder (m/f/d), 7212",
    "forklift driver, 8344",
    "bricklayer, 7112",
    "hairdresser, 5141",
  })
  void anEnglishTitleIsClassifiedToItsUnitGroup(String title, String isco) {
    assertThat(shared().classify(title))
        .as("classification of '%s' against ESCO", title)
        .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo(isco));
  }

  @Test
  void anEscoUriResolvesToItsUnitGroup() {
    Map.Entry<String, String> any = shared().escoOccupations().entrySet().iterator().next();

    assertThat(shared().resolveIsco(new Occupation(null, null, any.getKey(), "Zauberkünstler")))
        .as("the unit group of %s", any.getKey())
        .contains(any.getValue());
  }

  @Test
  void theOfficialExportIsReadInTheLanguageOfItsFileName() throws IOException {
    writeOfficialExport("de");

    OccupationTaxonomy taxonomy = OccupationTaxonomy.builder().loadEsco(dir).build();

    assertThat(taxonomy.label("7212", "de"))
        .as("group label")
        .contains("Schweißer und Brennschneider");
    assertThat(taxonomy.titles("7212", "de"))
        .as("preferred, alternative and hidden labels")
        .contains("Schweißer/Schweißerin", "Lichtbogenschweißer", "Schweiser");
    assertThat(taxonomy.classify("Schweißer:in (m/w/d)"))
        .as("classified with German titles")
        .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo("7212"));
    assertThat(taxonomy.escoOccupations())
        .as("occupation URI")
        .containsEntry("http://data.europa.eu/esco/occupation/w1", "7212");
  }

  @Test
  void anUnknownLayoutIsRejectedNamingTheHeader() throws IOException {
    Files.writeString(
        dir.resolve("occupations.csv"), "id,name\n1,welder\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> OccupationTaxonomy.builder().loadEsco(dir))
        .as("neither official nor Tabiya")
        .isInstanceOf(TaxonomyFormatException.class)
        .hasMessageContaining("occupations.csv:1: field 'header'");
  }

  @Test
  void anOccupationUnderAnUnknownGroupIsRejectedWithItsLine() throws IOException {
    writeOfficialExport("en");
    Files.writeString(
        dir.resolve("occupations_en.csv"),
        "\nConcept,http://data.europa.eu/esco/occupation/x,9999,ghost,\"a\nb\",,released\n",
        StandardCharsets.UTF_8,
        java.nio.file.StandardOpenOption.APPEND);

    TaxonomyFormatException error =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            TaxonomyFormatException.class,
            () -> OccupationTaxonomy.builder().loadEsco(dir));

    assertThat(error).as("9999 is not among the groups").isNotNull();
    assertThat(error.field()).as("field").isEqualTo("iscoGroup");
    assertThat(error.line()).as("the record after the one on lines 2-3").isEqualTo(4);
  }

  @Test
  void theShippedFileAndEscoTogetherClassifyGermanAndEnglishTitles() throws IOException {
    OccupationTaxonomy both =
        OccupationTaxonomy.builder()
            .loadEsco(Fixtures.escoOrSkip())
            .loadTsv(Fixtures.shippedTsv())
            .build();

    assertThat(both.classify("Altenpflegehelferin (m/w/d)"))
        .as("German title from the shipped file")
        .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo("5321"));
    assertThat(both.label("5321", "en"))
        .as("the source loaded first labels the group")
        .contains("Health care assistants");
    assertThat(both.label("5321", "de"))
        .as("German label from the shipped file")
        .contains("Pflegehelfer");
  }

  @Test
  void aDirectoryWithoutEscoFilesIsAnError() {
    assertThatThrownBy(() -> OccupationTaxonomy.builder().loadEsco(dir))
        .as("nothing to load")
        .isInstanceOf(IOException.class)
        .hasMessageContaining("no ESCO files");
  }

  /** Two groups and one occupation in the column layout of the official ESCO CSV export. */
  private void writeOfficialExport(String lang) throws IOException {
    Function<String, String> german = de -> lang.equals("de") ? de : "welder";
    Files.writeString(
        dir.resolve("ISCOGroups_" + lang + ".csv"),
        "\uFEFFconceptType,conceptUri,code,preferredLabel,altLabels,inScheme,description\n"
            + "ISCOGroup,http://data.europa.eu/esco/isco/C721,721,Blechkaltverformer,,x,\n"
            + "ISCOGroup,http://data.europa.eu/esco/isco/C7212,7212,"
            + (lang.equals("de") ? "Schweißer und Brennschneider" : "Welders and flame cutters")
            + ",,x,\n",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("occupations_" + lang + ".csv"),
        "conceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,"
            + "modifiedDate,regulatedProfessionNote,scopeNote,definition,inScheme,"
            + "description,code\n"
            + "Occupation,http://data.europa.eu/esco/occupation/w1,7212,"
            + german.apply("Schweißer/Schweißerin")
            + ",\""
            + german.apply("Lichtbogenschweißer\nSchutzgasschweißer")
            + "\","
            + german.apply("Schweiser")
            + ",released,2023-01-01,,,,x,\"welds\nmetal\",7212.1",
        StandardCharsets.UTF_8);
  }
}
