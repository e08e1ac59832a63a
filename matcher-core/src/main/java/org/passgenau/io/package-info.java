/**
 * Reading and writing the data contract's files: {@link org.passgenau.io.JsonLinesReader} reads
 * opportunities and profiles and turns every unreadable line into a {@link org.passgenau.io.Reject};
 * {@link org.passgenau.io.RejectWriter} and {@link org.passgenau.io.JsonLinesWriter} write rejects
 * and model records (match results are written by {@code org.passgenau.output}, rule files by
 * {@code org.passgenau.rank.RuleSetFile}). {@link org.passgenau.io.Json} holds the one JSON
 * mapping they share. {@link org.passgenau.io.AtomicOutput} writes files so that a failure leaves
 * the previous ones as they were.
 *
 * <p>Nothing here logs record contents: profiles are personal data.
 */
package org.passgenau.io;
