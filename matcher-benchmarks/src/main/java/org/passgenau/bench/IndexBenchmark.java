package org.passgenau.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.passgenau.model.Opportunity;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * Indexing throughput of the engine alone: one operation builds a fresh engine with the shipped
 * taxonomy on an in-memory directory (Lucene's {@code ByteBuffersDirectory}), {@code upsertAll}s
 * {@code opportunities} generated opportunities and {@code refresh}es, so that everything is
 * visible to matches (the columnar snapshot is built), then closes the engine.
 *
 * <p>What it measures: turning parsed {@code Opportunity} records already in memory into Lucene
 * documents and the ranking columns. What it does not: reading or parsing JSON (the records are
 * generated once per trial, outside the measurement), the disk (no file is written, nothing is
 * committed or synced), loading the taxonomy (once per trial, as a long-running service reads it
 * once), the JVM's start, or a ranking. Its rate is thus an upper bound for the indexing of a
 * batch run from files. The path users take, JSON Lines on disk to a results file, is measured by
 * {@link WholePathReport}; the same records indexed the way an Elasticsearch user would map them,
 * by {@link PeerIndexBenchmark}.
 *
 * <p>The primary score is such runs per second; the auxiliary counter {@code opportunities} is
 * JMH's rate of opportunities indexed per second (runs per second times {@code opportunities}).
 * The engine has its default {@code indexingThreads}, the available processors up to 4, as a bulk
 * load in production would: on a 2-core machine two threads analyse and add documents, and a
 * refresh builds the columns of new segments on two threads.
 *
 * <p>Heap per opportunity of the resulting snapshot is measured by {@link SnapshotFootprint}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class IndexBenchmark {

  @Param({"10000", "100000"})
  int opportunities;

  List<Opportunity> corpus;
  OccupationTaxonomy taxonomy;

  @Setup(Level.Trial)
  public void setUp() {
    corpus = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).opportunities(opportunities);
    taxonomy = RankingBenchmark.taxonomy();
  }

  /** Opportunities indexed, reported by JMH as a rate per second next to the primary score. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Indexed {
    public long opportunities;
  }

  @Benchmark
  public int index(Indexed indexed) {
    MatchingEngine.Builder builder = MatchingEngine.builder();
    if (taxonomy != null) {
      builder.taxonomy(taxonomy);
    }
    try (MatchingEngine engine = builder.build()) {
      engine.upsertAll(corpus);
      engine.refresh();
      int size = engine.size();
      if (size != corpus.size()) {
        throw new IllegalStateException("indexed " + size + ", expected " + corpus.size());
      }
      indexed.opportunities += size;
      return size;
    }
  }
}
