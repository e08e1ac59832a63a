/**
 * Reading and writing the data contract's files: {@link org.passgenau.io.JsonLinesReader} reads
 * opportunities and profiles and turns every unreadable line into a {@link org.passgenau.io.Reject};
 * {@link org.passgenau.io.RejectWriter}, {@link org.passgenau.io.JsonLinesWriter} and {@link
 * org.passgenau.io.ResultWriter} write rejects, model records and match results. {@link
 * org.passgenau.io.Json} holds the one JSON mapping they share.
 *
 * <p>Nothing here logs record contents: profiles are personal data.
 */
package org.passgenau.io;
