package org.passgenau.cli;

import org.passgenau.rank.BatchMatcher;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --threads}: how many threads rank, checked at parse time so that a bad value is a usage
 * error naming it. The default is resolved when the command runs, from the processors it has.
 */
final class ThreadCount implements ITypeConverter<Integer> {

  static final int MAX = BatchMatcher.MAX_THREADS;

  @Override
  public Integer convert(String value) {
    int threads;
    try {
      threads = Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new TypeConversionException("'" + value + "' is not a whole number");
    }
    if (threads < 1 || threads > MAX) {
      throw new TypeConversionException("must be between 1 and " + MAX + ", was " + value);
    }
    return threads;
  }

  /** The processors this JVM may use, within the bounds. */
  static int processors() {
    return Math.min(MAX, Runtime.getRuntime().availableProcessors());
  }
}
