package org.passgenau.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.passgenau.bench.peer.ElasticStyleIndex;
import org.passgenau.model.Opportunity;

/**
 * The peer of {@link IndexBenchmark}: one operation indexes the same generated opportunities
 * (already parsed, in memory) into a fresh Lucene index mapped as an Elasticsearch user would map
 * them ({@link ElasticStyleIndex}), on as many threads as the engine's bulk load, in a temporary
 * directory on disk, and commits. The score is operations per second; the auxiliary counter
 * {@code opportunities} is the rate of opportunities indexed per second, to set beside {@code
 * IndexBenchmark.index}'s.
 *
 * <p>Not measured: generating the corpus (once per trial) and deleting the index directories
 * (after each iteration). The engine's benchmark indexes into memory; this one writes to disk as a
 * search server does, so its files and the commit's syncs are included here and not there.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class PeerIndexBenchmark {

  @Param({"10000", "100000"})
  int opportunities;

  List<Opportunity> corpus;
  Path root;
  int runs;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    corpus = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).opportunities(opportunities);
    root = Files.createTempDirectory("peer-index-");
  }

  @TearDown(Level.Iteration)
  public void deleteIndexes() throws IOException {
    WholePathReport.deleteTree(root);
    Files.createDirectories(root);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    WholePathReport.deleteTree(root);
  }

  @Benchmark
  public int elasticStyle(IndexBenchmark.Indexed indexed) {
    Path dir = root.resolve("run-" + runs++);
    try (ElasticStyleIndex index = ElasticStyleIndex.create(dir)) {
      index.indexAll(corpus, ElasticStyleIndex.defaultThreads());
      int size = index.size();
      if (size != corpus.size()) {
        throw new IllegalStateException("indexed " + size + ", expected " + corpus.size());
      }
      indexed.opportunities += size;
      return size;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
