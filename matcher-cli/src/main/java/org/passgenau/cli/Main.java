package org.passgenau.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The {@code passgenau} command line: a thin shell over the library that parses arguments, reads
 * and writes files and reports progress. Each subcommand is one class listed in {@code
 * subcommands}.
 *
 * <p>Exit codes follow picocli's {@link CommandLine.ExitCode}: 0 success (also when records were
 * rejected within {@code --max-rejects}), 1 a failure while running (such as a file that cannot be
 * read, or the JVM running out of memory), 2 a usage error; and 3 ({@link RejectBudget#EXIT_CODE})
 * when an input file has more rejected lines than {@code --max-rejects} allows, or no record
 * accepted. Every failure ends in one line on stderr, never a stack trace.
 */
@Command(
    name = "passgenau",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Ranks vacancies and apprenticeships against refugees' profiles, with reasons.",
    subcommands = {MatchCommand.class, CandidatesCommand.class, AssignCommand.class,
        GapsCommand.class,
        EvaluateCommand.class,
        CompareCommand.class,
        AuditCommand.class, FeaturesCommand.class,
        ClassifyCommand.class,
        CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  /** Written when even formatting a message fails for want of memory. */
  private static final byte[] OUT_OF_MEMORY =
      ("passgenau: out of memory; give Java more heap, as in java -Xmx4g -jar passgenau.jar ...\n")
          .getBytes(StandardCharsets.UTF_8);

  @Spec CommandSpec spec;

  /** Whether a person watches stderr, so that short runs report progress too. */
  private final boolean interactive;
  /** Standard input, for {@code --profiles -}. */
  private final InputStream in;

  private Main(boolean interactive, InputStream in) {
    this.interactive = interactive;
    this.in = in;
  }

  public static void main(String[] args) {
    Thread.setDefaultUncaughtExceptionHandler(oneLineHandler(System.err));
    // A console means a terminal on both ends; good enough to guess that someone is watching.
    System.exit(run(args, System.in, System.out, System.err, System.console() != null));
  }

  /** Runs one command line and returns its exit code, without exiting the JVM; never interactive. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return run(args, System.in, out, err, false);
  }

  /** As {@link #run(String[], PrintStream, PrintStream)}, reading standard input from {@code in}. */
  public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
    return run(args, in, out, err, false);
  }

  private static int run(
      String[] args, InputStream in, PrintStream out, PrintStream err, boolean interactive) {
    CommandLine cli;
    try {
      cli = commandLine(in, out, err, interactive);
    } catch (Error error) {
      report(null, error, err);
      return CommandLine.ExitCode.SOFTWARE;
    }
    return execute(cli, args, err);
  }

  /**
   * Executes one command line. picocli hands exceptions to the {@link FailureHandler} but lets an
   * {@link Error} through, which would end the JVM with a stack trace; here it ends, as an
   * exception does, in one line on stderr and exit code 1 (a trace could carry record contents
   * into batch logs). {@code err} is the stream under {@code cli}'s error writer, for when too
   * little memory is left to format a message.
   */
  static int execute(CommandLine cli, String[] args, PrintStream err) {
    try {
      return cli.execute(args);
    } catch (Error error) {
      report(cli, error, err);
      return CommandLine.ExitCode.SOFTWARE;
    }
  }

  /** One line on stderr for an Error; {@code cli} is null when the command line was not built. */
  private static void report(CommandLine cli, Error error, PrintStream err) {
    try {
      if (cli == null) {
        err.println("passgenau: " + FailureHandler.describe(error));
      } else {
        cli.getErr().println(cli.getColorScheme().errorText(
            commandName(cli) + ": " + FailureHandler.describe(error)));
        cli.getErr().flush();
      }
    } catch (Throwable again) {
      // Too little memory even for the message: the words prepared at start, as they are.
      err.write(OUT_OF_MEMORY, 0, OUT_OF_MEMORY.length);
      err.flush();
    }
  }

  /**
   * For a failure on a thread that does not hand it back to the command, such as a progress
   * thread: one line, as for any other failure, instead of the JVM's stack trace.
   */
  static Thread.UncaughtExceptionHandler oneLineHandler(PrintStream err) {
    return (thread, failure) -> {
      try {
        err.println("passgenau: " + FailureHandler.describe(failure));
      } catch (Throwable again) {
        err.write(OUT_OF_MEMORY, 0, OUT_OF_MEMORY.length);
      }
      err.flush();
    };
  }

  /** The qualified name of the subcommand that ran, or of the top command. */
  private static String commandName(CommandLine cli) {
    CommandLine.ParseResult parsed = cli.getParseResult();
    if (parsed == null) {
      return cli.getCommandSpec().qualifiedName();
    }
    while (parsed.subcommand() != null) {
      parsed = parsed.subcommand();
    }
    return parsed.commandSpec().qualifiedName();
  }

  /** The configured command tree; {@code out} takes results and help, {@code err} everything else. */
  static CommandLine commandLine(PrintStream out, PrintStream err, boolean interactive) {
    return commandLine(System.in, out, err, interactive);
  }

  static CommandLine commandLine(
      InputStream in, PrintStream out, PrintStream err, boolean interactive) {
    CommandLine cli = new CommandLine(new Main(interactive, in));
    cli.setOut(new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true));
    cli.setErr(new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true));
    cli.setParameterExceptionHandler(new UsageErrorHandler());
    cli.setExecutionExceptionHandler(new FailureHandler());
    return cli;
  }

  boolean interactive() {
    return interactive;
  }

  InputStream in() {
    return in;
  }

  /** Without a subcommand there is nothing to do: a usage error. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand, such as 'match'");
  }
}
