package org.passgenau.io;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.passgenau.io.Problems.Problem;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;

/**
 * Reads a JSON Lines file of the data contract ({@code opportunities.jsonl}, {@code
 * profiles.jsonl}) into model records, turning every line that cannot be read into a {@link
 * Reject} and going on with the rest.
 *
 * <pre>{@code
 * ReadResult<Opportunity> read = JsonLinesReader.opportunities().read(Path.of("opportunities.jsonl"));
 * read.rejects().forEach(rejectWriter::write);
 * }</pre>
 *
 * <p>Rules: blank lines are skipped; each other line is one record or one reject, never both and
 * never neither. A line is rejected when it is not one JSON object, when a value has the wrong
 * type, an unknown code or is out of range, when a required field is missing, or when its {@code
 * id} was already read (the first record wins). A reject carries the record's {@code id} whenever
 * the line gets far enough to show it. Unknown fields are ignored and counted per field path. A
 * source that cannot be read at all (missing file, bytes that are not UTF-8) fails with an {@link
 * UncheckedIOException} naming it, since that is the caller's problem rather than the producer's.
 *
 * <p>Record contents are never logged: profiles are personal data.
 *
 * <p>A reader is immutable and thread-safe; each {@code read} keeps its own state, and calls the
 * consumers on the calling thread.
 */
public final class JsonLinesReader<T> {

  private static final ObjectMapper MAPPER = strictMapper();

  private final ObjectReader reader;
  private final Function<T, String> idOf;
  private final KnownFields knownFields;

  private JsonLinesReader(Class<T> type, Function<T, String> idOf) {
    this.reader = MAPPER.readerFor(type);
    this.idOf = idOf;
    this.knownFields = KnownFields.of(MAPPER, MAPPER.constructType(type));
  }

  /** A reader of {@code opportunities.jsonl}. */
  public static JsonLinesReader<Opportunity> opportunities() {
    return new JsonLinesReader<>(Opportunity.class, Opportunity::id);
  }

  /** A reader of {@code profiles.jsonl}. */
  public static JsonLinesReader<Profile> profiles() {
    return new JsonLinesReader<>(Profile.class, Profile::id);
  }

  /**
   * Reads a UTF-8 file into memory.
   *
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public ReadResult<T> read(Path file) {
    ImmutableList.Builder<T> records = ImmutableList.builder();
    ImmutableList.Builder<Reject> rejects = ImmutableList.builder();
    ReadSummary summary = read(file, records::add, rejects::add);
    return new ReadResult<>(
        records.build(), rejects.build(), summary.unknownFields(), summary.linesRead());
  }

  /**
   * Reads a character stream into memory; {@code source} names it in rejects. The reader is not
   * closed.
   *
   * @throws UncheckedIOException naming the source when it cannot be read
   */
  public ReadResult<T> read(Reader in, String source) {
    ImmutableList.Builder<T> records = ImmutableList.builder();
    ImmutableList.Builder<Reject> rejects = ImmutableList.builder();
    ReadSummary summary = read(in, source, records::add, rejects::add);
    return new ReadResult<>(
        records.build(), rejects.build(), summary.unknownFields(), summary.linesRead());
  }

  /**
   * Streams a UTF-8 file, for batch files too large to hold: each record goes to {@code records}
   * and each reject to {@code rejects}, in file order.
   *
   * @throws UncheckedIOException naming the file when it cannot be read
   */
  public ReadSummary read(Path file, Consumer<? super T> records, Consumer<? super Reject> rejects) {
    checkNotNull(file, "file");
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      return read(in, file.toString(), records, rejects);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * Streams a character stream; {@code source} names it in rejects. The reader is not closed.
   *
   * @throws UncheckedIOException naming the source when it cannot be read
   */
  public ReadSummary read(
      Reader in, String source, Consumer<? super T> records, Consumer<? super Reject> rejects) {
    checkNotNull(in, "in");
    checkNotNull(source, "source");
    checkNotNull(records, "records");
    checkNotNull(rejects, "rejects");
    BufferedReader lines = in instanceof BufferedReader buffered ? buffered : new BufferedReader(in);
    Pass pass = new Pass(source, records, rejects);
    long lineNumber = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        lineNumber++;
        if (lineNumber == 1 && line.startsWith("\uFEFF")) {
          line = line.substring(1); // a byte order mark some editors write
        }
        if (!line.isBlank()) {
          pass.accept(line, lineNumber);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot read " + source + " after line " + lineNumber + ": " + e.getMessage(), e);
    }
    return new ReadSummary(
        lineNumber, pass.records, pass.rejected, ImmutableSortedMap.copyOf(pass.unknownFields));
  }

  /** The state of one read: ids seen, counts. Confined to the reading thread. */
  private final class Pass {
    private final String source;
    private final Consumer<? super T> recordSink;
    private final Consumer<? super Reject> rejectSink;
    private final Map<String, Long> firstLineOfId = new HashMap<>();
    private final Map<String, Long> unknownFields = new TreeMap<>();
    private long records;
    private long rejected;

    Pass(String source, Consumer<? super T> recordSink, Consumer<? super Reject> rejectSink) {
      this.source = source;
      this.recordSink = recordSink;
      this.rejectSink = rejectSink;
    }

    void accept(String line, long lineNumber) {
      // A tree first, so that the id is known even when the record is refused later.
      JsonNode tree;
      try (JsonParser parser = MAPPER.createParser(line)) {
        tree = MAPPER.readTree(parser);
      } catch (JsonProcessingException e) {
        reject(lineNumber, recoverId(line), Problems.malformed(e));
        return;
      } catch (IOException e) {
        throw new UncheckedIOException(e); // cannot happen when parsing a String
      }
      if (tree == null || !tree.isObject()) {
        reject(lineNumber, null, Problems.notAnObject(tree == null ? MAPPER.missingNode() : tree));
        return;
      }
      String id = idOf(tree);
      T record;
      try {
        record = reader.readValue(tree);
      } catch (JsonMappingException e) {
        reject(lineNumber, id, Problems.refused(e, tree));
        return;
      } catch (IOException | RuntimeException e) {
        // Not expected from a tree; rejected rather than thrown, so every line is accounted for.
        reject(lineNumber, id, new Problem(null, "cannot be read: " + e.getMessage()));
        return;
      }
      String recordId = idOf.apply(record);
      Long first = firstLineOfId.putIfAbsent(recordId, lineNumber);
      if (first != null) {
        reject(
            lineNumber,
            recordId,
            new Problem("id", "duplicate id '" + recordId + "', first read on line " + first));
        return;
      }
      knownFields.forEachUnknown(tree, path -> unknownFields.merge(path, 1L, Long::sum));
      records++;
      recordSink.accept(record);
    }

    private void reject(long lineNumber, String id, Problem problem) {
      rejected++;
      rejectSink.accept(new Reject(source, lineNumber, id, problem.field(), problem.reason()));
    }
  }

  private static String idOf(JsonNode tree) {
    JsonNode id = tree.get("id");
    return id != null && id.isTextual() && !id.textValue().isBlank() ? id.textValue() : null;
  }

  /** The top-level {@code id} of a line that is not valid JSON, if it comes before the damage. */
  static String recoverId(String line) {
    try (JsonParser parser = MAPPER.createParser(line)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          JsonToken value = parser.nextToken();
          if ("id".equals(name)) {
            return value == JsonToken.VALUE_STRING && !parser.getText().isBlank()
                ? parser.getText()
                : null;
          }
          parser.skipChildren();
        } else if (token == JsonToken.END_OBJECT) {
          return null;
        }
      }
    } catch (IOException | RuntimeException e) {
      // The damage came first: no id to report.
    }
    return null;
  }

  private static ObjectMapper strictMapper() {
    ObjectMapper mapper = Json.newMapper();
    // {"id":"a","id":"b"} is ambiguous; reject it instead of keeping the last value.
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    return mapper;
  }
}
