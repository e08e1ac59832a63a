package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.model.Level;

class TsvLoaderTest {

  private static final String HEADER = "isco\tkldb\tlevel\tlang\ttitle\n";

  @TempDir Path dir;

  @Test
  void commentsAndBlankLinesAreSkipped() throws IOException {
    Path file = write("# care\n" + HEADER + "\n# helpers\n5321\t81301\thelper\tde\tPflegehelfer\n");

    OccupationTaxonomy taxonomy = OccupationTaxonomy.fromTsv(file);

    assertThat(taxonomy.titles("5321", "de")).as("one title").containsExactly("Pflegehelfer");
  }

  @Test
  void theLevelFollowsFromTheKldbCodeWhenTheColumnIsEmpty() throws IOException {
    Path file = write(HEADER + "5120\t29302\t\tde\tKoch\n");

    assertThat(OccupationTaxonomy.fromTsv(file).classify("Koch"))
        .as("29302: fifth digit 2, skilled")
        .hasValueSatisfying(c -> assertThat(c.level()).contains(Level.SKILLED));
  }

  @Test
  void aMalformedIscoCodeIsReportedWithFileLineAndField() throws IOException {
    Path file = write(HEADER + "5321\t\t\tde\tPflegehelfer\n532\t\t\tde\tBetreuungskraft\n");

    TaxonomyFormatException error =
        catchThrowableOfType(TaxonomyFormatException.class, () -> OccupationTaxonomy.fromTsv(file));

    assertThat(error).as("a minor group is no unit group").isNotNull();
    assertThat(error.file()).as("file").isEqualTo(file.toString());
    assertThat(error.line()).as("line of the bad row").isEqualTo(3);
    assertThat(error.field()).as("field").isEqualTo("isco");
    assertThat(error).hasMessageContaining("'532'");
  }

  @Test
  void aLineNumberCountsCommentLines() throws IOException {
    Path file = write("# one\n# two\n" + HEADER + "5321\t8130\t\tde\tPflegehelfer\n");

    assertThatThrownBy(() -> OccupationTaxonomy.fromTsv(file))
        .as("the bad kldb sits on line 4")
        .hasMessageContaining(":4: field 'kldb'")
        .hasMessageContaining("'8130'");
  }

  @Test
  void aLevelContradictingTheKldbCodeIsRejected() throws IOException {
    Path file = write(HEADER + "5321\t81301\tskilled\tde\tPflegehelfer\n");

    assertThatThrownBy(() -> OccupationTaxonomy.fromTsv(file))
        .as("81301 is a helper code")
        .hasMessageContaining("field 'level'")
        .hasMessageContaining("helper");
  }

  @Test
  void anUnknownLevelNamesTheAllowedValues() throws IOException {
    Path file = write(HEADER + "5321\t\tassistant\tde\tPflegehelfer\n");

    assertThatThrownBy(() -> OccupationTaxonomy.fromTsv(file))
        .as("levels are helper, skilled, specialist, expert")
        .hasMessageContaining("field 'level'")
        .hasMessageContaining("'assistant'")
        .hasMessageContaining("helper, skilled, specialist, expert");
  }

  @Test
  void aRowWithTooFewColumnsIsRejected() throws IOException {
    Path file = write(HEADER + "5321\tde\tPflegehelfer\n");

    assertThatThrownBy(() -> OccupationTaxonomy.fromTsv(file))
        .as("five columns are expected")
        .hasMessageContaining(":2: field 'columns'");
  }

  @Test
  void aWrongHeaderIsRejected() throws IOException {
    Path file = write("isco\ttitle\n5321\tPflegehelfer\n");

    assertThatThrownBy(() -> OccupationTaxonomy.fromTsv(file))
        .as("the header names the columns")
        .hasMessageContaining(":1: field 'header'");
  }

  private Path write(String content) throws IOException {
    return Files.writeString(dir.resolve("occupations.tsv"), content, StandardCharsets.UTF_8);
  }
}
