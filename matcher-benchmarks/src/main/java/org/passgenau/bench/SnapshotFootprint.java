package org.passgenau.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.openjdk.jol.info.GraphLayout;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.SnapshotProbe;

/**
 * Bytes of heap per opportunity held by the ranking snapshot: the deep size (JOL
 * {@link GraphLayout}) of the column objects of every segment of a refreshed engine, divided by
 * the documents those columns hold. The Lucene index itself (in-memory directory, readers,
 * stored fields) is not part of the figure; {@link #engineHeapBytes} gives a rough whole-engine
 * number from the used heap before and after building it.
 *
 * <p>Not a JMH benchmark: sizes do not need repetitions. Usage:
 * {@code java -cp benchmarks.jar org.passgenau.bench.SnapshotFootprint [sizes...]}
 * (default 10000 100000). Add {@code -v} for JOL's per-class table.
 */
public final class SnapshotFootprint {

  private SnapshotFootprint() {}

  /** One corpus size's figures. */
  public record Footprint(int opportunities, long columnDocs, long columnBytes,
      long engineHeapBytes, String perClass) {

    public double bytesPerOpportunity() {
      return columnBytes / (double) columnDocs;
    }
  }

  public static Footprint measure(int opportunities) {
    long before = usedHeapAfterGc();
    try (MatchingEngine engine = Corpora.engine(opportunities)) {
      long after = usedHeapAfterGc();
      List<Object> columns = SnapshotProbe.columns(engine);
      GraphLayout layout = GraphLayout.parseInstance(columns.toArray());
      return new Footprint(opportunities, SnapshotProbe.columnDocs(engine), layout.totalSize(),
          after - before, layout.toFootprint());
    }
  }

  static long usedHeapAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  public static void main(String[] args) {
    boolean verbose = Arrays.asList(args).contains("-v");
    int[] sizes = Arrays.stream(args).filter(a -> !a.equals("-v"))
        .mapToInt(Integer::parseInt).toArray();
    if (sizes.length == 0) {
      sizes = new int[] {10_000, 100_000};
    }
    System.out.println("opportunities,column_docs,column_bytes,bytes_per_opportunity,"
        + "engine_heap_bytes_approx,engine_heap_bytes_per_opportunity_approx");
    for (int n : sizes) {
      Footprint f = measure(n);
      System.out.printf(Locale.ROOT, "%d,%d,%d,%.1f,%d,%.0f%n", n, f.columnDocs(),
          f.columnBytes(), f.bytesPerOpportunity(), f.engineHeapBytes(),
          f.engineHeapBytes() / (double) n);
      if (verbose) {
        System.out.println(f.perClass());
      }
    }
  }
}
