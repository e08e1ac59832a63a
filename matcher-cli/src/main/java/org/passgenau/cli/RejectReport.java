package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.passgenau.io.AtomicOutput;
import org.passgenau.io.Reject;
import org.passgenau.io.RejectWriter;

/** Where the rejected lines of all inputs go: the reject file, or a short sample on stderr. */
final class RejectReport {

  /** Enough to see what kind of problem a file has; the reject file holds the rest. */
  static final int SHOWN_ON_STDERR = 5;

  private final List<InputFile<?>> inputs;

  RejectReport(List<InputFile<?>> inputs) {
    this.inputs = inputs;
  }

  int count() {
    return inputs.stream().mapToInt(input -> input.read().rejects().size()).sum();
  }

  /** Writes every reject as a JSON line, the inputs in the order given; all or nothing. */
  void writeTo(Path file) throws IOException {
    try (AtomicOutput files = new AtomicOutput()) {
      try (RejectWriter rejects = new RejectWriter(files.open(file))) {
        inputs.forEach(input -> input.read().rejects().forEach(rejects::write));
      }
      files.commit();
    }
  }

  /**
   * Says where the rejects went: the count and the reject file when one was asked for, else the
   * first few, if any.
   */
  void printSummary(PrintWriter err, Path rejectFile) {
    if (rejectFile != null) {
      err.println("rejects: " + count() + " written to " + rejectFile);
    } else if (count() > 0) {
      printSample(err);
    }
  }

  /**
   * Prints the first few rejects. A reason quotes the bad value, so it is left out for personal
   * files: their values may not reach logs, only the reject file.
   */
  void printSample(PrintWriter err) {
    int total = count();
    err.println("first " + Math.min(total, SHOWN_ON_STDERR) + " of " + total
        + " rejects (write all with --rejects FILE):");
    int shown = 0;
    for (InputFile<?> input : inputs) {
      for (Reject reject : input.read().rejects()) {
        if (shown++ == SHOWN_ON_STDERR) {
          return;
        }
        err.println("  " + describe(reject, input.personal()));
      }
    }
  }

  static String describe(Reject reject, boolean personal) {
    StringBuilder line = new StringBuilder()
        .append(reject.file()).append(" line ").append(reject.line())
        .append(": id ").append(reject.id() == null ? "unknown" : reject.id())
        .append(", field ").append(reject.field() == null ? "(whole line)" : reject.field());
    if (!personal) {
      line.append(": ").append(reject.reason());
    }
    return line.toString();
  }
}
