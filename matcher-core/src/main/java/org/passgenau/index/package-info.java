/**
 * The opportunity index: opportunities in Lucene (text, codes, geo points, the contract JSON as a
 * stored field), kept up to date while queries run, and read by the ranking core through
 * {@link org.passgenau.index.Snapshot snapshots} that pair one point-in-time searcher with the
 * columnar ranking data of exactly its segments.
 *
 * <p>Entry point: {@link org.passgenau.index.OpportunityIndex#builder}. Text analysis lives in the
 * {@code analysis} subpackage.
 *
 * <p>Not part of the library's API: {@code rank.MatchingEngine} is the one caller. The types are
 * public only because the engine lives in another package; their signatures carry Lucene types,
 * which a host should not depend on.
 */
package org.passgenau.index;
