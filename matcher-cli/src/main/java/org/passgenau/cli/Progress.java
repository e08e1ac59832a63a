package org.passgenau.cli;

import java.io.PrintWriter;
import java.util.function.LongSupplier;

/**
 * "matched 1200/5000 profiles" on stderr every {@link #EVERY} steps or every few seconds,
 * whichever comes first; "matched 1200 profiles" for a stream whose length is not known in
 * advance. Silent when nobody is likely to wait: short runs without a terminal.
 */
final class Progress {

  static final int EVERY = 1000;
  static final long INTERVAL_NANOS = 5_000_000_000L;
  /** Runs longer than this report progress even when stderr goes to a log. */
  static final int LONG_RUN = 1000;
  /** The total of a stream, such as standard input, read while it is matched. */
  static final int UNKNOWN = -1;

  private final PrintWriter err;
  private final int total;
  private final String what;
  private boolean on;
  private final LongSupplier clock;
  private int done;
  private int doneAtLastReport;
  private long lastReport;

  Progress(PrintWriter err, int total, boolean interactive, LongSupplier clock) {
    this(err, total, "profiles", interactive, clock);
  }

  /** Progress counting {@code what}, such as "rankings" when each profile is ranked twice. */
  Progress(PrintWriter err, int total, String what, boolean interactive, LongSupplier clock) {
    this.err = err;
    this.total = total;
    this.what = what;
    this.on = interactive || total > LONG_RUN;
    this.clock = clock;
    this.lastReport = clock.getAsLong();
  }

  /** Progress of a stream: the total is only known at its end. */
  static Progress ofStream(PrintWriter err, boolean interactive, LongSupplier clock) {
    return new Progress(err, UNKNOWN, "profiles", interactive, clock);
  }

  /** Counts one more matched profile and reports when it is time. */
  void step() {
    done++;
    if (total == UNKNOWN && done == LONG_RUN) {
      on = true; // a stream is long once it got this far
    }
    if (!on || done == total) {
      return; // the summary reports the end
    }
    long now = clock.getAsLong();
    if (done - doneAtLastReport >= EVERY || now - lastReport >= INTERVAL_NANOS) {
      err.println("matched " + done + (total == UNKNOWN ? "" : "/" + total) + " " + what);
      err.flush();
      doneAtLastReport = done;
      lastReport = now;
    }
  }

  int done() {
    return done;
  }
}
