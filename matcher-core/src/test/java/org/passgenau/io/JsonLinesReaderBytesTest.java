package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;

/** Reading batch files and streams from their bytes, on one thread or several. */
class JsonLinesReaderBytesTest {

  private static final String COOK =
      "{\"id\":\"V-1\",\"kind\":\"vacancy\",\"title\":\"Koch (m/w/d)\"}";
  private static final String NURSE_AIDE =
      "{\"id\":\"V-2\",\"kind\":\"vacancy\",\"title\":\"Pflegehelfer/in (m/w/d)\"}";
  private static final String BAD_KIND = "{\"id\":\"V-3\",\"kind\":\"job\",\"title\":\"Koch\"}";

  private static ReadResult<Opportunity> read(int threads, byte[] bytes) {
    return JsonLinesReaderThreadsPropertyTest.readBytes(
        JsonLinesReader.opportunities().withThreads(threads), bytes);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 4})
  void aRecordLineOfSeveralMegabytesIsReadWhole(int threads) {
    String description = "Kommissionierung im Lager, Schichtarbeit. ".repeat(150_000); // 6 MB
    String longLine =
        "{\"id\":\"V-9\",\"kind\":\"vacancy\",\"title\":\"Lagerhelfer\",\"description\":\""
            + description
            + "\",\"note\":\"x\"}";

    ReadResult<Opportunity> read =
        read(threads, utf8(COOK + "\n" + longLine + "\n" + BAD_KIND + "\n" + NURSE_AIDE));

    assertThat(read.records())
        .as("records")
        .extracting(Opportunity::id)
        .containsExactly("V-1", "V-9", "V-2");
    assertThat(read.records().get(1).description())
        .as("description of the long line")
        .isEqualTo(description);
    assertThat(read.rejects()).as("rejects").extracting(Reject::line).containsExactly(3L);
    assertThat(read.unknownFields()).as("unknown fields").containsExactly(entry("note", 1L));
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void windowsLineEndsNumberLinesLikeUnixOnes(int threads) {
    ReadResult<Opportunity> unix =
        read(threads, utf8(COOK + "\n\n" + BAD_KIND + "\n" + NURSE_AIDE + "\n"));
    ReadResult<Opportunity> windows =
        read(threads, utf8(COOK + "\r\n\r\n" + BAD_KIND + "\r\n" + NURSE_AIDE + "\r\n"));

    assertThat(unix.rejects()).as("rejects with LF").extracting(Reject::line).containsExactly(3L);
    assertThat(windows).as("read with CRLF").isEqualTo(unix);
    assertThat(unix.linesRead()).as("lines").isEqualTo(4);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 4})
  void aLoneCarriageReturnStaysInsideItsLineSoThatLinesAreNumberedAsWcCountsThem(int threads) {
    String text =
        COOK + "\r" + NURSE_AIDE + "\n" // two records on one line
            + "{\"id\":\"V-4\",\r\"kind\":\"vacancy\",\"title\":\"Koch\"}\r\n" // CR between tokens
            + "{\"id\":\"V-5\",\"kind\":\"vacancy\",\"title\":\"Ko\rch\"}\n" // CR in a string
            + BAD_KIND + "\r";

    ReadResult<Opportunity> read = read(threads, utf8(text));

    assertThat(read.records()).as("records").extracting(Opportunity::id).containsExactly("V-4");
    assertThat(read.rejects())
        .as("rejects")
        .extracting(Reject::line, Reject::id)
        .containsExactly(tuple(1L, "V-1"), tuple(3L, "V-5"), tuple(4L, "V-3"));
    assertThat(read.rejects().get(0).reason())
        .as("reason for two records joined by a CR")
        .endsWith("more than one value on the line");
    assertThat(read.linesRead())
        .as("lines: three line feeds and a last line without one")
        .isEqualTo(text.chars().filter(c -> c == '\n').count() + 1);
    assertThat(JsonLinesReader.opportunities().read(new StringReader(text), "batch.jsonl"))
        .as("read from characters")
        .isEqualTo(read);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void onlySpacesAndTabsMakeABlankLineAndControlCharactersAreRejected(int threads) {
    List<String> lines =
        List.of(
            COOK,
            " \t ",
            "",
            "\u001C\u001D\u001E\u001F",
            "\u000B",
            "\u000C",
            "\u0000",
            "\u3000",
            "\t\r",
            NURSE_AIDE);
    String text = String.join("\r\n", lines) + "\r\n";

    ReadResult<Opportunity> fromBytes = read(threads, utf8(text));
    ReadResult<Opportunity> fromCharacters =
        JsonLinesReader.opportunities().read(new StringReader(text), "batch.jsonl");

    assertThat(fromBytes.records()).as("records").extracting(Opportunity::id)
        .containsExactly("V-1", "V-2");
    assertThat(fromBytes.rejects())
        .as("rejects: every line of other characters than spaces and tabs")
        .extracting(Reject::line)
        .containsExactly(4L, 5L, 6L, 7L, 8L, 9L);
    assertThat(fromBytes.rejects())
        .as("reasons")
        .extracting(Reject::reason)
        .allSatisfy(reason -> assertThat(reason).isNotBlank());
    assertThat(fromCharacters).as("read from characters").isEqualTo(fromBytes);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void theLastRecordOfAFileWithoutAFinalLineEndIsRead(int threads) {
    ReadResult<Opportunity> read = read(threads, utf8(COOK + "\n" + NURSE_AIDE));

    assertThat(read.records())
        .as("records")
        .extracting(Opportunity::id)
        .containsExactly("V-1", "V-2");
    assertThat(read.linesRead()).as("lines").isEqualTo(2);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void aByteOrderMarkStartingTheFileIsSkippedButNotOneOnALaterLine(int threads) {
    ReadResult<Opportunity> read = read(threads, utf8("\uFEFF" + COOK + "\n\uFEFF" + NURSE_AIDE));

    assertThat(read.records()).as("records").extracting(Opportunity::id).containsExactly("V-1");
    assertThat(read.rejects()).as("rejects").extracting(Reject::line).containsExactly(2L);
    assertThat(read.rejects().get(0).reason()).as("reason").startsWith("malformed JSON");
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 4})
  void aLatin1UmlautOnTheThirdLineRejectsThatLineAloneNamingByteAndOffset(int threads) {
    byte[] latin1 =
        (COOK
                + "\n"
                + NURSE_AIDE
                + "\n{\"id\":\"V-3\",\"kind\":\"vacancy\",\"title\":\"K\u00fcche\"}\n"
                + BAD_KIND.replace("V-3", "V-4")
                + "\n"
                + COOK.replace("V-1", "V-5")
                + "\n")
            .getBytes(StandardCharsets.ISO_8859_1);

    ReadResult<Opportunity> read = read(threads, latin1);

    assertThat(read.records())
        .as("records around the bad line")
        .extracting(Opportunity::id)
        .containsExactly("V-1", "V-2", "V-5");
    assertThat(read.rejects())
        .as("rejects: the Latin-1 line, then the bad kind on the next line")
        .extracting(Reject::line, Reject::id, Reject::field)
        .containsExactly(tuple(3L, null, null), tuple(4L, "V-4", "kind"));
    assertThat(read.rejects().get(0).reason())
        .as("reason of the Latin-1 line")
        .isEqualTo("not UTF-8: byte 0xFC at byte 40 of the line")
        .doesNotContain("V-3", "Koch", "K\u00fc");
    assertThat(read.linesRead()).as("lines").isEqualTo(5);
  }

  @Test
  void aLineThatIsNotUtf8IsRejectedWhenAFileIsReadIntoMemory(@TempDir Path dir)
      throws IOException {
    Path file = dir.resolve("profiles.jsonl");
    Files.write(
        file,
        concat(
            utf8("{\"id\":\"P-1\"}\n"),
            "{\"id\":\"P-2\",\"skills\":[\"K\u00fcche\"]}\n".getBytes(StandardCharsets.ISO_8859_1),
            utf8("{\"id\":\"P-3\"}")));

    ReadResult<Profile> read = JsonLinesReader.profiles().read(file);

    assertThat(read.records()).as("records").extracting(Profile::id).containsExactly("P-1", "P-3");
    assertThat(read.rejects())
        .as("rejects")
        .extracting(Reject::file, Reject::line, Reject::id, Reject::reason)
        .containsExactly(
            tuple(file.toString(), 2L, null, "not UTF-8: byte 0xFC at byte 25 of the line"));
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void anEncodedSurrogateIsNotUtf8EvenInsideAnUnknownField(int threads) {
    byte[] bytes =
        concat(
            utf8("{\"id\":\"V-1\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"x\":\""),
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            utf8("\"}\n" + NURSE_AIDE + "\n"));

    ReadResult<Opportunity> read = read(threads, bytes);

    assertThat(read.records()).as("records").extracting(Opportunity::id).containsExactly("V-2");
    assertThat(read.rejects())
        .as("rejects")
        .extracting(Reject::line, Reject::reason)
        .containsExactly(tuple(1L, "not UTF-8: byte 0xED at byte 50 of the line"));
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2})
  void jsonNestedTooDeeplyIsARejectNotAStackOverflow(int threads) {
    int depth = 300_000;
    String text =
        "[".repeat(depth)
            + "\n"
            + "{\"id\":\"V-3\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"x\":"
            + "[".repeat(depth) + "]".repeat(depth) + "}\n"
            + "{\"id\":\"V-4\",\"kind\":\"vacancy\",\"title\":\"Koch\",\"occupation\":"
            + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}\n"
            + NURSE_AIDE;

    ReadResult<Opportunity> fromBytes = read(threads, utf8(text));
    ReadResult<Opportunity> fromCharacters =
        JsonLinesReader.opportunities().read(new StringReader(text), "batch.jsonl");

    assertThat(fromBytes.records()).as("records").extracting(Opportunity::id).containsExactly("V-2");
    assertThat(fromBytes.rejects())
        .as("rejects")
        .extracting(Reject::line, Reject::id, Reject::reason)
        .containsExactly(
            tuple(1L, null, "malformed JSON: Document nesting depth (1001) exceeds the maximum"
                + " allowed (1000)"),
            tuple(2L, "V-3", "malformed JSON: Document nesting depth (1001) exceeds the maximum"
                + " allowed (1000)"),
            tuple(3L, "V-4", "malformed JSON: Document nesting depth (1001) exceeds the maximum"
                + " allowed (1000)"));
    assertThat(fromCharacters).as("read from characters").isEqualTo(fromBytes);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 4})
  void aConsumerThatThrowsStopsTheReadAndLeavesNoParserThreadRunning(int threads)
      throws InterruptedException {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      many.append(COOK.replace("V-1", "V-" + i)).append('\n');
    }
    IllegalStateException full = new IllegalStateException("the batch is full");
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(
            () ->
                JsonLinesReader.opportunities()
                    .withThreads(threads)
                    .withBlockSize(4096)
                    .read(
                        new ByteArrayInputStream(utf8(many.toString())),
                        "opportunities.jsonl",
                        o -> {
                          if (seen.size() == 1000) {
                            throw full;
                          }
                          seen.add(o.id());
                        },
                        r -> {}))
        .as("reading into a consumer that gives up")
        .isSameAs(full);
    assertThat(seen)
        .as("records before the consumer gave up")
        .hasSize(1000)
        .startsWith("V-0", "V-1");
    assertThat(parserThreads()).as("parser threads still alive").isEmpty();
  }

  private static List<String> parserThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(name -> name.startsWith("json-lines-parser"))
        .toList();
  }

  @Test
  void aProfileIsHandedOnAsSoonAsItsLineHasArrivedOnAStream() {
    List<String> seen = new ArrayList<>();
    byte[] first = utf8("{\"id\":\"P-1\"}\n");
    byte[] second = utf8("{\"id\":\"P-2\"}\n");
    InputStream slowStream =
        new InputStream() {
          private int reads;

          @Override
          public int read() {
            throw new UnsupportedOperationException("read in blocks");
          }

          @Override
          public int read(byte[] buffer, int offset, int length) {
            reads++;
            if (reads == 1) {
              System.arraycopy(first, 0, buffer, offset, first.length);
              return first.length;
            }
            if (reads == 2) {
              assertThat(seen)
                  .as("profiles handed on before the second line arrived")
                  .containsExactly("P-1");
              System.arraycopy(second, 0, buffer, offset, second.length);
              return second.length;
            }
            return -1;
          }
        };

    ReadSummary summary =
        JsonLinesReader.profiles()
            .read(slowStream, "standard input", (Profile p) -> seen.add(p.id()), r -> {});

    assertThat(seen).as("profiles").containsExactly("P-1", "P-2");
    assertThat(summary.records()).as("records").isEqualTo(2);
  }

  @Test
  void readingAStreamLeavesItOpen() throws IOException {
    boolean[] closed = {false};
    InputStream in =
        new ByteArrayInputStream(utf8(COOK)) {
          @Override
          public void close() {
            closed[0] = true;
          }
        };

    JsonLinesReader.opportunities().read(in, "standard input", o -> {}, r -> {});

    assertThat(closed[0]).as("stream closed by the reader").isFalse();
  }

  @Test
  void aFileReadOnTwoThreadsGivesWhatOneThreadGives(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("opportunities.jsonl");
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      text.append(i % 7 == 3 ? BAD_KIND : COOK.replace("V-1", "V-" + (i % 2500))).append('\n');
    }
    Files.writeString(file, text);

    ReadResult<Opportunity> one = JsonLinesReader.opportunities().read(file);
    ReadResult<Opportunity> two =
        JsonLinesReader.opportunities().withThreads(2).withBlockSize(8192).read(file);

    assertThat(two).as("read on two threads").isEqualTo(one);
    assertThat(one.rejects()).as("rejects of bad kinds and duplicates").hasSizeGreaterThan(400);
  }

  @Test
  void fewerThanOneThreadIsRefused() {
    assertThatThrownBy(() -> JsonLinesReader.opportunities().withThreads(0))
        .as("zero threads")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("threads must be at least 1, was 0");
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
