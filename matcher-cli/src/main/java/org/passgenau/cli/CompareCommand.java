package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.passgenau.audit.AuditOutput;
import org.passgenau.audit.AuditReport;
import org.passgenau.audit.FairnessAudit;
import org.passgenau.audit.RuleSetAudits;
import org.passgenau.eval.ComparisonWriter;
import org.passgenau.eval.Evaluation;
import org.passgenau.eval.MissingRankings;
import org.passgenau.eval.Qrels;
import org.passgenau.eval.RuleSetComparison;
import org.passgenau.eval.RuleSetRanking;
import org.passgenau.eval.RuleSetRunner;
import org.passgenau.io.AtomicOutput;
import org.passgenau.rank.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code passgenau compare}: ranks every profile by each of several rule files, evaluates each
 * against the same judgments, and compares every other rule set with the first (the baseline),
 * profile by profile, on every metric: mean difference, paired randomization test, paired t-test,
 * bootstrap confidence interval, wins, ties and losses. The same rankings are audited for
 * fairness as {@code audit} would audit them (match rate and top-k exposure per group of the
 * profiles' audit fields), so that one report says both whether people are placed better and
 * whether some groups are served worse. Tables go to stdout; {@code --out DIR} also writes CSV,
 * JSON and a self-contained HTML report.
 *
 * <p>The audit fields are read by the audit's {@code Tally} alone: this command hands it each
 * profile and result while ranking, and never looks at them.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    description = "Compares rule sets on the same profiles and judgments: ranks every profile by"
        + " each rule file, evaluates each, and tests each against the first (the baseline),"
        + " profile by profile; audits each rule set's rankings for fairness by group.")
final class CompareCommand implements Callable<Integer> {

  /** The files {@code --out} writes. */
  static final String COMPARE_CSV = "compare.csv";
  static final String PER_QUERY_CSV = "per_query.csv";
  static final String COMPARE_JSON = "compare.json";
  static final String COMPARE_HTML = "compare.html";

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Option(names = "--rules", paramLabel = "FILE", required = true,
      description = "Rule file, at least twice: the first is the baseline, each other is compared"
          + " with it.")
  private List<Path> rules;

  @Option(names = "--qrels", paramLabel = "FILE", required = true,
      description = "Graded judgments: profile_id 0 opportunity_id grade (1 or more is relevant).")
  private Path qrels;

  @Option(names = "--k", paramLabel = "K", defaultValue = "" + Evaluation.DEFAULT_K,
      converter = Converters.TopK.class,
      description = "Cutoff of p@k, recall@k and ndcg@k, and the matches per profile that the"
          + " fairness audit counts, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int k;

  @Option(names = "--alpha", paramLabel = "ALPHA", defaultValue = "0.05",
      converter = Alpha.class,
      description = "Significance level: marks differences whose randomization p is below it,"
          + " and sets the confidence intervals to 1 - ALPHA (default: ${DEFAULT-VALUE}).")
  private double alpha;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Also writes " + COMPARE_CSV + ", " + PER_QUERY_CSV + ", " + COMPARE_JSON
          + ", " + AuditOutput.RULE_SETS_GROUPS_CSV + ", " + AuditOutput.RULE_SETS_EXCLUSIONS_CSV
          + " and " + COMPARE_HTML + " into DIR (created if needed).")
  private Path out;

  @Mixin private AttentionOption attention;

  @Mixin private RankingOptions ranking;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long started = System.nanoTime();
    if (rules.size() < 2) {
      throw new ParameterException(spec.commandLine(), "compare needs --rules at least twice:"
          + " the baseline first, then each rule file to compare with it");
    }
    ranking.files(spec.commandLine())
        .inputs("--rules", rules)
        .input("--qrels", qrels)
        .folder("--out", out, COMPARE_CSV, PER_QUERY_CSV, COMPARE_JSON,
            AuditOutput.RULE_SETS_GROUPS_CSV, AuditOutput.RULE_SETS_EXCLUSIONS_CSV, COMPARE_HTML)
        .check();
    List<RuleSet> ruleSets = new ArrayList<>();
    for (Path file : rules) {
      ruleSets.add(RankingOptions.readRules(spec.commandLine(), file));
    }
    ranking.check(spec.commandLine(), "compare", k);
    PrintWriter err = spec.commandLine().getErr();

    Qrels judged = Qrels.read(qrels);
    RankingOptions.Inputs inputs = ranking.read();
    if (ranking.overBudget(spec.commandLine(), inputs)) {
      return RejectBudget.EXIT_CODE;
    }
    int profiles = inputs.profiles().read().records().size();
    Progress progress = new Progress(err, profiles * ruleSets.size(), "rankings",
        main.interactive(), System::nanoTime);
    RuleSetRunner runner = ranking.runner(inputs, k, progress);
    List<String> labels = RuleSetComparison.uniqueLabels(
        ruleSets.stream().map(RuleSet::name).toList());
    // The audit's defaults, but the metrics' cutoff as its top k: both look at the same lists.
    FairnessAudit audit = FairnessAudit.builder().topK(k).attention(attention.model()).build();
    List<RuleSetComparison.Variant> variants = new ArrayList<>();
    Map<String, AuditReport> audits = new LinkedHashMap<>();
    for (int i = 0; i < ruleSets.size(); i++) {
      FairnessAudit.Tally tally = audit.newTally();
      RuleSetRanking ranked =
          runner.rank(ruleSets.get(i), inputs.profiles().read().records(), tally::add);
      Evaluation evaluation;
      try {
        evaluation = ranked.evaluate(judged, k, MissingRankings.SKIP);
      } catch (IllegalArgumentException e) {
        ranking.report(inputs, err);
        err.println(spec.commandLine().getColorScheme().errorText(spec.qualifiedName()
            + ": no profile of " + ranking.profiles + " has judgments in " + qrels));
        err.flush();
        return CommandLine.ExitCode.SOFTWARE;
      }
      variants.add(new RuleSetComparison.Variant(labels.get(i), rules.get(i).toString(),
          evaluation));
      audits.put(labels.get(i), tally.report()); // evaluated, so at least one profile was ranked
    }
    RuleSetComparison comparison =
        RuleSetComparison.of(variants.get(0), variants.subList(1, variants.size()), alpha);
    RuleSetAudits fairness = RuleSetAudits.of(audits);

    Writer stdout = new KeepOpenWriter(spec.commandLine().getOut());
    ComparisonWriter.writeText(comparison, stdout);
    stdout.write("\n");
    AuditOutput.writeText(fairness, stdout);
    if (out != null) {
      writeReports(comparison, fairness, context(runner, inputs, judged));
    }

    ranking.report(inputs, err);
    err.println("qrels " + qrels + ": " + judged.size() + " judgments, "
        + judged.profiles().size() + " profiles");
    for (int i = 0; i < ruleSets.size(); i++) {
      err.println((i == 0 ? "baseline " : "candidate ") + labels.get(i) + ": rule set "
          + ruleSets.get(i).name() + " " + ruleSets.get(i).version() + " from " + rules.get(i));
    }
    err.println(RankingOptions.ranked(ruleSets.size() + " rule sets", profiles,
        runner.opportunities(), runner.depth(), System.nanoTime() - started, runner.asOf()));
    Evaluation baseline = comparison.baseline().evaluation();
    StringBuilder line = new StringBuilder("evaluated ").append(baseline.perProfile().size())
        .append(" profiles at k=").append(k);
    if (!baseline.profilesWithoutJudgments().isEmpty()) {
      line.append("; left out ").append(baseline.profilesWithoutJudgments().size())
          .append(" ranked without judgments");
    }
    if (!baseline.profilesWithoutRanking().isEmpty()) {
      line.append("; left out ").append(baseline.profilesWithoutRanking().size())
          .append(" judged without a ranking");
    }
    err.println(line);
    err.println(fairness.hasGroups()
        ? "audited the rankings for fairness by " + String.join(", ", fairness.attributes())
            + " (top " + k + ", attention " + attention.model() + ")"
        : "no audit fields in the profiles: no groups to audit for fairness");
    if (out != null) {
      err.println("wrote " + COMPARE_CSV + ", " + PER_QUERY_CSV + ", " + COMPARE_JSON + ", "
          + AuditOutput.RULE_SETS_GROUPS_CSV + ", " + AuditOutput.RULE_SETS_EXCLUSIONS_CSV
          + " and " + COMPARE_HTML + " to " + out);
    }
    err.flush();
    return CommandLine.ExitCode.OK;
  }

  /** What the reports say about the inputs; nothing that changes between runs of the same input. */
  private Map<String, String> context(
      RuleSetRunner runner, RankingOptions.Inputs inputs, Qrels judged) {
    Map<String, String> context = new LinkedHashMap<>();
    context.put("rule files", String.join(", ", rules.stream().map(Path::toString).toList()));
    context.put("opportunities", ranking.opportunities + " ("
        + inputs.opportunities().read().records().size() + " accepted)");
    context.put("profiles", ranking.profiles + " ("
        + inputs.profiles().read().records().size() + " accepted)");
    context.put("qrels", qrels + " (" + judged.size() + " judgments, "
        + judged.profiles().size() + " profiles)");
    context.put("as of", runner.asOf().toString());
    context.put("k", Integer.toString(k));
    context.put("ranking depth", Integer.toString(runner.depth()));
    return context;
  }

  /** Writes every report into {@code --out}, each replacing its old version only once all are done. */
  private void writeReports(RuleSetComparison comparison, RuleSetAudits fairness,
      Map<String, String> context) throws IOException {
    Files.createDirectories(out);
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true"); // charts are drawn off screen
    }
    try (AtomicOutput files = new AtomicOutput()) {
      try (Writer csv = files.open(out.resolve(COMPARE_CSV))) {
        ComparisonWriter.writeCsv(comparison, csv);
      }
      try (Writer csv = files.open(out.resolve(PER_QUERY_CSV))) {
        ComparisonWriter.writePerQueryCsv(comparison, csv);
      }
      try (Writer json = files.open(out.resolve(COMPARE_JSON))) {
        ComparisonWriter.writeJson(comparison, context,
            Map.of("fairness", AuditOutput.toJson(fairness)), json);
      }
      try (Writer csv = files.open(out.resolve(AuditOutput.RULE_SETS_GROUPS_CSV))) {
        AuditOutput.writeGroupsCsv(fairness, csv);
      }
      try (Writer csv = files.open(out.resolve(AuditOutput.RULE_SETS_EXCLUSIONS_CSV))) {
        AuditOutput.writeExclusionsCsv(fairness, csv);
      }
      try (Writer html = files.open(out.resolve(COMPARE_HTML))) {
        ComparisonWriter.writeHtml(comparison, context,
            List.of(AuditOutput.toHtmlSection(fairness)), html);
      }
      files.commit();
    }
  }

  /** {@code --alpha}: a probability strictly between 0 and 1. */
  static final class Alpha implements ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      double alpha;
      try {
        alpha = Double.parseDouble(value);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + value + "' is not a number");
      }
      if (!(alpha > 0 && alpha < 1)) {
        throw new TypeConversionException("must lie between 0 and 1, was " + value);
      }
      return alpha;
    }
  }
}
