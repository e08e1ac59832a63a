package org.passgenau.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.apache.lucene.util.IOUtils;
import org.passgenau.model.Opportunity;

/**
 * The opportunities that profiles are matched against, in a Lucene index that changes while
 * queries run.
 *
 * <p>Changes ({@link #upsert}, {@link #delete}) become visible to new snapshots at the next {@link
 * #refresh()}, and durable on disk at the next {@link #commit()} or at {@link #close()}. A {@link
 * Snapshot} pairs one searcher with the {@linkplain SegmentColumnsFactory columns} of exactly its
 * segments; columns are built once per segment, during the refresh that first sees it, so queries
 * never pay for them and never see a stale or mixed set.
 *
 * <pre>{@code
 * OpportunityIndex<Columns> index = OpportunityIndex.builder(Columns::of)
 *     .directory(Path.of("var/opportunities"))   // leave out to keep the index in memory
 *     .build();
 * index.upsertAll(opportunities);
 * index.refresh();
 *
 * try (Snapshot<Columns> snapshot = index.acquire()) {
 *   for (Segment<Columns> segment : snapshot.segments()) {
 *     scan(segment.columns(), segment.liveDocs());   // the ranking core's sequential scan
 *   }
 * }
 * }</pre>
 *
 * <p>An index opened {@linkplain Builder#readOnly() read-only} reads the last commit of a saved
 * index without an {@link IndexWriter}, so it takes no write lock and any number of processes may
 * read one directory at once, beside at most one writer; it refuses every change, and a {@link
 * #refresh()} moves it on to the writer's last commit.
 *
 * <p>Thread-safe: any number of threads may upsert, delete, refresh, commit and acquire snapshots
 * concurrently. Close the index once, after every snapshot is closed.
 *
 * @param <C> the columns of one segment, as built by the {@link SegmentColumnsFactory}
 */
public final class OpportunityIndex<C> implements Closeable {

  /**
   * Beside Lucene's {@code write.lock}, which records no holder: who writes, for the message a
   * second writer gets. Only the OS lock counts; a file left by a killed writer blocks nothing.
   */
  static final String WRITER_INFO = "writer.info";

  private final Directory directory;
  /** Null when read-only. */
  private final IndexWriter writer;

  /** Set by the first close or rollback; later ones do nothing. */
  private boolean closed;
  /** The directory on disk, or null in memory. */
  private final Path path;
  private final SegmentViews<C> views;
  private final SearcherManager searchers;
  private final int indexingThreads;
  /** Below this many, starting threads costs more than it saves. */
  private static final int PARALLEL_FROM = 2_000;
  /**
   * The commit user data key of the {@linkplain OpportunityCodec#FORMAT record format}: an index
   * of another format is refused with a message, never misread.
   */
  static final String FORMAT_KEY = "passgenau.record.format";

  private OpportunityIndex(
      Directory directory, IndexWriter writer, Path path, SegmentViews<C> views,
      SearcherManager searchers, int indexingThreads) {
    this.directory = directory;
    this.path = path;
    this.indexingThreads = indexingThreads;
    this.writer = writer;
    this.views = views;
    this.searchers = searchers;
  }

  /**
   * Starts building an index whose segments get their columns from {@code columns}.
   *
   * @throws NullPointerException if {@code columns} is null
   */
  public static <C> Builder<C> builder(SegmentColumnsFactory<C> columns) {
    return new Builder<>(Objects.requireNonNull(columns, "columns factory must not be null"));
  }

  /** Adds an opportunity, or replaces the one with the same id. Visible after {@link #refresh()}. */
  public void upsert(Opportunity opportunity) {
    Objects.requireNonNull(opportunity, "opportunity must not be null");
    requireWritable("upsert");
    try {
      writer.updateDocument(idTerm(opportunity.id()), OpportunityDocuments.toDocument(opportunity));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index opportunity " + opportunity.id(), e);
    }
  }

  /**
   * Upserts each opportunity in order, so a later one with the same id wins. Large inputs are
   * indexed on {@link Builder#indexingThreads} threads, each id always on the same one, so the
   * outcome is the same as one by one.
   *
   * @throws NullPointerException naming the position of a null element; the ones before it are
   *     upserted
   */
  public void upsertAll(Iterable<Opportunity> opportunities) {
    Objects.requireNonNull(opportunities, "opportunities must not be null");
    requireWritable("upsert");
    boolean small = opportunities instanceof Collection<?> c && c.size() < PARALLEL_FROM;
    if (indexingThreads > 1 && !small) {
      PartitionedUpserts.run(opportunities, indexingThreads, this::upsert);
      return;
    }
    int position = 0;
    for (Opportunity opportunity : opportunities) {
      if (opportunity == null) {
        throw new NullPointerException("opportunity at position " + position + " is null");
      }
      upsert(opportunity);
      position++;
    }
  }

  /**
   * Starts a bulk upsert fed one opportunity at a time, for a reader that pushes records as it
   * parses them: each {@code accept} hands the opportunity to one of {@link
   * Builder#indexingThreads} threads (each id always to the same one, so a later opportunity with
   * the same id wins, as with {@link #upsertAll}), and {@code close} returns when all are upserted.
   * Visible after {@link #refresh()}. The returned object is fed by one thread.
   */
  public Bulk bulk() {
    requireWritable("upsert");
    if (indexingThreads == 1) {
      return new Bulk() {
        @Override
        public void accept(Opportunity opportunity) {
          upsert(opportunity);
        }

        @Override
        public void close() {}
      };
    }
    return new PartitionedUpserts(indexingThreads, this::upsert);
  }

  /** A bulk upsert: accept each opportunity, then close to wait for them all. */
  public interface Bulk extends java.util.function.Consumer<Opportunity>, AutoCloseable {
    /** Waits until every accepted opportunity is upserted; rethrows a failure of a lane. */
    @Override
    void close();
  }

  /** Removes the opportunity with this id, if any. Takes effect at {@link #refresh()}. */
  public void delete(String id) {
    Objects.requireNonNull(id, "id must not be null");
    requireWritable("delete");
    try {
      writer.deleteDocuments(idTerm(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete opportunity " + id, e);
    }
  }

  /**
   * Makes every change made before this call visible to snapshots acquired after it, building the
   * columns of new segments first; an index opened read-only moves on to the directory's last
   * commit. Waits if another thread is refreshing.
   */
  public void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot refresh the opportunity index", e);
    }
  }

  /** Makes every change made before this call durable; a no-op in effect for memory indexes. */
  public void commit() {
    requireWritable("commit");
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit the opportunity index", e);
    }
  }

  /** The number of opportunities in the current snapshot. */
  public int size() {
    try (Snapshot<C> snapshot = acquire()) {
      return snapshot.size();
    }
  }

  /** The current snapshot. Close it when done. */
  public Snapshot<C> acquire() {
    IndexSearcher searcher;
    try {
      searcher = searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot acquire a snapshot", e);
    }
    try {
      return new Snapshot<>(searchers, searcher, views.segmentsOf(searcher.getIndexReader()));
    } catch (RuntimeException e) {
      release(searcher);
      throw e;
    }
  }

  /** Merges down to at most {@code maxSegments}; visible after {@link #refresh()}. For tests. */
  void forceMerge(int maxSegments) throws IOException {
    requireWritable("merge");
    writer.forceMerge(maxSegments);
  }

  /** The number of segment cores with cached columns. For tests. */
  int cachedColumns() {
    return views.cachedCores();
  }

  private void requireWritable(String change) {
    if (writer == null) {
      throw new IllegalStateException("cannot " + change + ": the opportunity index in " + path
          + " is open read-only; open it without readOnly() to change it");
    }
  }

  /**
   * Discards every change since the last commit (or since opening) and releases the index, as
   * {@link IndexWriter#rollback()} does: what was saved stays as it was. {@link #close()} does
   * nothing afterwards. Snapshots must be closed before.
   */
  public void rollback() {
    release(writer == null ? null : writer::rollback, "roll back");
  }

  /** Commits pending changes and releases the index; snapshots must be closed before. */
  @Override
  public void close() {
    release(writer, "close");
  }

  /** Releases the index once, ending the writer with {@code endWriter} (null when read-only). */
  private void release(Closeable endWriter, String action) {
    if (closed) {
      return;
    }
    closed = true;
    try {
      // Before the writer releases the lock, so that a next writer's file is never removed.
      deleteWriterInfo(writer, path);
      IOUtils.close(searchers, endWriter, directory);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot " + action + " the opportunity index", e);
    }
  }

  private void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException | RuntimeException suppressed) {
      // The caller's exception matters more; the release failure is not actionable.
    }
  }

  private static Term idTerm(String id) {
    return new Term(OpportunityFields.ID, id);
  }

  /** Records who holds the write lock; best effort, the lock works without it. */
  private static void writeWriterInfo(Path dir) {
    String host;
    try {
      host = InetAddress.getLocalHost().getHostName();
    } catch (IOException | RuntimeException e) {
      host = "an unknown host";
    }
    String info = "pid " + ProcessHandle.current().pid() + " on " + host + " since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n";
    try {
      Files.writeString(dir.resolve(WRITER_INFO), info, StandardCharsets.UTF_8);
    } catch (IOException e) {
      // Only the message to a second writer loses detail.
    }
  }

  private static void deleteWriterInfo(IndexWriter writer, Path dir) {
    if (writer == null || dir == null) {
      return;
    }
    try {
      Files.deleteIfExists(dir.resolve(WRITER_INFO));
    } catch (IOException e) {
      // A stale file names a writer that has gone; it blocks nothing.
    }
  }

  /** What a second writer is told: the lock, and its holder when the holder recorded itself. */
  private static String lockHolder(Path dir) {
    try {
      String info = Files.readString(dir.resolve(WRITER_INFO), StandardCharsets.UTF_8).strip();
      if (!info.isEmpty() && info.length() < 300 && info.lines().count() == 1) {
        return "write.lock held by " + info;
      }
    } catch (IOException e) {
      // No record (an older writer, or one on a file system we cannot read): say less.
    }
    return "write.lock held";
  }

  /**
   * Configures and opens an {@link OpportunityIndex}. Setters fail fast on bad values. Not
   * thread-safe.
   */
  public static final class Builder<C> {
    private final SegmentColumnsFactory<C> columns;
    private Path path;
    private boolean readOnly;
    private int indexingThreads = Math.min(4, Runtime.getRuntime().availableProcessors());

    private Builder(SegmentColumnsFactory<C> columns) {
      this.columns = columns;
    }

    /**
     * Keeps the index on disk in {@code path}, created if missing; an index already there is
     * opened and appended to. Default: in memory.
     *
     * @throws IllegalArgumentException if {@code path} exists and is not a directory
     */
    public Builder<C> directory(Path path) {
      Objects.requireNonNull(path, "directory must not be null");
      if (Files.exists(path) && !Files.isDirectory(path)) {
        throw new IllegalArgumentException("directory must be a directory, was a file: " + path);
      }
      this.path = path;
      return this;
    }

    /**
     * Opens the saved index in the {@linkplain #directory directory} for reading only: its last
     * commit, without a writer, so no write lock is taken and other processes may read or write
     * it meanwhile. Changes, refreshes and commits are refused with an {@link
     * IllegalStateException}. {@link #build()} fails when there is no directory or no index in it.
     */
    public Builder<C> readOnly() {
      this.readOnly = true;
      return this;
    }

    /**
     * How many threads {@link OpportunityIndex#upsertAll} indexes large inputs on, and a refresh
     * builds the columns of new segments on; 1 does both on the calling thread only. Default: the
     * available processors, at most 4.
     *
     * @throws IllegalArgumentException if {@code threads} is not between 1 and 64
     */
    public Builder<C> indexingThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("indexingThreads must be between 1 and 64, was " + threads);
      }
      this.indexingThreads = threads;
      return this;
    }

    /**
     * Opens the index and builds the columns of every segment already in it.
     *
     * @throws UncheckedIOException naming the directory if it cannot be opened; when another
     *     writer holds its write lock, caused by a {@link LockObtainFailedException} whose message
     *     names the holder when known
     * @throws IllegalStateException if read-only without a directory, or with a directory that
     *     does not exist or holds no index; or if the saved index was written in another record
     *     format (by an older version)
     */
    public OpportunityIndex<C> build() {
      if (readOnly) {
        checkSavedIndex(path);
      }
      Directory directory = null;
      IndexWriter writer = null;
      try {
        directory = path == null ? new ByteBuffersDirectory() : FSDirectory.open(path);
        checkFormat(directory);
        SegmentViews<C> views = new SegmentViews<>(columns, indexingThreads);
        SearcherManager searchers;
        if (readOnly) {
          // A reader of the last commit: no IndexWriter, so no write.lock.
          if (!DirectoryReader.indexExists(directory)) {
            throw new IllegalStateException("no saved opportunity index in " + path);
          }
          searchers = new SearcherManager(directory, views);
        } else {
          // No field is analysed, so the analyzer of the default config is never used. Lucene's
          // 16 MB indexing buffer: a 64 MB one made fewer segments but a larger peak RSS.
          IndexWriterConfig config = new IndexWriterConfig()
              .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
          writer = openWriter(directory, config);
          writer.setLiveCommitData(
              Map.of(FORMAT_KEY, Integer.toString(OpportunityCodec.FORMAT)).entrySet());
          // applyAllDeletes: a replaced opportunity must never show twice in one snapshot.
          searchers = new SearcherManager(writer, true, false, views);
        }
        return new OpportunityIndex<>(directory, writer, path, views, searchers, indexingThreads);
      } catch (IOException | RuntimeException e) {
        if (writer != null) {
          deleteWriterInfo(writer, path);
          IOUtils.closeWhileHandlingException(writer);
        }
        IOUtils.closeWhileHandlingException(directory);
        if (e instanceof LockObtainFailedException locked) {
          LockObtainFailedException named = new LockObtainFailedException(lockHolder(path), locked);
          throw new UncheckedIOException("cannot open the opportunity index in " + path
              + ": it is locked by another writer (" + named.getMessage() + ")", named);
        }
        if (e instanceof IOException io) {
          throw new UncheckedIOException(
              "cannot open the opportunity index in " + (path == null ? "memory" : path), io);
        }
        throw (RuntimeException) e;
      }
    }

    private IndexWriter openWriter(Directory directory, IndexWriterConfig config)
        throws IOException {
      IndexWriter opened = new IndexWriter(directory, config);
      if (path != null) {
        writeWriterInfo(path);
      }
      return opened;
    }

    /**
     * Refuses a saved index whose records this version cannot read, before anything is read or
     * written: an index from before the record format has none in its commit data.
     */
    private void checkFormat(Directory directory) throws IOException {
      if (path == null || !DirectoryReader.indexExists(directory)) {
        return;
      }
      String format = SegmentInfos.readLatestCommit(directory).getUserData().get(FORMAT_KEY);
      if (!Integer.toString(OpportunityCodec.FORMAT).equals(format)) {
        throw new IllegalStateException("the opportunity index in " + path + " was written by "
            + (format == null ? "an older version" : "a version with record format " + format)
            + " and cannot be read by this one (record format " + OpportunityCodec.FORMAT
            + "); delete the directory and build it again from the opportunity file");
      }
    }

    /** Fails before FSDirectory.open, which would create a missing directory. */
    private static void checkSavedIndex(Path path) {
      if (path == null) {
        throw new IllegalStateException(
            "a read-only opportunity index needs the directory of a saved index");
      }
      if (!Files.isDirectory(path)) {
        throw new IllegalStateException(
            "no saved opportunity index in " + path + ": the directory does not exist");
      }
    }
  }
}
