package org.passgenau.index;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.passgenau.model.Opportunity;

/**
 * Creates every searcher the index publishes and, before publishing it, the columns of each new
 * segment core and the list of segments of the new reader. The columns of several new cores are
 * built on several threads at once.
 *
 * <p>This runs inside {@link SearcherFactory#newSearcher}, not in a {@code RefreshListener}: the
 * factory runs in the refreshing thread before the new searcher is swapped in, whereas {@code
 * afterRefresh} runs after the swap, when a query may already hold the new searcher. So a query
 * never builds columns and never finds them missing.
 *
 * <p>Columns are cached by segment core, which NRT reopens share: a refresh only decodes the
 * segments it has not seen (new flushes and merges), and deletions only change live docs. An entry
 * leaves the cache when its core closes, that is when no reader, pooled or acquired, uses it.
 *
 * <p>Thread-safe: refreshes are serialised by the searcher manager, and queries only read.
 */
final class SegmentViews<C> extends SearcherFactory {

  /** Docs one decoding task reads when one large segment is decoded on several threads. */
  private static final int DECODE_CHUNK = 8_192;

  private final SegmentColumnsFactory<C> factory;
  private final int threads;
  private final ConcurrentMap<IndexReader.CacheKey, C> columnsByCore = new ConcurrentHashMap<>();
  private final ConcurrentMap<IndexReader.CacheKey, List<Segment<C>>> segmentsByReader =
      new ConcurrentHashMap<>();

  SegmentViews(SegmentColumnsFactory<C> factory, int threads) {
    this.factory = factory;
    this.threads = threads;
  }

  @Override
  public IndexSearcher newSearcher(IndexReader reader, IndexReader previousReader)
      throws IOException {
    List<LeafReaderContext> leaves = reader.leaves();
    buildNewColumns(leaves);
    List<Segment<C>> segments = new ArrayList<>(leaves.size());
    for (LeafReaderContext leaf : leaves) {
      segments.add(new Segment<>(leaf, columnsOf(leaf.reader())));
    }
    IndexReader.CacheHelper helper = requireCacheHelper(reader.getReaderCacheHelper(), reader);
    // Kept per top-level reader so that acquiring a snapshot allocates no list.
    segmentsByReader.put(helper.getKey(), Collections.unmodifiableList(segments));
    helper.addClosedListener(segmentsByReader::remove);
    return new IndexSearcher(reader);
  }

  /** The segments of a reader this factory created a searcher for. */
  List<Segment<C>> segmentsOf(IndexReader reader) {
    List<Segment<C>> segments = segmentsByReader.get(reader.getReaderCacheHelper().getKey());
    if (segments == null) {
      throw new IllegalStateException("no segments for reader " + reader + "; was it closed?");
    }
    return segments;
  }

  /** The number of segment cores whose columns are cached; for tests. */
  int cachedCores() {
    return columnsByCore.size();
  }

  /**
   * Builds the columns of the leaves not yet cached, on up to {@link #threads} threads when there
   * are several; with one or none, {@link #columnsOf} builds it in this thread.
   */
  private void buildNewColumns(List<LeafReaderContext> leaves) throws IOException {
    List<LeafReader> missing = new ArrayList<>();
    for (LeafReaderContext leaf : leaves) {
      IndexReader.CacheHelper core = requireCacheHelper(leaf.reader().getCoreCacheHelper(), leaf.reader());
      if (!columnsByCore.containsKey(core.getKey())) {
        missing.add(leaf.reader());
      }
    }
    int workers = Math.min(threads, missing.size());
    if (workers < 2) {
      // One new segment (a reopened, merged index): its records are decoded on the threads.
      if (missing.size() == 1 && threads > 1 && missing.get(0).maxDoc() >= 2 * DECODE_CHUNK) {
        columnsOf(missing.get(0), threads);
      }
      return;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            new ThreadFactoryBuilder().setNameFormat("passgenau-columns").setDaemon(true).build());
    try {
      List<Future<C>> builds = new ArrayList<>();
      for (LeafReader leaf : missing) {
        builds.add(pool.submit(() -> columnsOf(leaf)));
      }
      for (Future<C> build : builds) {
        await(build);
      }
    } finally {
      // Not interrupted: an interrupt during file I/O would close the segment's channels.
      pool.shutdown();
      Uninterruptibles.awaitTerminationUninterruptibly(pool);
    }
  }

  private static void await(Future<?> build) throws IOException {
    try {
      build.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building segment columns", e);
    } catch (ExecutionException e) {
      Throwables.throwIfInstanceOf(e.getCause(), IOException.class);
      Throwables.throwIfUnchecked(e.getCause());
      throw new IllegalStateException("building segment columns failed", e.getCause());
    }
  }

  private C columnsOf(LeafReader leaf) throws IOException {
    return columnsOf(leaf, 1);
  }

  private C columnsOf(LeafReader leaf, int decodingThreads) throws IOException {
    IndexReader.CacheHelper core = requireCacheHelper(leaf.getCoreCacheHelper(), leaf);
    IndexReader.CacheKey key = core.getKey();
    C columns = columnsByCore.get(key);
    if (columns != null) {
      return columns;
    }
    columns = build(leaf, decodingThreads);
    C raced = columnsByCore.putIfAbsent(key, columns);
    if (raced != null) {
      return raced;
    }
    // Registered once per core, outside the map's locks: the listener removes from the same map.
    core.addClosedListener(columnsByCore::remove);
    return columns;
  }

  private C build(LeafReader leaf, int decodingThreads) throws IOException {
    Opportunity[] docs = new Opportunity[leaf.maxDoc()];
    if (decodingThreads < 2) {
      decode(leaf, docs, 0, docs.length);
    } else {
      decodeInParallel(leaf, docs, decodingThreads);
    }
    return Objects.requireNonNull(
        factory.build(List.of(docs)), () -> "SegmentColumnsFactory " + factory + " returned null");
  }

  /** Decodes the records of docs [from, to), read forward: doc values are read a block at a time. */
  private static void decode(LeafReader leaf, Opportunity[] docs, int from, int to)
      throws IOException {
    OpportunityDocuments.Records records = new OpportunityDocuments.Records(leaf);
    for (int doc = from; doc < to; doc++) {
      docs[doc] = records.read(doc);
    }
  }

  /** Each thread decodes its own ranges of docs, with its own doc values iterator. */
  private static void decodeInParallel(LeafReader leaf, Opportunity[] docs, int threads)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(threads,
        new ThreadFactoryBuilder().setNameFormat("passgenau-decode").setDaemon(true).build());
    try {
      List<Future<?>> chunks = new ArrayList<>();
      for (int from = 0; from < docs.length; from += DECODE_CHUNK) {
        int start = from;
        int end = Math.min(docs.length, from + DECODE_CHUNK);
        chunks.add(pool.submit(() -> {
          decode(leaf, docs, start, end);
          return null;
        }));
      }
      for (Future<?> chunk : chunks) {
        await(chunk);
      }
    } finally {
      pool.shutdown();
      Uninterruptibles.awaitTerminationUninterruptibly(pool);
    }
  }

  private static IndexReader.CacheHelper requireCacheHelper(
      IndexReader.CacheHelper helper, IndexReader reader) {
    if (helper == null) {
      throw new IllegalStateException("reader " + reader + " cannot be cached");
    }
    return helper;
  }
}
