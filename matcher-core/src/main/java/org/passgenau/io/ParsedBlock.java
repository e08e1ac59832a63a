package org.passgenau.io;

import java.util.Arrays;
import java.util.List;
import org.passgenau.io.Problems.Problem;

/**
 * What a worker made of one block of lines, kept in line order until the reading thread replays it
 * into the read's state: line numbers are counted from the start of the block.
 *
 * <p>Written by one worker, then read by the reading thread after the worker's future completed
 * (which orders the two).
 */
final class ParsedBlock<T> implements JsonLinesReader.LineSink<T> {

  private static final String[] NO_PATHS = {};

  /** A line refused before the duplicate check; replayed as a reject. */
  private record Refused(String id, Problem problem) {}

  private int size;
  private long[] lines = new long[256];

  /** A record of type T, or a {@link Refused}. */
  private Object[] outcomes = new Object[256];

  /** Unknown field paths per outcome; null until a record has one. */
  private String[][] unknownFields;

  private long lineCount;

  void lineCount(long lineCount) {
    this.lineCount = lineCount;
  }

  @Override
  public void record(long line, T record, List<String> unknownFieldPaths) {
    int index = add(line, record);
    if (!unknownFieldPaths.isEmpty()) {
      if (unknownFields == null) {
        unknownFields = new String[outcomes.length][];
      }
      unknownFields[index] = unknownFieldPaths.toArray(NO_PATHS);
    }
  }

  @Override
  public void reject(long line, String id, Problem problem) {
    add(line, new Refused(id, problem));
  }

  private int add(long line, Object outcome) {
    if (size == outcomes.length) {
      int capacity = 2 * size;
      lines = Arrays.copyOf(lines, capacity);
      outcomes = Arrays.copyOf(outcomes, capacity);
      if (unknownFields != null) {
        unknownFields = Arrays.copyOf(unknownFields, capacity);
      }
    }
    lines[size] = line;
    outcomes[size] = outcome;
    return size++;
  }

  /**
   * Hands every outcome to {@code sink} in line order, numbering lines after {@code linesBefore};
   * returns the line count after this block.
   */
  @SuppressWarnings("unchecked")
  long replay(JsonLinesReader.LineSink<T> sink, long linesBefore) {
    for (int i = 0; i < size; i++) {
      long line = linesBefore + lines[i];
      if (outcomes[i] instanceof Refused refused) {
        sink.reject(line, refused.id(), refused.problem());
      } else {
        String[] paths = unknownFields == null ? null : unknownFields[i];
        sink.record(line, (T) outcomes[i], paths == null ? List.of() : Arrays.asList(paths));
      }
    }
    return linesBefore + lineCount;
  }
}
