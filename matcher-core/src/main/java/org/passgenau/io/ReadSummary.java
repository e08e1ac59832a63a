package org.passgenau.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import java.util.SortedMap;

/**
 * The counts of a streaming read, whose records and rejects went to consumers. Every non-blank line
 * is counted once, either as a record or as a reject.
 *
 * <pre>{@code
 * ReadSummary summary = JsonLinesReader.profiles()
 *     .read(Path.of("profiles.jsonl"), profiles::add, rejectWriter::write);
 * System.err.println(summary.records() + " read, " + summary.rejects() + " rejected");
 * }</pre>
 *
 * <p>Immutable and safe to share between threads.
 *
 * @param linesRead all lines of the source, blank ones included
 * @param records how many records were handed on
 * @param rejects how many lines were rejected
 * @param unknownFields per ignored field path, how many accepted records carried it
 */
public record ReadSummary(
    long linesRead, long records, long rejects, SortedMap<String, Long> unknownFields) {

  public ReadSummary {
    checkArgument(records >= 0, "records must not be negative, was %s", records);
    checkArgument(rejects >= 0, "rejects must not be negative, was %s", rejects);
    checkArgument(
        linesRead >= records + rejects,
        "linesRead must cover %s records and %s rejects, was %s",
        records,
        rejects,
        linesRead);
    unknownFields = ImmutableSortedMap.copyOfSorted(unknownFields);
  }

  /** Lines that held neither a record nor a reject. */
  public long blankLines() {
    return linesRead - records - rejects;
  }
}
