package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passgenau.io.AtomicOutput;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.RuleSet;
import org.passgenau.rank.RuleSetFile;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * A regression file, in the manner of Anserini's: a rule set's expected mean metrics on named
 * inputs, so that a change that moves a metric is seen. The file names its inputs by paths
 * relative to the repository root, the reference date, k and the ranking depth, and gives each
 * mean to four decimals:
 *
 * <pre>{@code
 * {
 *   "rules" : "data/rules/default.json",
 *   "opportunities" : "data/opportunities.jsonl",
 *   "profiles" : "data/profiles.jsonl",
 *   "qrels" : "data/eval/qrels.txt",
 *   "taxonomy" : "data/taxonomy/occupations.tsv",
 *   "as_of" : "2026-11-23",
 *   "k" : 10,
 *   "depth" : 100,
 *   "profiles_evaluated" : 168,
 *   "mean" : { "p@k" : 0.4321, "recall@k" : 0.415, "mrr" : 0.7766, "map" : 0.4422, "ndcg@k" : 0.5281 },
 *   "command" : "java -jar matcher-cli/target/passgenau.jar evaluate --rules ..."
 * }
 * }</pre>
 *
 * <p>{@code command} is the {@code passgenau evaluate} command line that computes the same values;
 * it is written for people and not read.
 *
 * @param rules the rule file
 * @param taxonomy the occupation taxonomy TSV
 * @param asOf the reference date of the matches
 * @param k the cutoff of the measures at k
 * @param depth the ranking depth
 * @param profilesEvaluated the number of profiles the means are over
 * @param mean every metric's expected mean, rounded to four decimals
 */
public record Regression(
    String rules,
    String opportunities,
    String profiles,
    String qrels,
    String taxonomy,
    LocalDate asOf,
    int k,
    int depth,
    int profilesEvaluated,
    Map<Metric, Double> mean) {

  /** How far a mean may lie from the expected value: the last of its four decimals. */
  public static final double TOLERANCE = 1e-4;

  public Regression {
    checkNotNull(rules, "rules");
    checkNotNull(opportunities, "opportunities");
    checkNotNull(profiles, "profiles");
    checkNotNull(qrels, "qrels");
    checkNotNull(taxonomy, "taxonomy");
    checkNotNull(asOf, "asOf");
    checkArgument(k >= 1 && depth >= k, "need 1 <= k <= depth, was k=%s, depth=%s", k, depth);
    EnumMap<Metric, Double> copy = new EnumMap<>(Metric.class);
    copy.putAll(mean);
    checkArgument(copy.size() == Metric.values().length, "a mean for every metric is needed");
    mean = Collections.unmodifiableMap(copy);
  }

  /** Reads a regression file. */
  public static Regression read(Path file) throws IOException {
    JsonNode root = ReportJson.mapper().readTree(file.toFile());
    Map<Metric, Double> mean = new EnumMap<>(Metric.class);
    JsonNode means = required(root, "mean", file);
    for (Metric metric : Metric.values()) {
      mean.put(metric, required(means, metric.key(), file).asDouble());
    }
    return new Regression(
        required(root, "rules", file).asText(),
        required(root, "opportunities", file).asText(),
        required(root, "profiles", file).asText(),
        required(root, "qrels", file).asText(),
        required(root, "taxonomy", file).asText(),
        LocalDate.parse(required(root, "as_of", file).asText()),
        required(root, "k", file).asInt(),
        required(root, "depth", file).asInt(),
        required(root, "profiles_evaluated", file).asInt(),
        mean);
  }

  private static JsonNode required(JsonNode node, String field, Path file) throws IOException {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      throw new IOException(file + ": field " + field + " is missing");
    }
    return value;
  }

  /**
   * Ranks and evaluates the named inputs as {@link #command()} does.
   *
   * @param root the directory the file's paths are relative to, the repository root
   */
  public Evaluation evaluate(Path root) throws IOException, InterruptedException {
    checkNotNull(root, "root");
    RuleSet ruleSet = RuleSetFile.read(root.resolve(rules));
    List<Opportunity> offered =
        JsonLinesReader.opportunities().read(root.resolve(opportunities)).records();
    List<Profile> ranked = JsonLinesReader.profiles().read(root.resolve(profiles)).records();
    RuleSetRunner runner = RuleSetRunner.builder(offered)
        .taxonomy(OccupationTaxonomy.fromTsv(root.resolve(taxonomy)))
        .asOf(asOf)
        .depth(depth)
        .build();
    return runner.rank(ruleSet, ranked).evaluate(Qrels.read(root.resolve(qrels)), k);
  }

  /** The same inputs with the values of {@code evaluation}. */
  public Regression withResults(Evaluation evaluation) {
    Map<Metric, Double> actual = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      actual.put(metric, round(evaluation.mean(metric)));
    }
    return new Regression(rules, opportunities, profiles, qrels, taxonomy, asOf, k, depth,
        evaluation.perProfile().size(), actual);
  }

  /**
   * How {@code evaluation} differs from the expected values: one line per metric further than
   * {@link #TOLERANCE} away, and one if it is over another number of profiles; empty when it
   * agrees.
   */
  public List<String> differences(Evaluation evaluation) {
    List<String> differences = new ArrayList<>();
    if (evaluation.k() != k) {
      differences.add("k: expected " + k + ", evaluated at " + evaluation.k());
    }
    if (evaluation.perProfile().size() != profilesEvaluated) {
      differences.add("profiles_evaluated: expected " + profilesEvaluated + ", got "
          + evaluation.perProfile().size());
    }
    for (Metric metric : Metric.values()) {
      double expected = mean.get(metric);
      double actual = evaluation.mean(metric);
      if (!(Math.abs(actual - expected) <= TOLERANCE + 1e-12)) {
        differences.add(String.format(Locale.ROOT, "%s: expected %.4f, got %.4f (%+.4f)",
            metric.key(), expected, actual, actual - expected));
      }
    }
    return differences;
  }

  /** The {@code passgenau evaluate} command line that computes these values, from the root. */
  public String command() {
    return "java -jar matcher-cli/target/passgenau.jar evaluate --rules " + rules
        + " --opportunities " + opportunities + " --profiles " + profiles + " --qrels " + qrels
        + " --taxonomy " + taxonomy + " --as-of " + asOf + " --k " + k + " --depth " + depth;
  }

  /** The file's text: indented JSON, means with four decimals, a final line break. */
  public String toJson() {
    ObjectNode root = ReportJson.mapper().createObjectNode();
    root.put("rules", rules);
    root.put("opportunities", opportunities);
    root.put("profiles", profiles);
    root.put("qrels", qrels);
    root.put("taxonomy", taxonomy);
    root.put("as_of", asOf.toString());
    root.put("k", k);
    root.put("depth", depth);
    root.put("profiles_evaluated", profilesEvaluated);
    ObjectNode means = root.putObject("mean");
    for (Metric metric : Metric.values()) {
      means.put(metric.key(), BigDecimal.valueOf(mean.get(metric))
          .setScale(4, RoundingMode.HALF_EVEN));
    }
    root.put("command", command());
    try {
      return ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes {@link #toJson()} to {@code file}, atomically. */
  public void write(Path file) throws IOException {
    AtomicOutput.writeString(file, toJson());
  }

  private static double round(double value) {
    return BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).doubleValue();
  }
}
