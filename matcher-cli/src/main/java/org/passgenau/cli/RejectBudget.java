package org.passgenau.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --max-rejects} option of every command that reads profiles or opportunities, and the
 * check it stands for. Each input file is judged on its own: it must hold at least one accepted
 * record (an empty file holds none), and, when the option is given, no more rejected lines than
 * it allows, a count ({@code 10}) or a percentage of the file's lines that hold a record or a
 * reject ({@code 5%}, blank lines not counted). A file that fails stops the run with {@link
 * #EXIT_CODE}: the reject file is still written, the results are not.
 */
final class RejectBudget {

  /**
   * The exit code of a run that an input file with too many rejected lines stopped; picocli
   * takes 1 for other failures and 2 for usage errors.
   */
  static final int EXIT_CODE = 3;

  /** The exit codes as each reading command's help lists them. */
  static final String EXIT_CODES_HEADING = "%nExit codes:%n";
  static final String EXIT_OK = " 0:Success, also when lines were rejected within --max-rejects.";
  static final String EXIT_FAILURE =
      " 1:A failure while running, such as a file that cannot be read; no results written.";
  static final String EXIT_USAGE = " 2:A usage error, such as an invalid option or value.";
  static final String EXIT_REJECTS = " 3:An input file with too many rejected lines"
      + " (--max-rejects), or with no record accepted; rejects written, results not.";

  @Option(names = "--max-rejects", paramLabel = "N|P%", converter = LimitConverter.class,
      description = "Rejected lines allowed per input file: at most N, or at most P percent of"
          + " its lines. A file beyond it, or with no accepted record at all (also when empty,"
          + " also without this option), stops the run with exit code " + EXIT_CODE + ": the"
          + " rejects are still written, the results are not (default: any number, as long as"
          + " one record is accepted).")
  private Limit limit;

  /** Whether the option was given. */
  boolean given() {
    return limit != null;
  }

  /** What {@code --max-rejects} allows: a count, or a percentage when {@code percent}. */
  record Limit(BigDecimal value, boolean percent) {

    /** Whether {@code rejected} of {@code lines} is more than allowed. */
    boolean exceededBy(long rejected, long lines) {
      return percent
          ? BigDecimal.valueOf(rejected).movePointRight(2)
              .compareTo(value.multiply(BigDecimal.valueOf(lines))) > 0
          : BigDecimal.valueOf(rejected).compareTo(value) > 0;
    }

    /** How many rejected lines of {@code lines} are allowed. */
    long allowed(long lines) {
      return percent
          ? value.multiply(BigDecimal.valueOf(lines)).movePointLeft(2)
              .setScale(0, RoundingMode.FLOOR).longValueExact()
          : value.longValueExact();
    }

    @Override
    public String toString() {
      return value.toPlainString() + (percent ? "%" : "");
    }
  }

  /**
   * Why the files fail the check, one line per file that does, in the order given; empty when
   * all pass. The lines name the file, the counts and the limit, never a record's content.
   */
  List<String> problems(List<InputFile<?>> files) {
    List<String> problems = new ArrayList<>();
    for (InputFile<?> file : files) {
      long rejected = file.read().rejects().size();
      long lines = file.accepted() + rejected;
      String name = file.kind() + " " + file.source();
      if (lines == 0) {
        problems.add(name + ": empty, no record to read");
      } else if (file.accepted() == 0) {
        problems.add(name + ": no record accepted, all " + rejected + " lines rejected");
      } else if (limit != null && limit.exceededBy(rejected, lines)) {
        problems.add(String.format(Locale.ROOT,
            "%s: %d of %d lines rejected, more than --max-rejects %s allows (%d)",
            name, rejected, lines, limit, limit.allowed(lines)));
      }
    }
    return problems;
  }

  /**
   * Prints each problem as an error on stderr, after what the command said about its inputs, and
   * returns {@link #EXIT_CODE}.
   */
  static int refuse(CommandLine cmd, List<String> problems) {
    PrintWriter err = cmd.getErr();
    for (String problem : problems) {
      err.println(cmd.getColorScheme().errorText(
          cmd.getCommandSpec().qualifiedName() + ": " + problem));
    }
    err.println(cmd.getColorScheme().errorText(cmd.getCommandSpec().qualifiedName()
        + ": too many rejected lines; no results written (exit code " + EXIT_CODE + ")"));
    err.flush();
    return EXIT_CODE;
  }

  /** {@code N} (a whole number, 0 or more) or {@code P%} (0 to 100, decimals allowed). */
  static final class LimitConverter implements ITypeConverter<Limit> {
    @Override
    public Limit convert(String text) {
      String value = text.trim();
      boolean percent = value.endsWith("%");
      if (percent) {
        value = value.substring(0, value.length() - 1).trim();
      }
      BigDecimal number;
      try {
        number = new BigDecimal(value);
      } catch (NumberFormatException e) {
        throw invalid(text);
      }
      if (number.signum() < 0
          || (percent && number.compareTo(BigDecimal.valueOf(100)) > 0)
          || (!percent && (number.stripTrailingZeros().scale() > 0
              || number.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0))) {
        throw invalid(text);
      }
      return new Limit(percent ? number : number.setScale(0, RoundingMode.UNNECESSARY), percent);
    }

    private static TypeConversionException invalid(String text) {
      return new TypeConversionException("expected a number of lines such as 10 or a percentage"
          + " of 0 to 100 such as 5%, was '" + text + "'");
    }
  }
}
