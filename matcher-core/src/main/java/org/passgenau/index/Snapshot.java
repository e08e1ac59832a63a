package org.passgenau.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ReferenceManager;
import org.apache.lucene.util.Bits;
import org.passgenau.model.Opportunity;

/**
 * One point-in-time view of an {@link OpportunityIndex}: a searcher and the columns of exactly
 * its segments. Upserts, deletes and refreshes that happen while the snapshot is open do not
 * change what it sees. Close it, preferably with try-with-resources, so the index can let go of
 * old segments.
 *
 * <p>In a collector, pick the segment of a leaf with {@link #segment(LeafReaderContext)} (or
 * {@code segments().get(context.ord)}) in {@code getLeafCollector}, once per segment, then read
 * its columns by the segment doc ids that {@code collect} receives:
 *
 * <pre>{@code
 * try (Snapshot<KindColumn> snapshot = index.acquire()) {
 *   snapshot.searcher().search(candidates, new SimpleCollector() {
 *     Segment<KindColumn> segment;
 *     byte[] kinds;
 *
 *     protected void doSetNextReader(LeafReaderContext context) {
 *       segment = snapshot.segment(context);
 *       kinds = segment.columns().kinds();
 *     }
 *
 *     public void collect(int doc) {
 *       // doc is a segment doc id and already live: Lucene's scorers skip deleted docs.
 *       byte kind = kinds[doc];
 *       ...
 *     }
 *
 *     public ScoreMode scoreMode() {
 *       return ScoreMode.COMPLETE_NO_SCORES;
 *     }
 *   });
 * }
 * }</pre>
 *
 * <p>Searching, reading columns and decoding hits are safe from many threads at once; close the
 * snapshot once, after they are done. Nothing obtained from a snapshot (searcher, segments,
 * columns, doc ids) may be used after it is closed.
 *
 * @param <C> the columns of one segment
 */
public final class Snapshot<C> implements AutoCloseable {

  private final ReferenceManager<IndexSearcher> manager;
  private final IndexSearcher searcher;
  private final List<Segment<C>> segments;
  private final List<LeafReaderContext> leaves;
  private boolean closed;

  Snapshot(
      ReferenceManager<IndexSearcher> manager, IndexSearcher searcher, List<Segment<C>> segments) {
    this.manager = manager;
    this.searcher = searcher;
    this.segments = segments;
    this.leaves = searcher.getIndexReader().leaves();
  }

  /**
   * The version of the index this snapshot shows: equal for snapshots of the same state, and
   * changed by every refresh that made changes visible.
   */
  public long version() {
    return ((DirectoryReader) searcher.getIndexReader()).getVersion();
  }

  /** The searcher over this snapshot's segments. */
  public IndexSearcher searcher() {
    return searcher;
  }

  /** The segments in leaf order: {@code segments().get(context.ord)} belongs to {@code context}. */
  public List<Segment<C>> segments() {
    return segments;
  }

  /**
   * The segment of a leaf of this snapshot's searcher.
   *
   * @throws IllegalArgumentException if the leaf belongs to another reader
   */
  public Segment<C> segment(LeafReaderContext context) {
    Segment<C> segment = context.ord < segments.size() ? segments.get(context.ord) : null;
    if (segment == null || segment.context() != context) {
      throw new IllegalArgumentException("leaf " + context + " is not part of this snapshot");
    }
    return segment;
  }

  /** The number of live opportunities. */
  public int size() {
    return searcher.getIndexReader().numDocs();
  }

  /**
   * Decodes the stored opportunity of a snapshot-wide doc id. Meant for single hits: it reads the
   * document's record.
   */
  public Opportunity opportunity(int globalDocId) {
    LeafReaderContext leaf = leaf(globalDocId);
    try {
      // A fresh reader per call: doc values iterators are neither shareable nor rewindable.
      return new OpportunityDocuments.Records(leaf.reader()).read(globalDocId - leaf.docBase);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The id of the opportunity at a snapshot-wide doc id, from the start of its record. */
  public String id(int globalDocId) {
    LeafReaderContext leaf = leaf(globalDocId);
    try {
      return new OpportunityDocuments.Records(leaf.reader()).id(globalDocId - leaf.docBase);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The segment and row of the live opportunity with this id, as {@code {segment index, segment
   * doc id}}, or null when the snapshot holds none. A term lookup per segment, not a scan.
   */
  public int[] find(String id) {
    Term term = new Term(OpportunityFields.ID, id);
    try {
      for (int s = 0; s < leaves.size(); s++) {
        LeafReader reader = leaves.get(s).reader();
        PostingsEnum postings = reader.postings(term, PostingsEnum.NONE);
        if (postings == null) {
          continue;
        }
        Bits live = reader.getLiveDocs();
        for (int d = postings.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS;
            d = postings.nextDoc()) {
          if (live == null || live.get(d)) {
            return new int[] {s, d};
          }
        }
      }
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot look up opportunity " + id, e);
    }
  }

  /** Releases the searcher. Closing again does nothing. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      manager.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private LeafReaderContext leaf(int globalDocId) {
    int maxDoc = searcher.getIndexReader().maxDoc();
    if (globalDocId < 0 || globalDocId >= maxDoc) {
      throw new IndexOutOfBoundsException(
          "doc id must be between 0 and " + (maxDoc - 1) + ", was " + globalDocId);
    }
    return leaves.get(ReaderUtil.subIndex(globalDocId, leaves));
  }
}
