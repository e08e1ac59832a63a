package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link OccupationTaxonomy.Builder#loadEsco}: every language of a folder in each layout ESCO
 * comes in, next to the shipped file, with errors that point at the record to fix.
 */
class EscoLoadingTest {

  private static final String OFFICIAL_HEADER =
      "\uFEFFconceptType,conceptUri,iscoGroup,preferredLabel,altLabels,hiddenLabels,status,"
          + "description,code\n";
  private static final String WATCHMAKER = "http://data.europa.eu/esco/occupation/u1";

  private static OccupationTaxonomy shared;

  @TempDir Path dir;

  private static synchronized OccupationTaxonomy shared() {
    Path esco = Fixtures.escoOrSkip();
    if (shared == null) {
      try {
        shared = OccupationTaxonomy.builder().loadShipped().loadEsco(esco).build();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shared;
  }

  /** An occupations file of the official export in {@code lang}: one watchmaker. */
  private Path official(String lang, String preferred, String alternatives, String hidden)
      throws IOException {
    return Files.writeString(dir.resolve("occupations_" + lang + ".csv"),
        OFFICIAL_HEADER + "Occupation," + WATCHMAKER + ",7311," + preferred + ",\"" + alternatives
            + "\"," + hidden + ",released,\"repairs \"\"clocks\"\",\nwatches\",7311.1\n",
        StandardCharsets.UTF_8);
  }

  @Test
  void theOfficialExportIsLoadedInEveryLanguageOfTheFolder() throws IOException {
    official("de", "Uhrmacher/Uhrmacherin", "Uhrmachermeister\nUhrmachermeisterin", "Urmacher");
    official("nl", "horlogemaker", "uurwerkmaker\nhorlogerie-medewerker", "");
    official("en", "watchmaker", "clockmaker\nwatch repairer", "watch maker");

    OccupationTaxonomy taxonomy = OccupationTaxonomy.builder().loadEsco(dir).build();

    assertThat(taxonomy.languages()).as("languages of the file names").containsExactly(
        "de", "en", "nl");
    assertThat(taxonomy.titles("7311", "de"))
        .as("preferred, each alternative of a quoted multi-line field, hidden")
        .containsExactly("Uhrmacher/Uhrmacherin", "Uhrmachermeister", "Uhrmachermeisterin",
            "Urmacher");
    assertThat(taxonomy.titles("7311", "nl")).containsExactly(
        "horlogemaker", "uurwerkmaker", "horlogerie-medewerker");
    assertThat(taxonomy.titles("7311", "en")).contains("clockmaker", "watch maker");
    assertThat(taxonomy.escoOccupations()).as("the occupation's URI, once for all languages")
        .containsExactly(Map.entry(WATCHMAKER, "7311"));
    for (String title : new String[] {"Uhrmachermeisterin (m/w/d)", "Horlogemaker", "clockmaker"}) {
      assertThat(taxonomy.classify(title)).as("'%s'", title)
          .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo("7311"));
    }
  }

  @Test
  void labelFilesAreLoadedBesideTheTabiyaLayoutAndFromTheLabelsFolder() throws IOException {
    Files.writeString(dir.resolve("occupations.csv"),
        "ORIGINURI,ID,ISCOGROUPCODE,CODE,PREFERREDLABEL,ALTLABELS,DESCRIPTION\n"
            + WATCHMAKER + ",key_1,7311,7311.1,watchmaker,\"watchmaker\nclockmaker\",\"a,b\"\n",
        StandardCharsets.UTF_8);
    Files.createDirectory(dir.resolve("labels"));
    String tsvHeader = "lang\tlabel\tisco4\tlabel_type\tesco_code\tesco_occupation_id\n";
    Files.writeString(dir.resolve("labels/occupations_de.tsv"), tsvHeader
        + "de\tUhrmacher/Uhrmacherin\t7311\tpreferred\t7311.1\tu1\n"
        + "de\tGoldschmied\t7313\talt\t7313.1\tg1\n", StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("occupations_nl.tsv"), tsvHeader
        + "nl\thorlogemaker\t7311\tpreferred\t7311.1\tu1\n", StandardCharsets.UTF_8);

    OccupationTaxonomy taxonomy = OccupationTaxonomy.builder().loadEsco(dir).build();

    assertThat(taxonomy.languages()).containsExactly("de", "en", "nl");
    assertThat(taxonomy.titles("7311", "en")).as("the repeated preferred label once")
        .containsExactly("watchmaker", "clockmaker");
    assertThat(taxonomy.titles("7313", "de")).containsExactly("Goldschmied");
    assertThat(taxonomy.escoOccupations()).as("URIs of the label files too")
        .containsEntry(WATCHMAKER, "7311")
        .containsEntry("http://data.europa.eu/esco/occupation/g1", "7313");
  }

  @Test
  void escoAddsToTheShippedFileUnitGroupsItLacks() throws IOException {
    official("de", "Uhrmacher/Uhrmacherin", "Uhrmachermeister", "");
    assertThat(OccupationTaxonomy.shipped().contains("7311")).as("not shipped").isFalse();

    OccupationTaxonomy both = OccupationTaxonomy.builder().loadShipped().loadEsco(dir).build();

    assertThat(both.classify("Uhrmachermeister (m/w/d)"))
        .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo("7311"));
    assertThat(both.groups()).as("the shipped unit groups stay")
        .containsAll(OccupationTaxonomy.shipped().groups());
    assertThat(both.classify("Pflegehelferin"))
        .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo("5321"));
  }

  @Test
  void aBadUnitGroupInALabelFileNamesFileLineAndColumn() throws IOException {
    Path file = Files.writeString(dir.resolve("occupations_de.tsv"),
        "lang\tlabel\tisco4\tlabel_type\tesco_code\tesco_occupation_id\n"
            + "de\tUhrmacher\t7311\tpreferred\t7311.1\tu1\n"
            + "de\tGoldschmied\t731\talt\t7313.1\tg1\n", StandardCharsets.UTF_8);

    TaxonomyFormatException error = catchThrowableOfType(
        TaxonomyFormatException.class, () -> OccupationTaxonomy.builder().loadEsco(dir));

    assertThat(error).isNotNull();
    assertThat(error.file()).isEqualTo(file.toString());
    assertThat(error.line()).isEqualTo(3);
    assertThat(error.field()).isEqualTo("isco4");
    assertThat(error.getMessage()).contains("'731'");
  }

  @Test
  void anEmptyLabelInTheOfficialExportNamesTheColumnAsTheHeaderSpellsIt() throws IOException {
    Files.writeString(dir.resolve("occupations_nl.csv"),
        OFFICIAL_HEADER + "Occupation," + WATCHMAKER + ",7311,horlogemaker,\"a\nb\",,x,y,z\n"
            + "Occupation,http://data.europa.eu/esco/occupation/u2,7311, ,,,x,y,z\n",
        StandardCharsets.UTF_8);

    TaxonomyFormatException error = catchThrowableOfType(
        TaxonomyFormatException.class, () -> OccupationTaxonomy.builder().loadEsco(dir));

    assertThat(error).isNotNull();
    assertThat(error.line()).as("after the record on lines 2 and 3").isEqualTo(4);
    assertThat(error.field()).isEqualTo("preferredLabel");
  }

  @Test
  void anUnclosedQuoteNamesTheLineItStartsOn() throws IOException {
    Files.writeString(dir.resolve("occupations_en.csv"),
        OFFICIAL_HEADER + "Occupation," + WATCHMAKER + ",7311,watchmaker,\"clockmaker\n",
        StandardCharsets.UTF_8);

    TaxonomyFormatException error = catchThrowableOfType(
        TaxonomyFormatException.class, () -> OccupationTaxonomy.builder().loadEsco(dir));

    assertThat(error).isNotNull();
    assertThat(error.getMessage()).contains("occupations_en.csv:2:").contains("not closed");
  }

  @Test
  void theSharedFolderLoadsGermanDutchAndEnglishTitles() {
    OccupationTaxonomy taxonomy = shared();

    assertThat(taxonomy.languages()).containsExactly("de", "en", "nl");
    assertThat(taxonomy.titles("9333", "de")).as("German ESCO labels of the label files")
        .contains("Gepäckabfertiger/Gepäckabfertigerin");
    assertThat(taxonomy.titles("9333", "nl")).as("Dutch ESCO labels").isNotEmpty();
    assertThat(taxonomy.groups().stream().filter(code -> code.length() == 4))
        .as("the unit groups of the whole ISCO tree").hasSize(436);
    assertThat(taxonomy.classify("Uhrmacherin (m/w/d)"))
        .as("a German title that only ESCO knows")
        .hasValueSatisfying(c -> assertThat(c.isco()).isEqualTo("7311"));
    assertThat(taxonomy.label("5321", "de")).as("the shipped file, loaded first, labels")
        .contains("Pflegehelfer");
  }

  @Test
  void theShippedBuilderHoldsWhatShippedHolds() {
    OccupationTaxonomy loaded = OccupationTaxonomy.builder().loadShipped().build();

    assertThat(loaded.groups()).isEqualTo(OccupationTaxonomy.shipped().groups());
    assertThat(loaded.languages()).containsExactly("de", "en", "nl");
    assertThat(loaded.titles("5321", "nl")).isEqualTo(OccupationTaxonomy.shipped().titles(
        "5321", "nl"));
  }
}
