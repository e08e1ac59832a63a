package org.passgenau.io;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import java.util.List;
import java.util.SortedMap;

/**
 * Everything read from one JSON Lines source: the records in file order, the lines that were
 * rejected, and the fields that were ignored. Every non-blank line is either a record or a reject.
 *
 * <pre>{@code
 * ReadResult<Opportunity> read =
 *     JsonLinesReader.opportunities().read(Path.of("opportunities.jsonl"));
 * engine.upsertAll(read.records());
 * read.rejects().forEach(r -> log.warn(r.file() + ":" + r.line() + ": " + r.field()));
 * }</pre>
 *
 * <p>Immutable and safe to share between threads: the lists and the map are immutable copies.
 *
 * @param records the records that were read, in file order
 * @param rejects the lines that could not be read, in file order
 * @param unknownFields per ignored field path (such as {@code location.floor}, list indices left
 *     out), how many accepted records carried it
 * @param linesRead all lines of the source, blank ones included
 */
public record ReadResult<T>(
    List<T> records,
    List<Reject> rejects,
    SortedMap<String, Long> unknownFields,
    long linesRead) {

  public ReadResult {
    records = ImmutableList.copyOf(records);
    rejects = ImmutableList.copyOf(rejects);
    unknownFields = ImmutableSortedMap.copyOfSorted(unknownFields);
    checkArgument(
        linesRead >= (long) records.size() + rejects.size(),
        "linesRead must cover %s records and %s rejects, was %s",
        records.size(),
        rejects.size(),
        linesRead);
  }
}
