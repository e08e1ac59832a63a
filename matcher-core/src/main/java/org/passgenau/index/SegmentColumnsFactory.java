package org.passgenau.index;

import java.util.List;
import org.passgenau.model.Opportunity;

/**
 * Builds the columnar ranking data of one index segment, typically primitive arrays indexed by the
 * segment's doc id, so that hot loops read features without touching objects.
 *
 * <p>Called once per segment core, during the refresh that first sees the segment, before any
 * query can see it. A refresh that finds several new segments builds their columns on several
 * threads at once (up to {@link OpportunityIndex.Builder#indexingThreads}), so implementations
 * must be thread-safe; the value they return must not change afterwards: queries on many threads
 * read it without locks.
 *
 * @param <C> the columns of one segment
 */
@FunctionalInterface
public interface SegmentColumnsFactory<C> {

  /**
   * Returns the columns of a segment.
   *
   * @param docsInDocIdOrder one opportunity per doc id {@code 0..maxDoc-1} of the segment,
   *     deleted documents included (doc ids index the columns; queries skip deleted documents
   *     through {@link Segment#liveDocs()}); unmodifiable
   * @return the columns, never null
   */
  C build(List<Opportunity> docsInDocIdOrder);
}
