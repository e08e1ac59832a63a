package org.passgenau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.audit.Results.builder;
import static org.passgenau.audit.Results.person;
import static org.passgenau.audit.Results.withMatches;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report written as CSV tables, an HTML page and text, on a small hand-built audit. */
class AuditOutputTest {

  private static final AuditReport REPORT = FairnessAudit.builder().topK(3).build().newTally()
      .add(person("P-1", "gender", "f", "nationality", "SY"),
          builder("P-1").matches(3).excluded("commute", 10).excluded("hours", 4).build())
      .add(person("P-2", "gender", "f"), builder("P-2").excluded("commute", 17).build())
      .add(person("P-3", "gender", "m", "nationality", "<UA>"),
          builder("P-3").match(true).excluded("commute", 5).excluded("hours", 0).build())
      .report();

  @TempDir Path dir;

  private static String groupsCsv() throws IOException {
    StringWriter out = new StringWriter();
    AuditOutput.writeGroupsCsv(REPORT, out);
    return out.toString();
  }

  private static String exclusionsCsv() throws IOException {
    StringWriter out = new StringWriter();
    AuditOutput.writeExclusionsCsv(REPORT, out);
    return out.toString();
  }

  private static String html() throws IOException {
    StringWriter out = new StringWriter();
    AuditOutput.writeHtml(REPORT, List.of("reference date: 2026-11-23"), out);
    return out.toString();
  }

  @Test
  void theGroupTableHasAHeaderThenEveryoneThenOneRowPerGroup() throws IOException {
    String[] lines = groupsCsv().split("\n");

    assertThat(lines[0]).as("header").isEqualTo("attribute,group,profiles,profile_share,"
        + "profiles_with_match,match_rate,match_rate_low,match_rate_high,mean_matches,"
        + "mean_exposure,exposure_share,exposure_ratio,mean_top_score,"
        + "profiles_with_occupation_match,mean_first_occupation_match_rank,most_excluded_by,"
        + "small_group");
    assertThat(lines).extracting(line -> line.substring(0, line.indexOf(',', line.indexOf(',') + 1)))
        .as("attribute and group of each row")
        .containsExactly("attribute,group", "(all),(all)", "gender,f", "gender,m",
            "nationality,<UA>", "nationality,SY", "nationality,(unknown)");
    assertThat(lines[2]).as("the women's row: 2 profiles, 1 with 3 matches")
        .startsWith("gender,f,2,0.6667,1,0.5000,")
        .endsWith(",commute;hours,true");
  }

  @Test
  void anUndefinedValueIsAnEmptyCell() throws IOException {
    String unknownNationality = groupsCsv().lines()
        .filter(l -> l.startsWith("nationality,(unknown),")).findFirst().orElseThrow();

    assertThat(unknownNationality).as("P-2 has no match: no top score, no occupation match")
        .contains(",0.0000,0.0000,,0,,commute,true");
  }

  @Test
  void csvLinesEndWithLineFeedsOnly() throws IOException {
    assertThat(groupsCsv() + exclusionsCsv()).as("CSV text").doesNotContain("\r").endsWith("\n");
  }

  @Test
  void theExclusionTableHasOneRowPerGroupAndFilter() throws IOException {
    List<String> lines = exclusionsCsv().lines().toList();

    assertThat(lines.get(0)).as("header").isEqualTo(
        "attribute,group,filter,excluded,mean_per_profile,share_of_exclusions,ratio_to_all");
    assertThat(lines).as("everyone's rows come first")
        .contains("(all),(all),commute,32,10.6667,0.8889,1.0000", "(all),(all),hours,4,1.3333,0.1111,1.0000");
    assertThat(lines).as("the women's hours: 4 over 2 profiles against 4 over 3")
        .contains("gender,f,hours,4,2.0000,0.1290,1.5000");
    assertThat(lines).as("header, 2 filters for everyone and for each of 5 groups").hasSize(13);
  }

  @Test
  void theHtmlPageIsSelfContained() throws IOException {
    String page = html();

    assertThat(page).as("HTML page")
        .startsWith("<!DOCTYPE html>")
        .contains("<style>")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//")
        .doesNotContainPattern("(?i)<(script|link|iframe)");
  }

  @Test
  void theHtmlPageEmbedsTheChartsAsPngImages() throws IOException {
    Matcher images = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html());
    int count = 0;
    while (images.find()) {
      byte[] png = Base64.getDecoder().decode(images.group(1));
      assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).as("PNG signature").isEqualTo("PNG");
      count++;
    }

    assertThat(count).as("two charts for each of gender and nationality").isEqualTo(4);
  }

  @Test
  void theHtmlPageEscapesAuditValuesAndShowsTheContext() throws IOException {
    String page = html();

    assertThat(page).as("a value with angle brackets")
        .contains("&lt;UA&gt;").doesNotContain("<UA>")
        .contains("reference date: 2026-11-23");
  }

  @Test
  void theSameReportGivesByteIdenticalFiles() throws IOException {
    List<Path> first = AuditOutput.writeDirectory(REPORT, dir.resolve("first"), List.of("a"));
    List<Path> second = AuditOutput.writeDirectory(REPORT, dir.resolve("second"), List.of("a"));

    assertThat(first).extracting(p -> p.getFileName().toString()).as("files")
        .containsExactly("groups.csv", "exclusions.csv", "audit.html");
    for (int i = 0; i < first.size(); i++) {
      assertThat(Files.readAllBytes(second.get(i))).as("%s written twice", first.get(i).getFileName())
          .isEqualTo(Files.readAllBytes(first.get(i)));
    }
  }

  @Test
  void theTextTablesShowEveryoneThenEachAttribute() throws IOException {
    StringWriter out = new StringWriter();
    AuditOutput.writeText(REPORT, out);

    assertThat(out.toString()).as("text")
        .contains("rule set default, top 3, attention 1/log2(r+1), 3 profiles")
        .containsSubsequence("\nall ", "\ngender\n", "\nf *", "\nnationality\n", "\n(unknown) *");
  }

  @Test
  void aReportWithoutAuditFieldsStillShowsEveryone() throws IOException {
    AuditReport plain = FairnessAudit.builder().build().newTally()
        .add(person("P-1"), withMatches("P-1", 2)).report();
    StringWriter out = new StringWriter();
    AuditOutput.writeHtml(plain, List.of(), out);

    assertThat(plain.attributes()).as("attributes").isEmpty();
    assertThat(out.toString()).as("page").contains("all profiles").doesNotContain("<img");
  }
}
