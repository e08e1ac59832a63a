package org.passgenau.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.passgenau.model.Opportunity;

/** Lines too long to read are rejected in bounded memory; a line that never ends stops the read. */
class JsonLinesReaderLimitsTest {

  private static final int LIMIT = 100;
  private static final String COOK =
      "{\"id\":\"V-1\",\"kind\":\"vacancy\",\"title\":\"Koch (m/w/d)\"}";
  private static final String NURSE_AIDE =
      "{\"id\":\"V-2\",\"kind\":\"vacancy\",\"title\":\"Pflegehelfer/in (m/w/d)\"}";
  private static final String BAD_KIND = "{\"id\":\"V-6\",\"kind\":\"job\",\"title\":\"Koch\"}";

  /** A valid record of exactly {@code bytes} bytes, its title padded with umlauts and letters. */
  private static String recordOf(String id, int bytes) {
    String head = "{\"id\":\"" + id + "\",\"kind\":\"vacancy\",\"title\":\"";
    String tail = "\"}";
    int pad = bytes - head.length() - tail.length();
    String title = "\u00e4".repeat(pad / 2) + "x".repeat(pad % 2); // 2 bytes each
    String line = head + title + tail;
    assertThat(line.getBytes(StandardCharsets.UTF_8)).as("bytes of the padded record").hasSize(bytes);
    return line;
  }

  private static ReadResult<Opportunity> read(JsonLinesReader<Opportunity> reader, String text) {
    return JsonLinesReaderThreadsPropertyTest.readBytes(
        reader, text.getBytes(StandardCharsets.UTF_8));
  }

  @ParameterizedTest(name = "{0} threads, blocks of {1} bytes, line end {2}")
  @CsvSource({"1, 16, LF", "1, 4096, LF", "2, 16, CRLF", "2, 4096, LF", "4, 64, CRLF"})
  void aLineAboveTheLimitIsRejectedAsAWholeAndReadingGoesOn(
      int threads, int blockSize, String lineEnd) {
    String end = lineEnd.equals("LF") ? "\n" : "\r\n";
    String text =
        String.join(
                end,
                COOK,
                recordOf("V-3", 3 * LIMIT),
                NURSE_AIDE,
                recordOf("V-4", LIMIT),
                recordOf("V-5", LIMIT + 1),
                BAD_KIND,
                recordOf("V-7", 20 * LIMIT))
            + end;
    JsonLinesReader<Opportunity> reader =
        JsonLinesReader.opportunities()
            .withBlockSize(blockSize)
            .withThreads(threads)
            .withLineLimits(LIMIT, 10_000);

    ReadResult<Opportunity> read = read(reader, text);

    assertThat(read.records())
        .as("records")
        .extracting(Opportunity::id)
        .containsExactly("V-1", "V-2", "V-4");
    assertThat(read.rejects())
        .as("rejects")
        .extracting(Reject::line, Reject::id, Reject::field, Reject::reason)
        .containsExactly(
            tuple(2L, null, null, "line is longer than the limit of 100 bytes"),
            tuple(5L, null, null, "line is longer than the limit of 100 bytes"),
            tuple(6L, "V-6", "kind", read.rejects().get(2).reason()),
            tuple(7L, null, null, "line is longer than the limit of 100 bytes"));
    assertThat(read.linesRead()).as("lines").isEqualTo(7);
    assertThat(
            JsonLinesReader.opportunities()
                .withLineLimits(LIMIT, 10_000)
                .read(new StringReader(text), "batch.jsonl"))
        .as("read from characters")
        .isEqualTo(read);
  }

  @Test
  void aLineAboveSixteenMebibytesIsRejectedByDefault() {
    String huge = recordOf("V-3", JsonLinesReader.MAX_LINE_BYTES + 1);
    String text = COOK + "\n" + huge + "\n" + NURSE_AIDE;

    ReadResult<Opportunity> read = read(JsonLinesReader.opportunities(), text);

    assertThat(read.records()).as("records").extracting(Opportunity::id)
        .containsExactly("V-1", "V-2");
    assertThat(read.rejects())
        .as("rejects")
        .extracting(Reject::line, Reject::reason)
        .containsExactly(tuple(2L, "line is longer than the limit of 16777216 bytes (16 MiB)"));
  }

  @ParameterizedTest(name = "hand-over {0}")
  @ValueSource(booleans = {false, true})
  void theBufferGrowsNoFurtherThanTheLimitAndAChunkWhateverTheLineLength(boolean handOver)
      throws IOException {
    int chunk = 64;
    int limit = 1000;
    InputStream in =
        new SequenceOf(
            "a\n".getBytes(StandardCharsets.US_ASCII),
            new RepeatedByte((byte) 'x', 500_000),
            "\nb\n".getBytes(StandardCharsets.US_ASCII));
    LineBlocks blocks = new LineBlocks(in, handOver, chunk, limit, 1_000_000);
    List<String> seen = new ArrayList<>();
    int largest = 0;

    while (blocks.next()) {
      largest = Math.max(largest, blocks.bufferLength());
      seen.add(
          blocks.kind() == LineBlocks.Kind.LINES
              ? new String(
                  blocks.bytes(), blocks.from(), blocks.to() - blocks.from(),
                  StandardCharsets.US_ASCII)
              : blocks.kind().name());
    }

    assertThat(seen).as("blocks").containsExactly("a\n", "TOO_LONG", "b\n");
    assertThat(largest).as("largest buffer").isLessThanOrEqualTo(limit + chunk);
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 2, 4})
  void aLineThatNeverEndsStopsTheReadNamingSourceAndLineAfterTheLinesBefore(int threads) {
    InputStream endless =
        new SequenceOf(
            (COOK + "\n" + NURSE_AIDE + "\r\n").getBytes(StandardCharsets.UTF_8),
            new RepeatedByte((byte) 0, Long.MAX_VALUE));
    List<String> seen = new ArrayList<>();

    assertThatThrownBy(
            () ->
                JsonLinesReader.opportunities()
                    .withBlockSize(256)
                    .withThreads(threads)
                    .withLineLimits(LIMIT, 100_000)
                    .read(endless, "/dev/zero", o -> seen.add(o.id()), r -> seen.add("reject")))
        .as("reading an endless line")
        .isInstanceOf(UncheckedIOException.class)
        .hasMessage(
            "cannot read /dev/zero: line 3 has no line end within 100000 bytes, so this is not"
                + " JSON Lines; nothing after it is read");
    assertThat(seen).as("records before the endless line").containsExactly("V-1", "V-2");
  }

  @ParameterizedTest(name = "blocks of {0} bytes")
  @ValueSource(ints = {16, 100, 333, 1000})
  void aLineIsEndlessExactlyWhenItHasMoreBytesThanTheSkipLimitWhateverTheBlocks(int blockSize) {
    String atTheSkipLimit = COOK + "\n" + "x".repeat(1000) + "\n" + NURSE_AIDE + "\n";
    String aboveIt = COOK + "\n" + "x".repeat(1001) + "\n" + NURSE_AIDE + "\n";
    JsonLinesReader<Opportunity> reader =
        JsonLinesReader.opportunities().withBlockSize(blockSize).withLineLimits(LIMIT, 1000);

    ReadResult<Opportunity> read = read(reader, atTheSkipLimit);

    assertThat(read.rejects()).as("rejects").extracting(Reject::line).containsExactly(2L);
    assertThat(read.records()).as("records").hasSize(2);
    assertThat(reader.read(new StringReader(atTheSkipLimit), "batch.jsonl"))
        .as("read from characters")
        .isEqualTo(read);
    assertThatThrownBy(() -> read(reader, aboveIt))
        .as("reading bytes with a line above the skip limit")
        .hasMessageStartingWith("cannot read batch.jsonl: line 2 has no line end within 1000 bytes");
    assertThatThrownBy(() -> reader.read(new StringReader(aboveIt), "batch.jsonl"))
        .as("reading characters with a line above the skip limit")
        .hasMessageStartingWith("cannot read batch.jsonl: line 2 has no line end within 1000 bytes");
  }

  @Test
  void anEndlessCharacterStreamStopsTheReadToo() {
    Reader endless =
        new Reader() {
          private boolean first = true;

          @Override
          public int read(char[] buffer, int offset, int length) {
            if (first) {
              first = false;
              String head = COOK + "\n";
              head.getChars(0, head.length(), buffer, offset);
              return head.length();
            }
            Arrays.fill(buffer, offset, offset + length, 'x');
            return length;
          }

          @Override
          public void close() {}
        };

    assertThatThrownBy(
            () ->
                JsonLinesReader.opportunities()
                    .withLineLimits(LIMIT, 100_000)
                    .read(endless, "request"))
        .as("reading an endless line of characters")
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("cannot read request: line 2 has no line end within 100000 bytes");
  }

  @Test
  void limitsThatWouldTakeALineWithinABlockForAnEndlessOneAreRefused() {
    JsonLinesReader<Opportunity> reader =
        JsonLinesReader.opportunities().withBlockSize(4096).withLineLimits(100, 1000);

    assertThatThrownBy(() -> read(reader, COOK))
        .as("a skip limit below the block size")
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("maxSkippedBytes must be at least the block size 4096");
  }

  /** {@code count} times the same byte, without holding them. */
  private static final class RepeatedByte extends InputStream {
    private final byte value;
    private long left;

    RepeatedByte(byte value, long count) {
      this.value = value;
      this.left = count;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      left--;
      return value & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(length, left);
      Arrays.fill(buffer, offset, offset + n, value);
      left -= n;
      return n;
    }
  }

  /** Byte arrays and streams one after the other. */
  private static final class SequenceOf extends InputStream {
    private final List<InputStream> parts = new ArrayList<>();

    SequenceOf(Object... parts) {
      for (Object part : parts) {
        this.parts.add(part instanceof byte[] bytes ? new ByteArrayInputStream(bytes) : (InputStream) part);
      }
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      while (!parts.isEmpty()) {
        int n = parts.get(0).read(buffer, offset, length);
        if (n >= 0) {
          return n;
        }
        parts.remove(0);
      }
      return -1;
    }
  }
}
