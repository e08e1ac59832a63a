/**
 * The opportunity index: opportunities in Lucene (text, codes, geo points, the contract JSON as a
 * stored field), kept up to date while queries run, and read by the ranking core through
 * {@link org.passgenau.index.Snapshot snapshots} that pair one point-in-time searcher with the
 * columnar ranking data of exactly its segments.
 *
 * <p>Entry point: {@link org.passgenau.index.OpportunityIndex#builder}. Candidate filters:
 * {@link org.passgenau.index.CandidateQueries}. Text analysis lives in the {@code analysis}
 * subpackage.
 */
package org.passgenau.index;
