package org.passgenau.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure while running into one line on stderr and exit code 1. No stack trace: the
 * message names the file or value, and a trace could carry record contents into batch logs.
 * {@link Main#execute} describes an {@link Error} the same way.
 */
final class FailureHandler implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    cmd.getErr().println(
        cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName() + ": " + describe(ex)));
    cmd.getErr().flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  static String describe(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof NoSuchFileException missing) {
        return "file not found: " + missing.getFile();
      }
    }
    if (ex instanceof UncheckedIOException || ex instanceof IOException) {
      return ex.getMessage();
    }
    if (ex instanceof OutOfMemoryError) {
      return "out of memory (" + ex.getMessage() + "); give Java more heap, as in"
          + " java -Xmx4g -jar passgenau.jar ...";
    }
    if (ex instanceof StackOverflowError) {
      return "stack overflow, which input nested too deeply can cause; please report it with the"
          + " command line, without the input";
    }
    return ex.getClass().getSimpleName() + ": " + ex.getMessage();
  }
}
