package org.passgenau.cli;

import org.passgenau.rank.BatchMatcher;
import picocli.CommandLine.ITypeConverter;

/**
 * {@code --threads}: how many threads read, index and rank, checked at parse time so that a bad
 * value is a usage error naming it. The default is resolved when the command runs, from the
 * processors it has.
 */
final class ThreadCount implements ITypeConverter<Integer> {

  static final int MAX = BatchMatcher.MAX_THREADS;

  @Override
  public Integer convert(String value) {
    return Converters.wholeNumber(value, 1, MAX);
  }

  /** The processors this JVM may use, within the bounds. */
  static int processors() {
    return Math.min(MAX, Runtime.getRuntime().availableProcessors());
  }
}
