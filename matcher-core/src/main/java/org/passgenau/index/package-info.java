/**
 * The opportunity index: opportunities in Lucene, kept up to date while queries run, and read by
 * the ranking core through {@link org.passgenau.index.Snapshot snapshots} that pair one
 * point-in-time searcher with the columnar ranking data of exactly its segments.
 *
 * <p>What Lucene holds per opportunity is what the engine reads back and no more: the id as a
 * term, so that an upsert replaces and a delete removes, and the opportunity as a compact binary
 * record ({@code OpportunityCodec}) in doc values. A segment's columns are built from its records
 * once, when a refresh or an open first sees the segment. No text is analysed at indexing: the
 * engine ranks from columns and never searches text. Lucene contributes what is hard to get
 * right alone: atomic commits, near-real-time segments while queries run, updates and deletes by
 * id, merges, and one writer beside any number of readers of a directory.
 *
 * <p>Entry point: {@link org.passgenau.index.OpportunityIndex#builder}. Text analysis for skills
 * and title classification lives in the {@code analysis} subpackage.
 *
 * <p>Not part of the library's API: {@code rank.MatchingEngine} is the one caller. The types are
 * public only because the engine lives in another package; their signatures carry Lucene types,
 * which a host should not depend on.
 */
package org.passgenau.index;
