package org.passgenau.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The taxonomy's reader of ESCO's CSV files (RFC 4180) and the hand-written TSV file. */
class DelimitedReaderTest {

  /** Each record as its fields, preceded by the line it starts on. */
  private static List<List<String>> records(DelimitedReader reader) throws IOException {
    List<List<String>> records = new ArrayList<>();
    for (List<String> record = reader.next(); record != null; record = reader.next()) {
      List<String> withLine = new ArrayList<>();
      withLine.add(String.valueOf(reader.recordLine()));
      withLine.addAll(record);
      records.add(withLine);
    }
    return records;
  }

  private static List<List<String>> csv(String text) throws IOException {
    return records(DelimitedReader.csv(new StringReader(text), "occupations_en.csv"));
  }

  private static List<List<String>> tsv(String text) throws IOException {
    return records(DelimitedReader.tsv(new StringReader(text), "occupations.tsv"));
  }

  @Test
  void escoAlternativeLabelsSpanLinesInsideQuotes() throws IOException {
    String file =
        "conceptUri,iscoGroup,preferredLabel,altLabels\n"
            + "http://e/1,7212,welder,\"arc welder\nwelding operator\r\nfitter-welder\"\n"
            + "http://e/2,2221,nurse,\n";

    assertThat(csv(file))
        .containsExactly(
            List.of("1", "conceptUri", "iscoGroup", "preferredLabel", "altLabels"),
            List.of("2", "http://e/1", "7212", "welder",
                "arc welder\nwelding operator\r\nfitter-welder"),
            List.of("5", "http://e/2", "2221", "nurse", ""));
  }

  @Test
  void aDoubledQuoteInsideQuotesIsOneQuoteAndCommasStayInTheField() throws IOException {
    assertThat(csv("a,\"the \"\"A\"\" team, Berlin\",\"\"\r\n"))
        .containsExactly(List.of("1", "a", "the \"A\" team, Berlin", ""));
  }

  @Test
  void aQuoteInsideAnUnquotedFieldIsAnOrdinaryCharacter() throws IOException {
    assertThat(csv("5\" pipe fitter,x")).containsExactly(List.of("1", "5\" pipe fitter", "x"));
  }

  @Test
  void emptyLinesAreSkippedAndLaterRecordsKeepTheirLineNumbers() throws IOException {
    assertThat(csv("a,b\n\n\r\nc,d\re,f"))
        .containsExactly(List.of("1", "a", "b"), List.of("4", "c", "d"), List.of("5", "e", "f"));
  }

  @Test
  void anUnclosedQuoteNamesTheFileAndTheLineTheRecordStartsOn() {
    assertThatThrownBy(() -> csv("a,b\nhttp://e/1,\"welder\nfitter\n"))
        .isInstanceOf(TaxonomyFormatException.class)
        .hasMessage(
            "occupations_en.csv:2: field 'record': a quoted field is not closed before the end"
                + " of the file");
  }

  @Test
  void textAfterAClosingQuoteIsRefused() {
    assertThatThrownBy(() -> csv("a,b\nx,\"welder\"s\n"))
        .isInstanceOf(TaxonomyFormatException.class)
        .hasMessageStartingWith("occupations_en.csv:2: field 'field 2': unexpected 's'");
  }

  @Test
  void theTaxonomyTsvHasCommentsNoQuotingAndStrippedFields() throws IOException {
    String file =
        "# hand-written\n"
            + "isco\tkldb\tlevel\tlang\ttitle\n"
            + "\n"
            + "7212\t24412\t\tde\t Schweißer \"MAG\" \n";

    assertThat(tsv(file))
        .containsExactly(
            List.of("2", "isco", "kldb", "level", "lang", "title"),
            List.of("4", "7212", "24412", "", "de", "Schweißer \"MAG\""));
  }
}
