package org.passgenau.io;

import static com.google.common.base.Preconditions.checkArgument;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into blocks of whole lines, reading large chunks: a block ends after a
 * {@code \n} (which also ends a {@code \r\n}; a lone {@code \r} does not end a line), and the
 * last block holds whatever follows the last line end.
 *
 * <p>Memory stays bounded whatever the input: the buffer grows for a long line only up to the line
 * limit (plus the two bytes of a line end), never beyond the larger of that and one chunk. A line
 * that outgrows the limit is not kept: its bytes are dropped up to the next line end and the line
 * comes back as a block of kind {@link Kind#TOO_LONG}, in its place among the others. A line with
 * more than {@code maxSkippedBytes} bytes before its {@code \n} (a stream of zeros, a binary file)
 * comes back as {@link Kind#ENDLESS} as soon as that many have been read, and nothing more is read.
 *
 * <p>A block is available as soon as a line is complete, so that a slow stream such as standard
 * input is handed on as it arrives. In hand-over mode each block is its own array, which the caller
 * may pass to another thread; otherwise the buffer is reused and a block is valid until the next
 * call of {@link #next()}.
 *
 * <p>Not thread-safe: one reading thread.
 */
final class LineBlocks {

  static final int CHUNK = 1 << 20;

  /** What the current block is. */
  enum Kind {
    /** Whole lines, each at most a chunk or the line limit long, whichever is larger. */
    LINES,
    /** One line longer than the limit, whose bytes were dropped. */
    TOO_LONG,
    /** One line without a line end within the skip limit: the end of what is read. */
    ENDLESS
  }

  private final InputStream in;
  private final boolean handOver;
  private final int chunk;
  private final int maxLineBytes;
  private final long maxSkippedBytes;

  /** The largest the buffer grows to: a line at the limit with its CRLF, or one chunk. */
  private final int maxBuffer;

  private byte[] buffer;

  /** Bytes read and not yet handed on are {@code [start, end)}. */
  private int start;

  private int end;

  /** Bytes before this index (and after start) hold no line end. */
  private int searched;

  private boolean endOfStream;
  private long blocks;

  /** Bytes dropped of a line longer than the limit, while looking for its end; -1 when not. */
  private long skipped = -1;

  private boolean endless;

  private Kind kind;
  private byte[] block;
  private int blockFrom;
  private int blockTo;

  LineBlocks(InputStream in, boolean handOver, int chunk, int maxLineBytes, long maxSkippedBytes) {
    checkArgument(maxLineBytes >= 1, "maxLineBytes must be at least 1, was %s", maxLineBytes);
    // A line that fits the buffer is handed on whole and never skipped, so the skip limit must
    // not be below the buffer's size, or whether a line is endless would depend on the chunks.
    checkArgument(
        maxSkippedBytes >= Math.max(chunk, maxLineBytes + 2L),
        "maxSkippedBytes must be at least the block size %s and maxLineBytes + 2, was %s",
        chunk,
        maxSkippedBytes);
    this.in = in;
    this.handOver = handOver;
    this.chunk = chunk;
    this.maxLineBytes = maxLineBytes;
    this.maxSkippedBytes = maxSkippedBytes;
    this.maxBuffer = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(chunk, maxLineBytes + 2L));
    this.buffer = new byte[chunk];
  }

  /** Moves to the next block; false at the end of the stream, and after an endless line. */
  boolean next() throws IOException {
    if (endless) {
      return false;
    }
    while (true) {
      if (skipped >= 0) {
        if (skipToLineEnd()) {
          return true;
        }
        continue;
      }
      if (endOfStream) {
        return end > start && handOn(end);
      }
      int cut = lastCut();
      if (cut > start) {
        return handOn(cut);
      }
      // No line end in [start, end): a line still arriving. Beyond the limit even without the
      // CR of a CRLF, it is too long whatever follows, so its bytes need not be kept.
      if (end - start > maxLineBytes + 1L) {
        skipped = end - start;
        start = end;
        continue;
      }
      fill();
    }
  }

  /** What the current block is. */
  Kind kind() {
    return kind;
  }

  /** The array of the current block of {@link Kind#LINES}. */
  byte[] bytes() {
    return block;
  }

  int from() {
    return blockFrom;
  }

  int to() {
    return blockTo;
  }

  /** Whether the current block is the first, whose first line may start with a byte order mark. */
  boolean atStart() {
    return blocks == 1;
  }

  /** The length of the buffer, which tests check stays bounded. */
  int bufferLength() {
    return buffer.length;
  }

  /**
   * Drops bytes of a line that is too long up to its line end; true when its block is ready (the
   * line ended, the stream ended or the skip limit was passed), false when more must be read.
   */
  private boolean skipToLineEnd() throws IOException {
    for (int i = start; i < end; i++) {
      if (buffer[i] == '\n') {
        skipped += i - start;
        start = i + 1;
        searched = start;
        if (skipped > maxSkippedBytes) {
          // Endless by the same count whether its end came in this read or a later one.
          endless = true;
          return lineOf(Kind.ENDLESS);
        }
        return lineOf(Kind.TOO_LONG);
      }
    }
    skipped += end - start;
    start = end;
    if (skipped > maxSkippedBytes) {
      endless = true;
      return lineOf(Kind.ENDLESS);
    }
    if (endOfStream) {
      return lineOf(Kind.TOO_LONG);
    }
    fill();
    return false;
  }

  private boolean lineOf(Kind kind) {
    this.kind = kind;
    skipped = -1;
    block = null;
    blockFrom = 0;
    blockTo = 0;
    blocks++;
    return true;
  }

  /** Just after the last line end in the unread bytes, or -1. */
  private int lastCut() {
    int low = Math.max(start, searched);
    for (int i = end - 1; i >= low; i--) {
      if (buffer[i] == '\n') {
        return i + 1;
      }
    }
    searched = end;
    return -1;
  }

  private boolean handOn(int cut) {
    kind = Kind.LINES;
    block = buffer;
    blockFrom = start;
    blockTo = cut;
    blocks++;
    if (handOver) {
      int rest = end - cut;
      byte[] next = new byte[Math.max(chunk, Math.min(2 * rest, maxBuffer))];
      System.arraycopy(buffer, cut, next, 0, rest);
      buffer = next;
      start = 0;
      end = rest;
      searched = 0;
    } else {
      start = cut;
    }
    return true;
  }

  private void fill() throws IOException {
    if (start == end) {
      start = 0;
      end = 0;
      searched = 0;
    } else if (end == buffer.length) {
      if (start > 0) {
        System.arraycopy(buffer, start, buffer, 0, end - start);
        end -= start;
        searched = Math.max(0, searched - start);
        start = 0;
      } else {
        // Only a line within the limit gets here (next() drops longer ones), so this stays bounded.
        buffer = Arrays.copyOf(buffer, (int) Math.min(maxBuffer, 2L * buffer.length));
      }
    }
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      endOfStream = true;
    } else {
      end += read;
    }
  }
}
