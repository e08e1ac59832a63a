package org.passgenau.index;

import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.util.Bits;

/**
 * One segment of a {@link Snapshot}: its Lucene leaf, its columns and the documents alive in this
 * snapshot. Doc ids passed to a {@link org.apache.lucene.search.LeafCollector} for {@link
 * #context()} index the columns directly; add {@link #docBase()} for the snapshot-wide doc id.
 *
 * <p>Immutable; valid only while its snapshot is open.
 *
 * @param <C> the columns built by the index's {@link SegmentColumnsFactory}
 */
public final class Segment<C> {

  private final LeafReaderContext context;
  private final C columns;
  private final Bits liveDocs;

  Segment(LeafReaderContext context, C columns) {
    this.context = context;
    this.columns = columns;
    // Live docs belong to this reader, not to the shared core: the same columns are paired with
    // different live docs as deletions arrive.
    this.liveDocs = context.reader().getLiveDocs();
  }

  /** The Lucene leaf of this segment in the snapshot's searcher. */
  public LeafReaderContext context() {
    return context;
  }

  /** The snapshot-wide doc id of this segment's doc 0. */
  public int docBase() {
    return context.docBase;
  }

  /** The columns of this segment, indexed by segment doc id. */
  public C columns() {
    return columns;
  }

  /**
   * The documents alive in this snapshot, or null when all are. Collectors need not check it
   * (queries skip deleted documents); loops that scan the columns directly must.
   */
  public Bits liveDocs() {
    return liveDocs;
  }

  /** Whether segment doc {@code doc} is alive in this snapshot. */
  public boolean isLive(int doc) {
    return liveDocs == null || liveDocs.get(doc);
  }

  /** The number of doc ids in this segment, deleted ones included. */
  public int maxDoc() {
    return context.reader().maxDoc();
  }

  @Override
  public String toString() {
    return "Segment{ord=" + context.ord + ", docBase=" + context.docBase + ", maxDoc=" + maxDoc()
        + ", live=" + context.reader().numDocs() + "}";
  }
}
