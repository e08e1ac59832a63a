package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.RuleSet;
import org.passgenau.rank.RuleSetFile;
import org.passgenau.rank.RuleSetFormatException;
import org.passgenau.rank.spi.CustomRules;

/**
 * Hostile input never crashes a reader and never loses a line. The shipped sample lines ({@code
 * data/opportunities.jsonl}, {@code data/profiles.jsonl}, {@code data/rules/*.json}) are mutated
 * byte by byte: bytes flipped, inserted and deleted, lines spliced, control characters, bytes that
 * are not UTF-8, huge numbers and deep nesting put in. Whatever comes out:
 *
 * <ul>
 *   <li>reading a JSON Lines file throws nothing, in memory or streamed, from bytes or characters,
 *       on one thread or several;
 *   <li>every line, counted as {@code wc -l} counts them plus a last line without line end, is
 *       blank (spaces and tabs), a record or exactly one reject;
 *   <li>reading is deterministic: every way of reading the same bytes gives the same records and
 *       rejects;
 *   <li>a rule file is a rule set or a {@link RuleSetFormatException}, the same every time.
 * </ul>
 */
class JsonLinesFuzzTest {

  private static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));

  /** Enough sample lines for variety; the files have a few hundred, alike in shape. */
  private static final int SAMPLES = 40;

  private static final List<byte[]> OPPORTUNITIES = lines(DATA.resolve("opportunities.jsonl"));
  private static final List<byte[]> PROFILES = lines(DATA.resolve("profiles.jsonl"));
  private static final List<byte[]> RULE_FILES = ruleFiles();

  /** One change to a line's bytes; positions wrap around the line's length. */
  enum Kind {
    FLIP,
    INSERT,
    DELETE,
    SPLICE,
    REPLACE_NUMBER
  }

  record Mutation(Kind kind, int at, int length, byte[] payload) {
    @Override
    public String toString() {
      return kind + "@" + at + "/" + length + ":" + new String(payload, StandardCharsets.ISO_8859_1);
    }
  }

  record Line(int sample, List<Mutation> mutations) {}

  record File(List<Line> lines, List<String> lineEnds, boolean finalLineEnd, int blockSize) {}

  @Property(tries = 200)
  void everyOpportunityLineEndsAsBlankRecordOrOneRejectWhateverItsBytes(
      @ForAll("opportunityFiles") File file) throws IOException {
    checkEveryWayOfReading(JsonLinesReader.opportunities(), bytesOf(file, OPPORTUNITIES), file);
  }

  @Property(tries = 100)
  void everyProfileLineEndsAsBlankRecordOrOneRejectWhateverItsBytes(
      @ForAll("profileFiles") File file) throws IOException {
    checkEveryWayOfReading(JsonLinesReader.profiles(), bytesOf(file, PROFILES), file);
  }

  @Property(tries = 200)
  void aMutatedRuleFileIsARuleSetOrAFormatErrorAndTheSameEachTime(
      @ForAll("ruleFileMutations") Line line) throws IOException {
    byte[] bytes = mutate(RULE_FILES.get(line.sample() % RULE_FILES.size()), line.mutations());
    Path path = Files.createTempFile("rules", ".json");
    try {
      Files.write(path, bytes);
      String first = ruleOutcome(path);
      String second = ruleOutcome(path);
      assertThat(second).as("outcome of the same file read again").isEqualTo(first);
    } finally {
      Files.delete(path);
    }
  }

  /** The rule set's JSON, or the problems; any other exception fails the property. */
  private static String ruleOutcome(Path path) throws IOException {
    try {
      RuleSet rules = RuleSetFile.read(path, CustomRules.none());
      return RuleSetFile.toJson(rules);
    } catch (RuleSetFormatException e) {
      assertThat(e.problems()).as("problems of a refused file").isNotEmpty();
      return "refused: " + e.getMessage();
    }
  }

  private static <T> void checkEveryWayOfReading(JsonLinesReader<T> reader, byte[] bytes, File file)
      throws IOException {
    ReadResult<T> streamed = stream(reader, bytes);
    checkAccounting(streamed, bytes);

    assertThat(stream(reader, bytes)).as("the same bytes read again").isEqualTo(streamed);
    for (int threads : new int[] {2, 4}) {
      assertThat(stream(reader.withThreads(threads).withBlockSize(file.blockSize()), bytes))
          .as("read on %s threads in blocks of %s bytes", threads, file.blockSize())
          .isEqualTo(streamed);
    }
    Path path = Files.createTempFile("batch", ".jsonl");
    try {
      Files.write(path, bytes);
      ReadResult<T> inMemory = reader.read(path);
      assertThat(inMemory.records()).as("records read into memory").isEqualTo(streamed.records());
      assertThat(inMemory.rejects().stream().map(JsonLinesFuzzTest::withoutFile).toList())
          .as("rejects read into memory")
          .isEqualTo(streamed.rejects().stream().map(JsonLinesFuzzTest::withoutFile).toList());
    } finally {
      Files.delete(path);
    }
    // Characters decoded with replacement: other reasons, but the same lines, each accounted for.
    checkAccounting(
        reader.read(
            new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
            "batch.jsonl"),
        bytes);
  }

  private static Reject withoutFile(Reject reject) {
    return new Reject("-", reject.line(), reject.id(), reject.field(), reject.reason());
  }

  private static <T> ReadResult<T> stream(JsonLinesReader<T> reader, byte[] bytes) {
    List<T> records = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ReadSummary summary =
        reader.read(new ByteArrayInputStream(bytes), "batch.jsonl", records::add, rejects::add);
    assertThat(summary.records()).as("records counted").isEqualTo(records.size());
    assertThat(summary.rejects()).as("rejects counted").isEqualTo(rejects.size());
    return new ReadResult<>(records, rejects, summary.unknownFields(), summary.linesRead());
  }

  /** Lines as {@code wc -l} counts them, blank ones found independently of the reader. */
  private static void checkAccounting(ReadResult<?> read, byte[] bytes) {
    List<byte[]> lines = splitLines(bytes);
    Set<Long> blank = new HashSet<>();
    for (int i = 0; i < lines.size(); i++) {
      if (isBlank(lines.get(i), i == 0)) {
        blank.add(i + 1L);
      }
    }
    List<Long> rejectLines = read.rejects().stream().map(Reject::line).toList();

    assertThat(read.linesRead()).as("lines read").isEqualTo(lines.size());
    assertThat(rejectLines).as("lines of rejects").doesNotHaveDuplicates().isSorted()
        .allSatisfy(
            line ->
                assertThat(line)
                    .isBetween(1L, (long) lines.size())
                    .matches(l -> !blank.contains(l), "is not a blank line"));
    assertThat(read.records().size() + read.rejects().size())
        .as("records and rejects together, against %s lines of which %s blank",
            lines.size(), blank.size())
        .isEqualTo(lines.size() - blank.size());
  }

  /** Split at each LF; a last line without one counts too. */
  private static List<byte[]> splitLines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        int end = i > start && bytes[i - 1] == '\r' ? i - 1 : i;
        lines.add(Arrays.copyOfRange(bytes, start, end));
        start = i + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  private static boolean isBlank(byte[] line, boolean first) {
    int from = 0;
    if (first && line.length >= 3 && line[0] == (byte) 0xEF && line[1] == (byte) 0xBB
        && line[2] == (byte) 0xBF) {
      from = 3;
    }
    for (int i = from; i < line.length; i++) {
      if (line[i] != ' ' && line[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ generating

  @Provide
  Arbitrary<File> opportunityFiles() {
    return files(OPPORTUNITIES);
  }

  @Provide
  Arbitrary<File> profileFiles() {
    return files(PROFILES);
  }

  @Provide
  Arbitrary<Line> ruleFileMutations() {
    return lines(RULE_FILES.size(), RULE_FILES);
  }

  private static Arbitrary<File> files(List<byte[]> source) {
    return Combinators.combine(
            lines(source.size(), source).list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.of("\n", "\r\n").list().ofSize(8),
            Arbitraries.of(true, false),
            Arbitraries.integers().between(16, 4096))
        .as(File::new);
  }

  private static Arbitrary<Line> lines(int samples, List<byte[]> source) {
    return Combinators.combine(
            Arbitraries.integers().between(0, samples - 1),
            mutations(source).list().ofMaxSize(4))
        .as(Line::new);
  }

  private static Arbitrary<Mutation> mutations(List<byte[]> source) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, 1 << 16);
    Arbitrary<Integer> length = Arbitraries.integers().between(1, 64);
    Arbitrary<byte[]> bytes = payloads();
    Arbitrary<Mutation> simple =
        Combinators.combine(
                Arbitraries.of(Kind.FLIP, Kind.INSERT, Kind.DELETE), at, length, bytes)
            .as(Mutation::new);
    Arbitrary<Mutation> splice =
        Combinators.combine(at, Arbitraries.integers().between(0, source.size() - 1), at)
            .as((cut, other, from) -> {
              byte[] line = source.get(other);
              return new Mutation(
                  Kind.SPLICE, cut, 0, Arrays.copyOfRange(line, from % line.length, line.length));
            });
    Arbitrary<Mutation> number =
        Combinators.combine(at, numbersAndNesting())
            .as((where, value) -> new Mutation(Kind.REPLACE_NUMBER, where, 0, value));
    return Arbitraries.frequencyOf(Tuple.of(6, simple), Tuple.of(1, splice), Tuple.of(2, number));
  }

  private static Arbitrary<byte[]> payloads() {
    Arbitrary<byte[]> control =
        Arbitraries.integers().between(0, 0x1F).map(c -> new byte[] {(byte) c.intValue()});
    Arbitrary<byte[]> notUtf8 =
        Arbitraries.of(
            new byte[] {(byte) 0x80},
            new byte[] {(byte) 0xC0, (byte) 0x80},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xE2, (byte) 0x82},
            new byte[] {(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            new byte[] {(byte) 0xF5},
            new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xFC});
    Arbitrary<byte[]> fragments =
        Arbitraries.of(
                "\"", "{", "}", "[", "]", ",", ":", "null", "true", "\\u0000", "\\ud800", "\\",
                "\uFEFF", "\r", "\n", " ", "\t", "\u3000", "\"id\":\"X\",", "😀", "ä")
            .map(text -> text.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(8);
    return Arbitraries.frequencyOf(
        Tuple.of(2, control),
        Tuple.of(2, notUtf8),
        Tuple.of(3, fragments),
        Tuple.of(2, random),
        Tuple.of(1, numbersAndNesting()));
  }

  private static Arbitrary<byte[]> numbersAndNesting() {
    Arbitrary<String> numbers =
        Arbitraries.of(
            "1e999999",
            "-1e-999999",
            "9".repeat(1500),
            "0." + "1".repeat(999),
            "-0",
            "1E400",
            "12345678901234567890",
            "NaN");
    Arbitrary<String> nested =
        Combinators.combine(
                Arbitraries.of(999, 1000, 1001, 5000), Arbitraries.of(true, false), Arbitraries.of(true, false))
            .as((depth, arrays, closed) -> {
              String open = arrays ? "[" : "{\"a\":";
              String close = arrays ? "]" : "}";
              return open.repeat(depth) + "1" + (closed ? close.repeat(depth) : "");
            });
    return Arbitraries.oneOf(numbers, nested).map(text -> text.getBytes(StandardCharsets.UTF_8));
  }

  // ------------------------------------------------------------------ applying

  private static byte[] bytesOf(File file, List<byte[]> samples) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < file.lines().size(); i++) {
      Line line = file.lines().get(i);
      out.writeBytes(mutate(samples.get(line.sample()), line.mutations()));
      if (i < file.lines().size() - 1 || file.finalLineEnd()) {
        out.writeBytes(file.lineEnds().get(i % file.lineEnds().size()).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toByteArray();
  }

  static byte[] mutate(byte[] original, List<Mutation> mutations) {
    byte[] bytes = original;
    for (Mutation m : mutations) {
      int at = bytes.length == 0 ? 0 : m.at() % (bytes.length + 1);
      bytes =
          switch (m.kind()) {
            case FLIP -> {
              byte[] copy = bytes.clone();
              if (copy.length > 0) {
                copy[Math.min(at, copy.length - 1)] = m.payload()[0];
              }
              yield copy;
            }
            case INSERT -> concat(Arrays.copyOfRange(bytes, 0, at), m.payload(),
                Arrays.copyOfRange(bytes, at, bytes.length));
            case DELETE -> concat(Arrays.copyOfRange(bytes, 0, at),
                Arrays.copyOfRange(bytes, Math.min(bytes.length, at + m.length()), bytes.length));
            case SPLICE -> concat(Arrays.copyOfRange(bytes, 0, at), m.payload());
            case REPLACE_NUMBER -> replaceNumber(bytes, at, m.payload());
          };
    }
    return bytes;
  }

  /** Replaces the first run of digits at or after {@code at} (or from the start) by {@code value}. */
  private static byte[] replaceNumber(byte[] bytes, int at, byte[] value) {
    int start = -1;
    for (int k = 0; k < bytes.length && start < 0; k++) {
      int i = (at + k) % bytes.length;
      if (bytes[i] >= '0' && bytes[i] <= '9') {
        start = i;
      }
    }
    if (start < 0) {
      return bytes;
    }
    while (start > 0 && bytes[start - 1] >= '0' && bytes[start - 1] <= '9') {
      start--;
    }
    int end = start;
    while (end < bytes.length && (bytes[end] >= '0' && bytes[end] <= '9' || bytes[end] == '.')) {
      end++;
    }
    return concat(Arrays.copyOfRange(bytes, 0, start), value,
        Arrays.copyOfRange(bytes, end, bytes.length));
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  // ------------------------------------------------------------------ samples

  private static List<byte[]> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
          .filter(line -> !line.isBlank())
          .limit(SAMPLES)
          .map(line -> line.getBytes(StandardCharsets.UTF_8))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<byte[]> ruleFiles() {
    try (Stream<Path> files = Files.list(DATA.resolve("rules"))) {
      return files
          .filter(path -> path.toString().endsWith(".json"))
          .sorted()
          .map(
              path -> {
                try {
                  return Files.readAllBytes(path);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              })
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
