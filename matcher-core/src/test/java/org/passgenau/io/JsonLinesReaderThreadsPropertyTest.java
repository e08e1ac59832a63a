package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import org.passgenau.model.Opportunity;

/**
 * Reading a batch file from its bytes, on one thread or several, gives exactly what reading it line
 * by line through a tree gave: the same records, the same rejects with the same lines, ids, fields
 * and reasons, the same unknown field counts. Files mix valid records, duplicates, unknown fields,
 * blank lines, broken and corrupted records, and end their lines with LF, CRLF or CR.
 */
class JsonLinesReaderThreadsPropertyTest {

  private static final List<String> RECORDS =
      List.of(
          "{\"id\":\"V-1\",\"kind\":\"vacancy\",\"title\":\"Koch (m/w/d)\"}",
          "{\"id\":\"V-2\",\"kind\":\"apprenticeship\",\"title\":\"Ausbildung Pflegefachfrau\","
              + "\"occupation\":{\"isco\":\"2221\",\"note\":\"x\"},"
              + "\"language_requirements\":[{\"language\":\"de\",\"min_level\":\"B1\",\"why\":1},"
              + "{\"language\":\"en\",\"min_level\":\"A2\",\"why\":[{\"a\":1}]}],"
              + "\"location\":{\"lat\":51.26,\"lon\":6.39,\"region\":\"DE-NW\",\"floor\":2},"
              + "\"hours_per_week\":{\"min\":20,\"max\":39},\"start_date\":\"2027-08-01\","
              + "\"open_positions\":2,\"skills\":[\"Pflege\",\"Küche\"],"
              + "\"extra\":{\"x\":{\"y\":1}}}",
          "  {\"title\":\"Tafel"
              + " \\u00e4\",\"kind\":\"volunteering\",\"id\":\"V-3\",\"remote\":false}\t",
          "{\"id\":\"V-4\",\"kind\":\"internship\",\"title\":\"Praktikum 😀 Verkauf\","
              + "\"employer\":{\"id\":\"E-1\",\"name\":\"Rhein\",\"size\":3}}");

  private static final List<String> BROKEN =
      List.of(
          "{\"id\":\"V-5\",\"kind\":\"job\",\"title\":\"Koch\"}",
          "{\"id\":\"V-6\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"location\":{\"lat\":\"51\"}}",
          "{\"id\":\"V-7\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"start_date\":\"2027-02-30\"}",
          "{\"id\":\"V-8\",\"kind\":\"vacancy\",\"title\":\"Koch\","
              + "\"start_date\":\"2027-08-01T10:00\"}",
          "{\"id\":\"V-9\",\"id\":\"V-9\",\"kind\":\"vacancy\",\"title\":\"Koch\"}",
          "{\"id\":\"V-10\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"x\":{\"a\":1,\"a\":2}}",
          "{\"id\":\"V-11\",\"kind\":\"vacancy\",\"title\":\"Koch\"} {}",
          "{\"id\":\"V-12\",\"kind\":\"vacancy\",\"title\":\"Ko",
          "{\"kind\":\"vacancy\",\"title\":\"Koch\"}",
          "\uFEFF{\"id\":\"V-13\",\"kind\":\"vacancy\",\"title\":\"Koch\"}",
          "\u000B{\"id\":\"V-14\",\"kind\":\"vacancy\",\"title\":\"Koch\"}",
          "{\"id\":\"V-15\",\"kind\":\"vacancy\",\"title\":12}",
          "{\"id\":\"V-16\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"open_positions\":1.5}",
          "{}",
          "[1,2]",
          "null",
          "\"V-17\"",
          "{\u0000}",
          "not json");

  /** Blank lines, and lines that only look blank. */
  private static final List<String> BLANK =
      List.of("", "   ", "\t", "\u3000", " \u2003 ", "\u001C", "\u000B\u000C", "\u0000");

  @Property(tries = 300)
  void everyNumberOfThreadsReadsTheBytesAsTheLineByLineTreeReaderDid(
      @ForAll("files") List<String> lines,
      @ForAll("lineEnds") String lineEnd,
      @ForAll boolean byteOrderMark,
      @ForAll boolean finalLineEnd,
      @ForAll @IntRange(min = 1, max = 300) int blockSize) {
    String text =
        (byteOrderMark ? "\uFEFF" : "")
            + String.join(lineEnd, lines)
            + (finalLineEnd ? lineEnd : "");
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);

    ReadResult<Opportunity> reference =
        JsonLinesReader.opportunities()
            .parsingTreesOnly()
            .read(
                new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8),
                "batch.jsonl");

    for (int threads : new int[] {1, 2, 4}) {
      ReadResult<Opportunity> read =
          readBytes(
              JsonLinesReader.opportunities().withThreads(threads).withBlockSize(blockSize), bytes);
      assertThat(read.records())
          .as("records at %s threads", threads)
          .isEqualTo(reference.records());
      assertThat(read.rejects())
          .as("rejects at %s threads", threads)
          .isEqualTo(reference.rejects());
      assertThat(read.unknownFields())
          .as("unknown fields at %s threads", threads)
          .isEqualTo(reference.unknownFields());
      assertThat(read.linesRead())
          .as("lines at %s threads", threads)
          .isEqualTo(reference.linesRead());
    }
  }

  @Property(tries = 300)
  void aCharacterStreamReadsAsTheLineByLineTreeReaderDid(@ForAll("files") List<String> lines) {
    String text = String.join("\n", lines);

    ReadResult<Opportunity> reference =
        JsonLinesReader.opportunities()
            .parsingTreesOnly()
            .read(new java.io.StringReader(text), "b");
    ReadResult<Opportunity> read =
        JsonLinesReader.opportunities().read(new java.io.StringReader(text), "b");

    assertThat(read).as("what a string reads to").isEqualTo(reference);
  }

  static ReadResult<Opportunity> readBytes(JsonLinesReader<Opportunity> reader, byte[] bytes) {
    List<Opportunity> records = new ArrayList<>();
    List<Reject> rejects = new ArrayList<>();
    ReadSummary summary =
        reader.read(new ByteArrayInputStream(bytes), "batch.jsonl", records::add, rejects::add);
    return new ReadResult<>(records, rejects, summary.unknownFields(), summary.linesRead());
  }

  @Provide
  Arbitrary<String> lineEnds() {
    return Arbitraries.of("\n", "\r\n", "\r");
  }

  @Provide
  Arbitrary<List<String>> files() {
    Arbitrary<String> truncated =
        Combinators.combine(Arbitraries.of(RECORDS), Arbitraries.integers().between(1, 400))
            .as((text, cut) -> text.substring(0, Math.min(cut, text.length() - 1)));
    Arbitrary<String> garbage =
        Arbitraries.strings()
            .withCharRange(' ', '~')
            .withChars('{', '}', '"', ':', ',', 'é')
            .ofMaxLength(30);
    return Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.of(RECORDS)),
            Tuple.of(4, Arbitraries.of(BROKEN)),
            Tuple.of(2, Arbitraries.of(BLANK)),
            Tuple.of(1, truncated),
            Tuple.of(1, garbage))
        .list()
        .ofMaxSize(30);
  }

  @Property(tries = 1000)
  void linesAreCheckedAsUtf8AsStrictlyAsTheJdkDecoderDoes(
      @ForAll("bytesWithoutLineEnds") byte[] bytes) {
    boolean decodes;
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(bytes)); // reports malformed input by default
      decodes = true;
    } catch (java.nio.charset.CharacterCodingException e) {
      decodes = false;
    }

    int end = Utf8Lines.scanLine(bytes, 0, bytes.length);

    assertThat(end >= 0).as("well-formed by the scan").isEqualTo(decodes);
    if (decodes) {
      assertThat(end).as("end of a line without line end").isEqualTo(bytes.length);
    }
  }

  @Provide
  Arbitrary<byte[]> bytesWithoutLineEnds() {
    Arbitrary<Byte> interesting =
        Arbitraries.of(
            (byte) 0xC0,
            (byte) 0xC1,
            (byte) 0xC2,
            (byte) 0xDF,
            (byte) 0xE0,
            (byte) 0xED,
            (byte) 0xEF,
            (byte) 0xF0,
            (byte) 0xF4,
            (byte) 0xF5,
            (byte) 0xFF,
            (byte) 0x80,
            (byte) 0x8F,
            (byte) 0x90,
            (byte) 0x9F,
            (byte) 0xA0,
            (byte) 0xBF,
            (byte) 'a');
    Arbitrary<Byte> any = Arbitraries.bytes().filter(b -> b != '\n' && b != '\r');
    Arbitrary<byte[]> valid =
        Arbitraries.strings()
            .all()
            .excludeChars('\n', '\r')
            .ofMaxLength(8)
            .filter(s -> !hasLoneSurrogate(s))
            .map(s -> s.getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> random =
        Arbitraries.frequencyOf(Tuple.of(3, interesting), Tuple.of(1, any))
            .list()
            .ofMaxSize(8)
            .map(JsonLinesReaderThreadsPropertyTest::toArray);
    return Arbitraries.oneOf(valid, random);
  }

  private static boolean hasLoneSurrogate(String s) {
    try {
      StandardCharsets.UTF_8.newEncoder().encode(java.nio.CharBuffer.wrap(s));
      return false;
    } catch (java.nio.charset.CharacterCodingException e) {
      return true;
    }
  }

  private static byte[] toArray(List<Byte> list) {
    byte[] bytes = new byte[list.size()];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = list.get(i);
    }
    return bytes;
  }
}
