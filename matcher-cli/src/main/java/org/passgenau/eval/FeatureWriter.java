package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.base.CharMatcher;
import com.google.common.collect.ImmutableList;
import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntBiFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.passgenau.model.Coded;
import org.passgenau.output.CsvCells;
import org.passgenau.rank.Features;

/**
 * Writes feature logs ({@link Features}, one profile at a time) for training ranking models
 * elsewhere, in one of two {@link Format formats}:
 *
 * <ul>
 *   <li>{@code csv}: header {@code profile_id,opportunity_id,label,score,<feature names>}, a row per
 *       candidate; an id that a spreadsheet would run as a formula gets a {@code '} in front
 *       ({@link CsvCells});
 *   <li>{@code svmlight}: the SVMlight / RankLib format, {@code label qid:<n> 1:<v> 2:<v> ... #
 *       profile_id opportunity_id}, feature {@code i} being the i-th name (from 1), every feature
 *       written (zeros too).
 * </ul>
 *
 * <p>Numbers are written in full precision as plain decimals ({@code 0.25}, {@code 1},
 * {@code 0.00001}, never {@code 1.0E-5}): what is written parses back to the same double. The
 * label of a candidate comes from a function of profile and opportunity id, such as a grade in
 * qrels (0 for unjudged). Lines end in {@code \n}; a profile's lines are contiguous. Closing
 * closes the underlying writer. Not thread-safe.
 *
 * <pre>{@code
 * try (FeatureWriter out = FeatureWriter.of(Format.SVMLIGHT, writer, engine.featureNames())) {
 *   int qid = 0;
 *   for (Profile p : profiles) {
 *     out.write(engine.features(p, options), ++qid, (profile, opportunity) -> 0);
 *   }
 * }
 * }</pre>
 */
public abstract class FeatureWriter implements Closeable, Flushable {

  /** How features are written. */
  public enum Format implements Coded {
    /** A CSV table with a header, a row per candidate. */
    CSV("csv"),
    /** SVMlight / RankLib lines, {@code label qid:<n> 1:<v> ... # profile_id opportunity_id}. */
    SVMLIGHT("svmlight");

    private final String code;

    Format(String code) {
      this.code = code;
    }

    @Override
    public String code() {
      return code;
    }
  }

  final Writer out;
  final ImmutableList<String> names;

  private FeatureWriter(Writer out, List<String> names) {
    this.out = out;
    this.names = ImmutableList.copyOf(names);
  }

  /**
   * A writer of {@code format} to {@code out} for features named {@code names} (those of {@code
   * MatchingEngine.featureNames()}); for CSV the header is written at once.
   */
  public static FeatureWriter of(Format format, Writer out, List<String> names) {
    checkNotNull(format, "format");
    checkNotNull(out, "out");
    checkNotNull(names, "names");
    return switch (format) {
      case CSV -> new Csv(out, names);
      case SVMLIGHT -> new SvmLight(out, names);
    };
  }

  /**
   * Writes the candidates of one profile.
   *
   * @param qid the profile's query number for {@code svmlight} (1 or more); CSV names the
   *     profile instead
   * @param label the label of a candidate by profile id and opportunity id, 0 or more
   * @throws IllegalArgumentException when the features have other names than this writer's, a
   *     label is negative, or (svmlight) an id holds whitespace
   */
  public final void write(Features features, int qid, ToIntBiFunction<String, String> label)
      throws IOException {
    checkNotNull(features, "features");
    checkNotNull(label, "label");
    checkArgument(qid >= 1, "qid must be at least 1, was %s", qid);
    checkArgument(features.names().equals(names),
        "features of profile %s are %s, the writer's %s", features.profileId(), features.names(), names);
    List<Integer> labels = new ArrayList<>();
    for (Features.Candidate c : features.candidates()) {
      int grade = label.applyAsInt(features.profileId(), c.opportunityId());
      checkArgument(grade >= 0, "label of %s for %s must be 0 or more, was %s",
          c.opportunityId(), features.profileId(), grade);
      labels.add(grade);
    }
    doWrite(features, qid, labels);
  }

  abstract void doWrite(Features features, int qid, List<Integer> labels) throws IOException;

  /**
   * A double as the shortest plain decimal that parses back to it: {@code 0.25}, {@code 1},
   * {@code -0.5}, {@code 0.00001}.
   */
  static String number(double value) {
    checkArgument(Double.isFinite(value), "a feature value must be finite, was %s", value);
    if (value == 0) {
      return "0";
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  @Override
  public void close() throws IOException {
    out.close();
  }

  private static final class Csv extends FeatureWriter {
    private final CSVPrinter printer;

    Csv(Writer out, List<String> names) {
      super(out, names);
      List<String> header = new ArrayList<>(List.of("profile_id", "opportunity_id", "label", "score"));
      header.addAll(names);
      try {
        this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder()
            .setHeader(header.toArray(String[]::new))
            .setRecordSeparator('\n')
            .build());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    void doWrite(Features features, int qid, List<Integer> labels) throws IOException {
      for (int i = 0; i < features.candidates().size(); i++) {
        Features.Candidate c = features.candidates().get(i);
        List<String> row = new ArrayList<>(4 + names.size());
        row.add(CsvCells.text(features.profileId()));
        row.add(CsvCells.text(c.opportunityId()));
        row.add(Integer.toString(labels.get(i)));
        row.add(number(c.score()));
        for (double v : c.values()) {
          row.add(number(v));
        }
        printer.printRecord(row);
      }
    }

    @Override
    public void flush() throws IOException {
      printer.flush();
    }

    @Override
    public void close() throws IOException {
      printer.close(true);
    }
  }

  private static final class SvmLight extends FeatureWriter {
    SvmLight(Writer out, List<String> names) {
      super(out, names);
    }

    @Override
    void doWrite(Features features, int qid, List<Integer> labels) throws IOException {
      requireToken("profile_id", features.profileId());
      StringBuilder lines = new StringBuilder();
      for (int i = 0; i < features.candidates().size(); i++) {
        Features.Candidate c = features.candidates().get(i);
        requireToken("opportunity_id", c.opportunityId());
        lines.append(labels.get(i)).append(" qid:").append(qid);
        for (int f = 0; f < c.values().size(); f++) {
          lines.append(' ').append(f + 1).append(':').append(number(c.value(f)));
        }
        lines.append(" # ").append(features.profileId()).append(' ').append(c.opportunityId())
            .append('\n');
      }
      // Checked before writing, so a bad id leaves no half-written profile behind.
      out.write(lines.toString());
    }

    private static void requireToken(String field, String value) {
      checkArgument(!value.isEmpty() && CharMatcher.whitespace().matchesNoneOf(value),
          "%s must be one non-empty token for the svmlight format, was '%s'", field, value);
    }
  }
}
