package org.passgenau.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The wall time of a run's phases, for one summary line such as {@code phases: setup 0.2 s,
 * read+index 1.9 s, refresh 0.3 s, rank+write 1.6 s}. A phase is timed from the end of the one
 * before, so that the phases add up to the run. Confined to one thread.
 */
final class Phases {

  private final LongSupplier clock;
  private final Map<String, Long> nanos = new LinkedHashMap<>();
  private long last;

  Phases(long started, LongSupplier clock) {
    this.clock = clock;
    this.last = started;
  }

  /** Ends the phase {@code name}, begun where the last one ended; a name again adds to it. */
  void end(String name) {
    long now = clock.getAsLong();
    nanos.merge(name, now - last, Long::sum);
    last = now;
  }

  /** The summary line; phases in the order they first ended. */
  String summary() {
    StringBuilder line = new StringBuilder("phases:");
    String separator = " ";
    for (Map.Entry<String, Long> phase : nanos.entrySet()) {
      line.append(separator).append(phase.getKey())
          .append(String.format(Locale.ROOT, " %.1f s", phase.getValue() / 1e9));
      separator = ", ";
    }
    return line.toString();
  }
}
