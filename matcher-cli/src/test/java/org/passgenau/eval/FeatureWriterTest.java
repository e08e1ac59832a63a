package org.passgenau.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passgenau.rank.Features;

class FeatureWriterTest {

  private static final List<String> NAMES = List.of("occupation", "distance", "pay");

  private static final Features P1 = new Features("P-1", "default", NAMES, List.of(
      new Features.Candidate(1, "V-2", 0.8125, List.of(1.0, 0.25, 1e-5)),
      new Features.Candidate(2, "V-1,a", 0.1 + 0.2, List.of(-0.0, -0.5, 0.0))));
  private static final Features P2 = new Features("P-2", "default", NAMES, List.of());
  private static final Features P3 = new Features("P-3", "default", NAMES, List.of(
      new Features.Candidate(1, "V-1", 0.5, List.of(0.5, 0.5, 0.5))));

  private static final Map<String, Map<String, Integer>> GRADES =
      Map.of("P-1", Map.of("V-2", 2), "P-3", Map.of("V-1", 1));

  private static String write(FeatureWriter.Format format, Features... features) throws IOException {
    StringWriter out = new StringWriter();
    try (FeatureWriter writer = FeatureWriter.of(format, out, NAMES)) {
      int qid = 0;
      for (Features f : features) {
        writer.write(f, ++qid, (p, o) -> GRADES.getOrDefault(p, Map.of()).getOrDefault(o, 0));
      }
    }
    return out.toString();
  }

  @Test
  void csvHasAHeaderAndARowPerCandidate() throws IOException {
    String csv = write(FeatureWriter.Format.CSV, P1, P2, P3);

    assertThat(csv).isEqualTo("""
        profile_id,opportunity_id,label,score,occupation,distance,pay
        P-1,V-2,2,0.8125,1,0.25,0.00001
        P-1,"V-1,a",0,0.30000000000000004,0,-0.5,0
        P-3,V-1,1,0.5,0.5,0.5,0.5
        """);
    List<CSVRecord> rows = CSVParser.parse(new StringReader(csv),
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()).getRecords();
    assertThat(rows).hasSize(3);
    assertThat(Double.parseDouble(rows.get(1).get("score"))).as("parses back exactly").isEqualTo(0.1 + 0.2);
    assertThat(rows.get(1).get("opportunity_id")).isEqualTo("V-1,a");
  }

  @Test
  void svmlightLinesGiveLabelQidNumberedFeaturesAndTheIds() throws IOException {
    Features p1 = new Features("P-1", "default", NAMES, List.of(P1.candidates().get(0)));
    String lines = write(FeatureWriter.Format.SVMLIGHT, p1, P2, P3);

    assertThat(lines).isEqualTo("""
        2 qid:1 1:1 2:0.25 3:0.00001 # P-1 V-2
        1 qid:3 1:0.5 2:0.5 3:0.5 # P-3 V-1
        """);
    Pattern line = Pattern.compile("(\\d+) qid:(\\d+)((?: \\d+:-?[0-9.]+)+) # (\\S+) (\\S+)");
    for (String l : lines.split("\n")) {
      Matcher m = line.matcher(l);
      assertThat(m.matches()).as("line %s", l).isTrue();
      String[] pairs = m.group(3).trim().split(" ");
      assertThat(pairs).hasSize(NAMES.size());
      for (int i = 0; i < pairs.length; i++) {
        assertThat(pairs[i]).startsWith((i + 1) + ":");
        Double.parseDouble(pairs[i].substring(pairs[i].indexOf(':') + 1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.1, 1e-5, 1.0, -1.0, 0.30000000000000004, 4.9e-324, 123456.789, -0.0})
  void numbersArePlainDecimalsThatParseBackExactly(double value) {
    String written = FeatureWriter.number(value);

    assertThat(written).doesNotContain("E").doesNotContain("e");
    assertThat(Double.parseDouble(written)).isEqualTo(value == 0 ? 0.0 : value);
  }

  @Test
  void featuresOfOtherNamesAreRefused() {
    Features other = new Features("P-9", "default", List.of("occupation"), List.of());

    assertThatThrownBy(() -> write(FeatureWriter.Format.CSV, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("features of profile P-9 are [occupation]");
  }

  @Test
  void anIdWithWhitespaceIsRefusedForSvmlight() {
    Features spaced = new Features("P 1", "default", NAMES, P3.candidates());

    assertThatThrownBy(() -> write(FeatureWriter.Format.SVMLIGHT, spaced))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("profile_id must be one non-empty token");
  }
}
