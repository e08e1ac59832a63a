package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.passgenau.output.CsvCells;

/**
 * Writes a {@link RuleSetComparison}: a CSV table of the comparisons, a CSV table of every
 * profile's values, JSON, a text table for the terminal, and a self-contained HTML report. Numbers
 * in CSV and JSON are written in full (Java's shortest exact form); the text table and HTML round
 * them. Nothing written depends on the clock, so the same comparison gives the same bytes. In CSV,
 * a label or profile id that a spreadsheet would run as a formula gets a {@code '} in front
 * ({@link CsvCells}).
 *
 * <p>{@code context} is what the reports say about the inputs, as name and value in the order to
 * show (such as {@code qrels} and the file, {@code as_of} and the date); it may be empty.
 */
public final class ComparisonWriter {

  /** Header of {@link #writeCsv}: one row per candidate and metric. */
  public static final List<String> COMPARE_HEADER = List.of(
      "baseline", "candidate", "metric", "k", "profiles", "mean_baseline", "mean_candidate",
      "difference", "ci_low", "ci_high", "confidence", "randomization_p", "t_test_p", "wins",
      "ties", "losses", "significant");

  private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

  private ComparisonWriter() {}

  /**
   * The comparisons, one row per candidate and metric (candidates in order, metrics in {@link
   * Metric} order), under {@link #COMPARE_HEADER}. {@code difference} is candidate minus baseline;
   * {@code ci_low} and {@code ci_high} bound its bootstrap interval at {@code confidence}; {@code
   * significant} is {@code true} when the randomization test's p is below alpha. Does not close
   * {@code out}.
   */
  public static void writeCsv(RuleSetComparison comparison, Writer out) throws IOException {
    checkNotNull(comparison, "comparison");
    CSVPrinter printer = new CSVPrinter(checkNotNull(out, "out"), CSV);
    printer.printRecord(COMPARE_HEADER);
    for (RuleSetComparison.Candidate candidate : comparison.candidates()) {
      for (Metric metric : Metric.values()) {
        PairedComparison c = candidate.on(metric);
        printer.printRecord(
            CsvCells.text(comparison.baseline().label()), CsvCells.text(candidate.variant().label()),
            metric.key(),
            comparison.k(), c.profiles(), c.meanBaseline(), c.meanCandidate(), c.meanDifference(),
            c.confidenceLower(), c.confidenceUpper(), c.confidence(), c.randomizationP(),
            c.tTestP(), c.wins(), c.ties(), c.losses(), comparison.significant(c));
      }
    }
    printer.flush();
  }

  /**
   * Every profile's values: header {@code profile_id,rule_set,k,p@k,recall@k,mrr,map,ndcg@k}, one
   * row per profile (code point order) and variant (baseline first). Does not close {@code out}.
   */
  public static void writePerQueryCsv(RuleSetComparison comparison, Writer out)
      throws IOException {
    checkNotNull(comparison, "comparison");
    CSVPrinter printer = new CSVPrinter(checkNotNull(out, "out"), CSV);
    List<String> header = new ArrayList<>(List.of("profile_id", "rule_set", "k"));
    for (Metric metric : Metric.values()) {
      header.add(metric.key());
    }
    printer.printRecord(header);
    List<RuleSetComparison.Variant> variants = comparison.variants();
    for (String profile : comparison.profiles()) {
      for (RuleSetComparison.Variant variant : variants) {
        Scores scores = variant.evaluation().perProfile().get(profile);
        List<Object> row = new ArrayList<>(
            List.of(CsvCells.text(profile), CsvCells.text(variant.label()), comparison.k()));
        for (Metric metric : Metric.values()) {
          row.add(scores.get(metric));
        }
        printer.printRecord(row);
      }
    }
    printer.flush();
  }

  /**
   * The JSON tree: {@code k}, {@code profiles}, {@code alpha}, {@code confidence}, the tests'
   * settings, {@code inputs} (the context), {@code variants} (label, source, means) and {@code
   * comparisons} (one per candidate and metric, as {@link EvaluationWriter#toJson(PairedComparison)}
   * with {@code baseline}, {@code candidate}, {@code metric} and {@code significant}).
   */
  public static ObjectNode toJson(RuleSetComparison comparison, Map<String, String> context) {
    checkNotNull(comparison, "comparison");
    checkNotNull(context, "context");
    ObjectNode root = ReportJson.mapper().createObjectNode();
    root.put("k", comparison.k());
    root.put("profiles", comparison.profiles().size());
    root.put("alpha", comparison.alpha());
    PairedComparison.Options options = comparison.options();
    root.put("confidence", options.confidence());
    root.put("permutations", options.permutations());
    root.put("bootstrap_resamples", options.bootstrapResamples());
    root.put("seed", options.seed());
    root.put("tie_tolerance", options.tieTolerance());
    ObjectNode inputs = root.putObject("inputs");
    context.forEach(inputs::put);
    ArrayNode variants = root.putArray("variants");
    for (RuleSetComparison.Variant variant : comparison.variants()) {
      ObjectNode node = variants.addObject();
      node.put("label", variant.label());
      node.put("source", variant.source());
      node.put("baseline", variant == comparison.baseline());
      node.set("mean", EvaluationWriter.toJson(variant.evaluation().mean()));
    }
    ArrayNode comparisons = root.putArray("comparisons");
    for (RuleSetComparison.Candidate candidate : comparison.candidates()) {
      for (Metric metric : Metric.values()) {
        PairedComparison c = candidate.on(metric);
        ObjectNode node = comparisons.addObject();
        node.put("baseline", comparison.baseline().label());
        node.put("candidate", candidate.variant().label());
        node.put("metric", metric.key());
        node.setAll(EvaluationWriter.toJson(c));
        node.put("significant", comparison.significant(c));
      }
    }
    return root;
  }

  /** Writes the indented JSON and a final line break. Does not close {@code out}. */
  public static void writeJson(
      RuleSetComparison comparison, Map<String, String> context, Writer out) throws IOException {
    writeJson(comparison, context, Map.of(), out);
  }

  /**
   * The JSON of {@link #writeJson(RuleSetComparison, Map, Writer)} with more keys after {@code
   * comparisons}, in the order given, such as {@code fairness} ({@code compare} adds {@code
   * AuditOutput.toJson} of the rule sets' audits). Does not close {@code out}.
   *
   * @throws IllegalArgumentException when a key is one of the comparison's own
   */
  public static void writeJson(RuleSetComparison comparison, Map<String, String> context,
      Map<String, ? extends JsonNode> sections, Writer out) throws IOException {
    checkNotNull(sections, "sections");
    checkNotNull(out, "out");
    ObjectNode root = toJson(comparison, context);
    sections.forEach((key, section) -> {
      checkArgument(!root.has(key), "the comparison's JSON has a key %s already", key);
      root.set(key, section);
    });
    out.write(ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root));
    out.write('\n');
    out.flush();
  }

  /**
   * A table for the terminal: the baseline's and each candidate's means, then one line per
   * candidate and metric with the difference, its interval, both p-values and wins/ties/losses;
   * {@code *} marks a randomization p below alpha. Does not close {@code out}.
   */
  public static void writeText(RuleSetComparison comparison, Writer out) throws IOException {
    checkNotNull(comparison, "comparison");
    checkNotNull(out, "out");
    out.write(TextTable.render(comparison));
    out.flush();
  }

  /**
   * A self-contained HTML page (inline CSS, charts as PNG data URIs drawn by XChart, no script, no
   * external reference) with the inputs, the means, the comparisons and a chart of each
   * difference with its confidence interval. Needs XChart on the class path. Does not close
   * {@code out}.
   */
  public static void writeHtml(
      RuleSetComparison comparison, Map<String, String> context, Writer out) throws IOException {
    writeHtml(comparison, context, List.of(), out);
  }

  /**
   * The page of {@link #writeHtml(RuleSetComparison, Map, Writer)} with more sections after the
   * comparison's tables: HTML fragments, each from an {@code <h2>} on, written as given, such as
   * {@code AuditOutput.toHtmlSection} of the rule sets' fairness audits ({@code compare} adds that
   * one). The caller answers for a fragment being escaped and self-contained. Does not close
   * {@code out}.
   */
  public static void writeHtml(RuleSetComparison comparison, Map<String, String> context,
      List<String> sections, Writer out) throws IOException {
    checkNotNull(comparison, "comparison");
    checkNotNull(context, "context");
    checkNotNull(out, "out");
    out.write(ComparisonHtml.render(comparison, context, List.copyOf(sections)));
    out.flush();
  }

  /** A number with four decimals, as {@code trec_eval} prints them. */
  static String fixed4(double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** A difference with its sign and four decimals. */
  static String signed4(double value) {
    return Double.isNaN(value) ? "NaN" : String.format(Locale.ROOT, "%+.4f", value);
  }

  /** A p-value: four decimals, or {@code <0.0001}. */
  static String p(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    return value < 0.0001 ? "<0.0001" : String.format(Locale.ROOT, "%.4f", value);
  }

  /** The confidence as a percentage, such as {@code 95%}. */
  static String percent(double confidence) {
    double percent = confidence * 100;
    return (percent == Math.rint(percent)
        ? String.format(Locale.ROOT, "%.0f", percent)
        : String.format(Locale.ROOT, "%s", Math.round(percent * 1000) / 1000.0)) + "%";
  }

  /** The terminal table. */
  private static final class TextTable {

    static String render(RuleSetComparison comparison) {
      StringBuilder text = new StringBuilder();
      int k = comparison.k();
      text.append("Baseline ").append(comparison.baseline().label());
      if (!comparison.baseline().source().isEmpty()) {
        text.append(" (").append(comparison.baseline().source()).append(')');
      }
      text.append("; ").append(comparison.profiles().size()).append(" profiles, k=").append(k)
          .append('\n');

      List<RuleSetComparison.Variant> variants = comparison.variants();
      int labelWidth = Math.max("candidate".length(),
          variants.stream().mapToInt(v -> v.label().length()).max().orElse(0));
      text.append('\n').append(pad("rule set", labelWidth));
      for (Metric metric : Metric.values()) {
        text.append("  ").append(left(metric.key(), 8));
      }
      text.append('\n');
      for (RuleSetComparison.Variant variant : variants) {
        text.append(pad(variant.label(), labelWidth));
        for (Metric metric : Metric.values()) {
          text.append("  ").append(left(fixed4(variant.evaluation().mean(metric)), 8));
        }
        text.append('\n');
      }

      String ci = percent(comparison.options().confidence()) + " CI";
      text.append('\n').append(pad("candidate", labelWidth)).append("  ")
          .append(pad("metric", 8)).append("  ").append(left("baseline", 8)).append("  ")
          .append(left("candidate", 9)).append("  ").append(left("diff", 8)).append("  ")
          .append(pad(ci, 19)).append("  ").append(left("p rand", 8)).append("  ")
          .append(left("p t", 8)).append("  ").append("win/tie/loss").append('\n');
      for (RuleSetComparison.Candidate candidate : comparison.candidates()) {
        for (Metric metric : Metric.values()) {
          PairedComparison c = candidate.on(metric);
          text.append(pad(candidate.variant().label(), labelWidth)).append("  ")
              .append(pad(metric.key(), 8)).append("  ")
              .append(left(fixed4(c.meanBaseline()), 8)).append("  ")
              .append(left(fixed4(c.meanCandidate()), 9)).append("  ")
              .append(left(signed4(c.meanDifference()), 8)).append("  ")
              .append(pad("[" + signed4(c.confidenceLower()) + ", "
                  + signed4(c.confidenceUpper()) + "]", 19)).append("  ")
              .append(left(p(c.randomizationP()) + (comparison.significant(c) ? "*" : " "), 8))
              .append("  ").append(left(p(c.tTestP()), 8)).append("  ")
              .append(c.wins()).append('/').append(c.ties()).append('/').append(c.losses())
              .append('\n');
        }
      }
      text.append('\n').append("diff = candidate - baseline; ").append(ci)
          .append(": percentile bootstrap of the mean difference; p rand: paired randomization")
          .append(" test; p t: paired t-test; * p rand < ")
          .append(String.format(Locale.ROOT, "%s", comparison.alpha()))
          .append(" (not corrected for multiple comparisons)\n");
      return text.toString();
    }

    private static String pad(String value, int width) {
      return String.format(Locale.ROOT, "%-" + width + "s", value);
    }

    private static String left(String value, int width) {
      return String.format(Locale.ROOT, "%" + width + "s", value);
    }
  }
}
