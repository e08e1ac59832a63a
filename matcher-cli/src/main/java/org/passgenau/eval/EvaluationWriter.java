package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.passgenau.output.CsvCells;

/**
 * Writes an {@link Evaluation} as JSON or as a CSV table. The metric keys are written literally,
 * {@code p@k} and not {@code p@10}, with k as a field of its own, so that outputs for different k
 * have the same shape. Values are written in full (Java's shortest exact form), not rounded.
 *
 * <p>JSON, indented, keys in this order:
 *
 * <pre>{@code
 * {
 *   "k" : 10,
 *   "missing_rankings" : "skip",
 *   "profiles" : 2,
 *   "profiles_without_judgments" : 1,
 *   "profiles_without_ranking" : 0,
 *   "mean" : { "p@k" : 0.25, "recall@k" : 0.75, "mrr" : 0.75, "map" : 0.5, "ndcg@k" : 0.6 },
 *   "per_query" : {
 *     "P-001" : { "p@k" : 0.3, "recall@k" : 1.0, "mrr" : 1.0, "map" : 0.8, "ndcg@k" : 0.9 },
 *     "P-002" : { ... }
 *   }
 * }
 * }</pre>
 *
 * <p>{@code per_query} is keyed by profile id in code point order; {@code profiles} counts its
 * entries, which are the ones the means are over.
 *
 * <p>CSV: header {@code profile_id,k,p@k,recall@k,mrr,map,ndcg@k}, one row per evaluated profile
 * in the same order, then one row with an empty {@code profile_id} holding the means.
 */
public final class EvaluationWriter {

  private static final CSVFormat CSV;

  static {
    List<String> header = new ArrayList<>(List.of("profile_id", "k"));
    for (Metric metric : Metric.values()) {
      header.add(metric.key());
    }
    CSV = CSVFormat.RFC4180.builder()
        .setHeader(header.toArray(String[]::new))
        .setRecordSeparator('\n')
        .build();
  }

  private EvaluationWriter() {}

  /** The JSON tree, for callers that embed it in a larger document. */
  public static ObjectNode toJson(Evaluation evaluation) {
    checkNotNull(evaluation, "evaluation");
    ObjectNode root = ReportJson.mapper().createObjectNode();
    root.put("k", evaluation.k());
    root.put("missing_rankings", evaluation.missingRankings().code());
    root.put("profiles", evaluation.perProfile().size());
    root.put("profiles_without_judgments", evaluation.profilesWithoutJudgments().size());
    root.put("profiles_without_ranking", evaluation.profilesWithoutRanking().size());
    root.set("mean", toJson(evaluation.mean()));
    ObjectNode perQuery = root.putObject("per_query");
    for (Map.Entry<String, Scores> entry : evaluation.perProfile().entrySet()) {
      perQuery.set(entry.getKey(), toJson(entry.getValue()));
    }
    return root;
  }

  /** One profile's or the mean's values, keyed {@code p@k}, {@code recall@k}, ... */
  public static ObjectNode toJson(Scores scores) {
    checkNotNull(scores, "scores");
    ObjectNode node = ReportJson.mapper().createObjectNode();
    for (Metric metric : Metric.values()) {
      node.put(metric.key(), scores.get(metric));
    }
    return node;
  }

  /**
   * A comparison of two systems on one metric: {@code profiles}, {@code mean_baseline}, {@code
   * mean_candidate}, {@code mean_difference}, {@code randomization_p}, {@code permutations},
   * {@code exact}, {@code t_test_p} (a string "NaN" for a single profile), {@code confidence},
   * {@code ci_lower}, {@code ci_upper}, {@code wins}, {@code ties}, {@code losses}.
   */
  public static ObjectNode toJson(PairedComparison comparison) {
    checkNotNull(comparison, "comparison");
    ObjectNode node = ReportJson.mapper().createObjectNode();
    node.put("profiles", comparison.profiles());
    node.put("mean_baseline", comparison.meanBaseline());
    node.put("mean_candidate", comparison.meanCandidate());
    node.put("mean_difference", comparison.meanDifference());
    node.put("randomization_p", comparison.randomizationP());
    node.put("permutations", comparison.permutations());
    node.put("exact", comparison.exact());
    node.put("t_test_p", comparison.tTestP());
    node.put("confidence", comparison.confidence());
    node.put("ci_lower", comparison.confidenceLower());
    node.put("ci_upper", comparison.confidenceUpper());
    node.put("wins", comparison.wins());
    node.put("ties", comparison.ties());
    node.put("losses", comparison.losses());
    return node;
  }

  /** Writes the indented JSON and a final line break. Does not close {@code out}. */
  public static void writeJson(Evaluation evaluation, Writer out) throws IOException {
    checkNotNull(out, "out");
    out.write(ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(toJson(evaluation)));
    out.write('\n');
    out.flush();
  }

  /** Writes the CSV table. Does not close {@code out}. */
  public static void writeCsv(Evaluation evaluation, Writer out) throws IOException {
    checkNotNull(evaluation, "evaluation");
    checkNotNull(out, "out");
    CSVPrinter printer = new CSVPrinter(out, CSV);
    for (Map.Entry<String, Scores> entry : evaluation.perProfile().entrySet()) {
      printer.printRecord(row(entry.getKey(), evaluation.k(), entry.getValue()));
    }
    printer.printRecord(row("", evaluation.k(), evaluation.mean()));
    printer.flush();
  }

  private static List<String> row(String profile, int k, Scores scores) {
    List<String> row = new ArrayList<>(List.of(CsvCells.text(profile), Integer.toString(k)));
    for (Metric metric : Metric.values()) {
      row.add(Double.toString(scores.get(metric)));
    }
    return row;
  }
}
