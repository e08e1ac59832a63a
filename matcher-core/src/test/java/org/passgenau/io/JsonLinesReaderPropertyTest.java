package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.passgenau.model.Opportunity;

/**
 * However broken a batch file is, reading it never throws, and every non-blank line (blank being
 * spaces and tabs only) ends up exactly once: as a record or as a reject. Lines mix valid records, blank lines, random text, truncated
 * records and valid records with one field set to a random JSON value.
 */
class JsonLinesReaderPropertyTest {

  /** Replaced by an id made of the line number, so that ids are unique and tell their line. */
  private static final String ID = "#ID#";

  private static final List<String> VALID =
      List.of(
          "{\"id\":\"#ID#\",\"kind\":\"vacancy\",\"title\":\"Koch (m/w/d)\"}",
          "{\"id\":\"#ID#\",\"kind\":\"apprenticeship\",\"title\":\"Ausbildung Pflegefachmann/-frau\","
              + "\"occupation\":{\"isco\":\"2221\"},\"language_requirements\":[{\"language\":\"de\",\"min_level\":\"B1\"}],"
              + "\"location\":{\"lat\":51.26,\"lon\":6.39,\"region\":\"DE-NW\"},\"hours_per_week\":{\"min\":20,\"max\":39},"
              + "\"start_date\":\"2027-08-01\",\"open_positions\":2,\"skills\":[\"Pflege\"],\"extra\":{\"x\":1}}",
          "{\"title\":\"Tafel\",\"kind\":\"volunteering\",\"id\":\"#ID#\",\"remote\":false}");

  /** Where a valid record gets corrupted: a JSON pointer to the object and the field in it. */
  private static final List<String[]> CORRUPTIBLE =
      List.of(
          new String[] {"", "id"},
          new String[] {"", "kind"},
          new String[] {"", "title"},
          new String[] {"", "skills"},
          new String[] {"", "open_positions"},
          new String[] {"", "start_date"},
          new String[] {"/occupation", "isco"},
          new String[] {"/location", "lat"},
          new String[] {"/location", "lon"},
          new String[] {"/hours_per_week", "min"},
          new String[] {"/language_requirements/0", "min_level"},
          new String[] {"/language_requirements/0", "language"});

  /** One generated line and whether it must become a record. */
  record Line(String text, boolean valid) {
    @Override
    public String toString() {
      return (valid ? "valid: " : "any:   ") + text;
    }
  }

  @Property(tries = 400)
  void everyNonBlankLineEndsInRecordsOrRejectsExactlyOnce(@ForAll("files") List<Line> lines) {
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      texts.add(lines.get(i).text().replace(ID, idOf(i + 1)));
    }

    ReadResult<Opportunity> read =
        JsonLinesReader.opportunities().read(new StringReader(String.join("\n", texts)), "batch.jsonl");

    Set<Long> nonBlank =
        LongStream.rangeClosed(1, texts.size())
            .filter(n -> !isBlank(texts.get((int) n - 1)))
            .boxed()
            .collect(Collectors.toSet());
    List<Long> rejectLines = read.rejects().stream().map(Reject::line).toList();
    assertThat(rejectLines).as("lines of rejects").doesNotHaveDuplicates();
    assertThat(nonBlank).as("non-blank lines").containsAll(rejectLines);
    assertThat(read.records().size() + read.rejects().size())
        .as("records and rejects together")
        .isEqualTo(nonBlank.size());
    Set<String> recordIds = read.records().stream().map(Opportunity::id).collect(Collectors.toSet());
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).valid()) {
        long line = i + 1;
        assertThat(recordIds).as("records include valid line %s", line).contains(idOf(line));
        assertThat(rejectLines).as("rejects leave out valid line %s", line).doesNotContain(line);
      }
    }
  }

  /** Blank by the contract: spaces and tabs only; any other white space makes a reject. */
  private static boolean isBlank(String line) {
    return line.chars().allMatch(c -> c == ' ' || c == '\t');
  }

  /** Corrupted ids are random text; this prefix keeps them from colliding with a valid line's. */
  private static String idOf(long line) {
    return "line-" + line;
  }

  @Provide
  Arbitrary<List<Line>> files() {
    Arbitrary<Line> valid = Arbitraries.of(VALID).map(text -> new Line(text, true));
    Arbitrary<Line> blank =
        Arbitraries.of("", " ", "\t  ", "\u000B", "\u001F", "\u3000", "\u0000")
            .map(text -> new Line(text, false));
    Arbitrary<Line> garbage =
        Arbitraries.strings()
            .all()
            .excludeChars('\n', '\r', '\uFEFF')
            .ofMaxLength(40)
            .map(text -> new Line(text, false));
    Arbitrary<Line> truncated =
        Combinators.combine(Arbitraries.of(VALID), Arbitraries.integers().between(1, 1000))
            .as((text, cut) -> new Line(text.substring(0, Math.min(cut, text.length() - 1)), false));
    Arbitrary<Line> corrupted =
        Combinators.combine(Arbitraries.of(CORRUPTIBLE), jsonValues())
            .as((where, value) -> new Line(corrupt(where[0], where[1], value), false));
    return Arbitraries.frequencyOf(
            Tuple.of(3, valid),
            Tuple.of(1, blank),
            Tuple.of(2, garbage),
            Tuple.of(2, truncated),
            Tuple.of(4, corrupted))
        .list()
        .ofMaxSize(25);
  }

  private static Arbitrary<JsonNode> jsonValues() {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(12).map(nodes::textNode),
        Arbitraries.integers().map(nodes::numberNode),
        Arbitraries.doubles().map(nodes::numberNode),
        Arbitraries.of(nodes.nullNode(), nodes.booleanNode(true), nodes.arrayNode(), nodes.objectNode()));
  }

  private static String corrupt(String pointer, String field, JsonNode value) {
    JsonNode tree;
    try {
      tree = Json.mapper().readTree(VALID.get(1));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("the valid template must parse", e);
    }
    ((ObjectNode) tree.at(pointer)).set(field, value);
    return tree.toString();
  }
}
