/**
 * Writing match results: {@link org.passgenau.output.ResultWriter} writes each profile's {@link
 * org.passgenau.rank.MatchResult} as the contract's JSON line, CSV, a TREC run file or a report for
 * people ({@link org.passgenau.output.ResultFormat}).
 *
 * <p>Apart from {@code io}, which reads and writes the exchange format's records and knows nothing
 * of ranking, so that the packages depend on each other in one direction: model, io, index, rank,
 * output.
 */
package org.passgenau.output;
