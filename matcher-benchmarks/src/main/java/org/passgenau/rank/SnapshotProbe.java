package org.passgenau.rank;

import java.util.ArrayList;
import java.util.List;
import org.passgenau.index.Segment;
import org.passgenau.index.Snapshot;

/**
 * Looks inside an engine's current snapshot for benchmarks and diagnostics: the ranking columns
 * of each segment, and one sequential pass over all of them, the memory-bandwidth bound of any
 * full scan. Not for ranking. Thread-safe, as the engine is.
 *
 * <p>It lives in the benchmarks module, in the engine's package, so that it can read the engine's
 * package-private snapshot while the library that hosts embed ships no probe.
 */
public final class SnapshotProbe {

  private SnapshotProbe() {}

  /**
   * Reads every element of every column of every segment once, in order, and returns a checksum
   * of what it read (so that the JIT cannot skip the reads).
   */
  public static long scanColumns(MatchingEngine engine) {
    long sum = 0;
    try (Snapshot<OpportunityColumns> snapshot = engine.index().acquire()) {
      for (Segment<OpportunityColumns> segment : snapshot.segments()) {
        sum += segment.columns().checksum();
      }
    }
    return sum;
  }

  /** The column objects of the current snapshot, one per segment, for heap measurements (JOL). */
  public static List<Object> columns(MatchingEngine engine) {
    List<Object> out = new ArrayList<>();
    try (Snapshot<OpportunityColumns> snapshot = engine.index().acquire()) {
      for (Segment<OpportunityColumns> segment : snapshot.segments()) {
        out.add(segment.columns());
      }
    }
    return out;
  }

  /** Documents in the current snapshot's segments, deleted ones included: what the columns hold. */
  public static long columnDocs(MatchingEngine engine) {
    long docs = 0;
    try (Snapshot<OpportunityColumns> snapshot = engine.index().acquire()) {
      for (Segment<OpportunityColumns> segment : snapshot.segments()) {
        docs += segment.maxDoc();
      }
    }
    return docs;
  }
}
