package org.passgenau.io;

import static com.google.common.base.Preconditions.checkState;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a byte stream into blocks of whole lines, reading large chunks: a block ends after a
 * {@code \n} (which also ends a {@code \r\n}; a lone {@code \r} does not end a line), and the
 * last block holds whatever follows the last line end. A line longer than a chunk makes the
 * buffer grow until the line fits.
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

  /** The largest array a JVM reliably allocates. */
  private static final int MAX_BUFFER = Integer.MAX_VALUE - 8;

  private final InputStream in;
  private final boolean handOver;
  private final int chunk;
  private byte[] buffer;

  /** Bytes read and not yet handed on are {@code [start, end)}. */
  private int start;

  private int end;

  /** Bytes before this index (and after start) hold no line end. */
  private int searched;

  private boolean endOfStream;
  private long blocks;

  private byte[] block;
  private int blockFrom;
  private int blockTo;

  LineBlocks(InputStream in, boolean handOver) {
    this(in, handOver, CHUNK);
  }

  LineBlocks(InputStream in, boolean handOver, int chunk) {
    this.in = in;
    this.handOver = handOver;
    this.chunk = chunk;
    this.buffer = new byte[chunk];
  }

  /** Moves to the next block; false at the end of the stream. */
  boolean next() throws IOException {
    while (true) {
      if (endOfStream) {
        return end > start && handOn(end);
      }
      int cut = lastCut();
      if (cut > start) {
        return handOn(cut);
      }
      fill();
    }
  }

  /** The array of the current block. */
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

  /** Just after the last line end in the unread bytes, or -1. */
  private int lastCut() {
    int low = Math.max(start, searched);
    for (int i = end - 1; i >= low; i--) {
      if (buffer[i] == '\n') {
        return i + 1;
      }
    }
    searched = Math.max(start, end - 1);
    return -1;
  }

  private boolean handOn(int cut) {
    block = buffer;
    blockFrom = start;
    blockTo = cut;
    blocks++;
    if (handOver) {
      int rest = end - cut;
      byte[] next = new byte[Math.max(chunk, 2 * rest)];
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
        checkState(buffer.length < MAX_BUFFER, "a line is longer than %s bytes", MAX_BUFFER);
        buffer = Arrays.copyOf(buffer, (int) Math.min(MAX_BUFFER, 2L * buffer.length));
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
