package org.passgenau.output;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.google.common.base.CharMatcher;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.text.WordUtils;
import org.passgenau.io.Json;
import org.passgenau.model.Employer;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.NextStep;
import org.passgenau.rank.Reason;

/**
 * Writes {@link MatchResult}s one by one in a {@link ResultFormat}:
 *
 * <pre>{@code
 * try (ResultWriter out = ResultWriter.of(ResultFormat.TREC, Files.newBufferedWriter(run))) {
 *   results.forEach(out::write);
 * }
 * }</pre>
 *
 * <ul>
 *   <li>{@code jsonl}: {@code {"profile_id":"P-17","rule_set":"default","matches":[{"rank":1,
 *       "opportunity_id":"V-203","score":0.812,"explanation":[...]}],"excluded":{...}}}
 *   <li>{@code csv}: header {@code profile_id,rank,opportunity_id,score,rule_set,reasons}, one row
 *       per match, the explanation details joined by {@code " | "}; a profile without matches
 *       gives no row. A text cell that a spreadsheet would take for a formula gets a {@code '} in
 *       front ({@link CsvCells}).
 *   <li>{@code trec}: {@code P-17 Q0 V-203 1 0.812000 default}, score with six decimals; ids and
 *       rule set must not contain whitespace, which would break the format.
 *   <li>{@code text}: for people: per profile its matches, each with its reasons (effect and
 *       sentence) wrapped at 100 columns, then exclusions and next steps. Written by {@link
 *       #text}, each match also names the opportunity's title, employer and place, and the
 *       heading states the date of reference, so that the page can be read without the files.
 * </ul>
 *
 * <p>Lines end in {@code \n}. Closing closes the underlying writer. Not thread-safe: one writer per
 * output, used from one thread at a time.
 */
public abstract class ResultWriter implements Closeable, Flushable {

  final Writer out;

  private ResultWriter(Writer out) {
    this.out = out;
  }

  /** A writer of {@code format} to {@code out}; for CSV the header is written at once. */
  public static ResultWriter of(ResultFormat format, Writer out) {
    checkNotNull(format, "format");
    checkNotNull(out, "out");
    return switch (format) {
      case JSONL -> new JsonLines(out);
      case CSV -> new Csv(out);
      case TREC -> new Trec(out);
      case TEXT -> new Text(out, null, id -> Optional.empty());
    };
  }

  /**
   * A text report for people: as {@link ResultFormat#TEXT}, and each match names the opportunity
   * that {@code opportunities} finds for its id (title, employer, place; what is missing is left
   * out), and each profile's heading states {@code asOf}, the date the matches were decided on.
   *
   * @param opportunities the opportunity of an id, such as {@code engine::opportunity}; called
   *     from the writing thread
   */
  public static ResultWriter text(
      Writer out, LocalDate asOf, Function<String, Optional<Opportunity>> opportunities) {
    checkNotNull(out, "out");
    checkNotNull(asOf, "asOf");
    checkNotNull(opportunities, "opportunities");
    return new Text(out, asOf, opportunities);
  }

  /**
   * Writes the result of one profile.
   *
   * @throws UncheckedIOException when the underlying writer fails
   * @throws IllegalArgumentException when the result cannot be expressed in the format
   */
  public final void write(MatchResult result) {
    checkNotNull(result, "result");
    try {
      doWrite(result);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  abstract void doWrite(MatchResult result) throws IOException;

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  /** Closes the underlying writer. */
  @Override
  public void close() throws IOException {
    out.close();
  }

  private static final class Text extends ResultWriter {
    private static final int WIDTH = 100;
    private static final String REASON_INDENT = "              ";

    /** Line breaks and other controls in free text would forge lines of the report. */
    private static final CharMatcher CONTROLS =
        CharMatcher.javaIsoControl().or(CharMatcher.anyOf("\u2028\u2029\u0085"));

    private final LocalDate asOf;
    private final Function<String, Optional<Opportunity>> opportunities;

    Text(Writer out, LocalDate asOf, Function<String, Optional<Opportunity>> opportunities) {
      super(out);
      this.asOf = asOf;
      this.opportunities = opportunities;
    }

    @Override
    void doWrite(MatchResult result) throws IOException {
      out.write("Profile " + result.profileId() + " (rule set " + result.ruleSet()
          + (asOf == null ? "" : ", as of " + asOf) + "): "
          + result.matches().size() + " matches\n");
      for (Match m : result.matches()) {
        out.write(String.format(Locale.ROOT, "%4d. %-12s score %.4f%n", m.rank(), m.opportunityId(), m.score()));
        Optional<String> named = opportunities.apply(m.opportunityId()).map(Text::describe);
        if (named.isPresent() && !named.get().isEmpty()) {
          out.write(wrap("      ", named.get()));
        }
        for (Reason r : m.explanation()) {
          out.write(wrap("      ", String.format(Locale.ROOT, "%+.3f %s: %s", r.effect(), r.rule(), r.detail())));
        }
      }
      String excluded = result.excluded().entrySet().stream()
          .filter(e -> e.getValue() > 0)
          .map(e -> e.getKey() + " " + e.getValue())
          .collect(Collectors.joining(", "));
      if (!excluded.isEmpty()) {
        out.write(wrap("  ", "Excluded: " + excluded));
      }
      for (NextStep step : result.nextSteps()) {
        out.write(wrap("  ", "Next step: " + step.detail()));
      }
      out.write("\n");
    }

    /** "Title, employer, postal code place": the parts the record has, on one line. */
    static String describe(Opportunity opportunity) {
      List<String> parts = new ArrayList<>(3);
      addText(parts, opportunity.title());
      Employer employer = opportunity.employer();
      if (employer != null) {
        addText(parts, employer.name());
      }
      Location location = opportunity.location();
      if (location != null) {
        String postalCode = location.postalCode() == null ? "" : location.postalCode();
        String place = location.place() == null ? "" : location.place();
        addText(parts, (postalCode + " " + place).trim());
      }
      if (Boolean.TRUE.equals(opportunity.remote())) {
        parts.add("remote");
      }
      return String.join(", ", parts);
    }

    private static void addText(List<String> parts, String text) {
      if (text != null) {
        String oneLine = CharMatcher.whitespace().trimAndCollapseFrom(CONTROLS.replaceFrom(text, ' '), ' ');
        if (!oneLine.isEmpty()) {
          parts.add(oneLine);
        }
      }
    }

    /**
     * One indented entry, wrapped so that continuation lines, indented further, still end
     * within the width. (WordUtils trims leading blanks, so the first indent is added after.)
     */
    private static String wrap(String indent, String text) {
      return indent
          + WordUtils.wrap(text, WIDTH - REASON_INDENT.length(), "\n" + REASON_INDENT, false)
          + "\n";
    }

  }

  private static final class JsonLines extends ResultWriter {
    /** The contract's mapping; next_steps appear only when there are some, as in most lines. */
    private static final Function<Object, String> JSON =
        Json.lineWriter(MatchResult.class, MatchResultMixin.class);

    JsonLines(Writer out) {
      super(out);
    }

    @Override
    void doWrite(MatchResult result) throws IOException {
      out.write(JSON.apply(result));
      out.write('\n');
    }

    private abstract static class MatchResultMixin {
      @JsonInclude(JsonInclude.Include.NON_EMPTY)
      abstract List<NextStep> nextSteps();
    }
  }

  /** RFC 4180, quoted only where a field needs it, lines ending in LF. */
  private static final class Csv extends ResultWriter {
    private static final String HEADER =
        "profile_id,rank,opportunity_id,score,rule_set,reasons\n";

    Csv(Writer out) {
      super(out);
      try {
        out.write(HEADER);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void doWrite(MatchResult result) throws IOException {
      StringBuilder rows = new StringBuilder();
      // Text cells are neutralised for spreadsheets (CsvCells); rank and score are numbers.
      for (Match match : result.matches()) {
        field(rows, CsvCells.text(result.profileId())).append(',');
        rows.append(match.rank()).append(',');
        field(rows, CsvCells.text(match.opportunityId())).append(',');
        // The same shortest form as in the JSON line, so both agree to the last digit.
        rows.append(match.score()).append(',');
        field(rows, CsvCells.text(result.ruleSet())).append(',');
        field(
                rows,
                CsvCells.text(match.explanation().stream()
                    .map(Reason::detail)
                    .collect(Collectors.joining(" | "))))
            .append('\n');
      }
      out.write(rows.toString());
    }

    /**
     * Appends a field, in quotes (a quote doubled) when it holds a comma, quote or line break,
     * or begins or ends with a blank that a reader could trim.
     */
    static StringBuilder field(StringBuilder row, String value) {
      boolean quote =
          !value.isEmpty()
              && (NEEDS_QUOTES.matchesAnyOf(value)
                  || value.charAt(0) <= ' '
                  || value.charAt(value.length() - 1) <= ' ');
      if (!quote) {
        return row.append(value);
      }
      return row.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static final CharMatcher NEEDS_QUOTES = CharMatcher.anyOf(",\"\r\n");
  }

  private static final class Trec extends ResultWriter {
    Trec(Writer out) {
      super(out);
    }

    @Override
    void doWrite(MatchResult result) throws IOException {
      requireToken("profile_id", result.profileId());
      requireToken("rule_set", result.ruleSet());
      StringBuilder lines = new StringBuilder();
      for (Match match : result.matches()) {
        requireToken("opportunity_id", match.opportunityId());
        lines
            .append(result.profileId())
            .append(" Q0 ")
            .append(match.opportunityId())
            .append(' ')
            .append(match.rank())
            .append(' ')
            .append(String.format(Locale.ROOT, "%.6f", match.score()))
            .append(' ')
            .append(result.ruleSet())
            .append('\n');
      }
      // Checked before writing, so a bad result leaves no half-written profile behind.
      out.write(lines.toString());
    }

    private static void requireToken(String field, String value) {
      checkArgument(
          !value.isEmpty() && CharMatcher.whitespace().matchesNoneOf(value),
          "%s must be one non-empty token for a TREC run, was '%s'",
          field,
          value);
    }

  }
}
