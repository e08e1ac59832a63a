package org.passgenau.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.passgenau.eval.Evaluation;
import org.passgenau.eval.EvaluationWriter;
import org.passgenau.eval.Metric;
import org.passgenau.eval.MissingRankings;
import org.passgenau.eval.Qrels;
import org.passgenau.eval.ReportJson;
import org.passgenau.eval.RuleSetRanking;
import org.passgenau.eval.RuleSetRunner;
import org.passgenau.eval.TrecRun;
import org.passgenau.io.AtomicOutput;
import org.passgenau.rank.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code passgenau evaluate}: scores rankings against graded judgments, per profile and as means,
 * with {@code trec_eval}'s conventions, and writes the result as JSON (and optionally CSV). The
 * rankings come from a TREC run file ({@code --run}), or are made on the spot by ranking every
 * profile by a rule file ({@code --rules} with {@code --opportunities} and {@code --profiles}). A
 * summary goes to stderr. A malformed line of a run or qrels file stops the command with exit code
 * 1 and a message naming the file, line, field and value.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    customSynopsis = {
        "passgenau evaluate --run FILE --qrels FILE [--k K] [--out FILE] [--csv FILE]",
        "                   [--complete]",
        "passgenau evaluate --rules FILE --opportunities FILE --profiles FILE",
        "                   --qrels FILE [--k K] [--depth N] [--as-of YYYY-MM-DD]",
        "                   [--taxonomy FILE] [--esco DIR] [--rejects FILE]",
        "                   [--max-rejects N|P%%] [--run-out FILE] [--out FILE] [--csv FILE]",
        "                   [--complete]"},
    description = "Scores rankings against graded judgments: p@k, recall@k, mrr, map and ndcg@k"
        + " per profile and their means, as trec_eval computes them. The rankings come from a"
        + " TREC run file (--run) or from ranking every profile by a rule file (--rules).")
final class EvaluateCommand implements Callable<Integer> {

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @ArgGroup(exclusive = true, multiplicity = "1", order = 0)
  private Source source;

  /** Where the rankings come from: exactly one of a run file and a rule file. */
  static final class Source {
    @Option(names = "--run", paramLabel = "FILE", required = true,
        description = "TREC run: profile_id Q0 opportunity_id rank score rule_set.")
    Path run;

    @Option(names = "--rules", paramLabel = "FILE", required = true,
        description = "Rule file to rank every profile by, then evaluate (needs --opportunities"
            + " and --profiles).")
    Path rules;
  }

  @Option(names = "--qrels", paramLabel = "FILE", required = true,
      description = "Graded judgments: profile_id 0 opportunity_id grade (1 or more is relevant).")
  private Path qrels;

  @Option(names = "--k", paramLabel = "K", defaultValue = "" + Evaluation.DEFAULT_K,
      converter = Converters.TopK.class,
      description = "Cutoff of p@k, recall@k and ndcg@k, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int k;

  @Option(names = "--out", paramLabel = "FILE",
      description = "JSON results file, - for standard output (default: stdout).")
  private Path out;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also writes a CSV table: a row per profile, then one of means.")
  private Path csv;

  @Option(names = "--complete",
      description = "Scores judged profiles that the rankings lack 0 and counts them in the"
          + " means (trec_eval -c); by default they are left out.")
  private boolean complete;

  @Mixin private RankingOptions ranking;

  @Option(names = "--run-out", paramLabel = "FILE",
      description = "With --rules: also writes the rankings evaluated as a TREC run file, as"
          + " match --format trec writes it.")
  private Path runOut;

  @Override
  public Integer call() throws IOException, InterruptedException {
    ranking.files(spec.commandLine())
        .input("--run", source.run)
        .input("--rules", source.rules)
        .input("--qrels", qrels)
        .output("--out", out)
        .output("--csv", csv)
        .output("--run-out", runOut)
        .check();
    return source.run != null ? evaluateRun() : rankAndEvaluate();
  }

  private Integer evaluateRun() throws IOException {
    String rankingOnly = runOut != null ? "--run-out" : ranking.firstGiven();
    if (rankingOnly != null) {
      throw new ParameterException(spec.commandLine(), "Option '" + rankingOnly + "' goes with"
          + " --rules (ranking by a rule file), not with --run (evaluating a run file)");
    }
    PrintWriter err = spec.commandLine().getErr();
    TrecRun ranked = TrecRun.read(source.run);
    Qrels judged = Qrels.read(qrels);
    err.println("run " + source.run + ": " + ranked.size() + " lines, "
        + ranked.rankings().size() + " profiles"
        + ranked.ruleSet().map(name -> ", rule set " + name).orElse(""));
    printQrels(err, judged);

    Evaluation evaluation;
    try {
      evaluation = Evaluation.of(ranked, judged, k, missingRankings());
    } catch (IllegalArgumentException e) {
      return noProfileJudged(source.run);
    }
    try (AtomicOutput files = new AtomicOutput()) {
      write(evaluation, EvaluationWriter.toJson(evaluation), files);
    }
    return CommandLine.ExitCode.OK;
  }

  private Integer rankAndEvaluate() throws IOException, InterruptedException {
    long started = System.nanoTime();
    RuleSet rules = RankingOptions.readRules(spec.commandLine(), source.rules);
    ranking.check(spec.commandLine(), "--rules", k);
    PrintWriter err = spec.commandLine().getErr();

    Qrels judged = Qrels.read(qrels);
    RankingOptions.Inputs inputs = ranking.read();
    if (ranking.overBudget(spec.commandLine(), inputs)) {
      return RejectBudget.EXIT_CODE;
    }
    int profiles = inputs.profiles().read().records().size();
    Progress progress = new Progress(err, profiles, main.interactive(), System::nanoTime);
    RuleSetRunner runner = ranking.runner(inputs, k, progress);
    RuleSetRanking ranked = runner.rank(rules, inputs.profiles().read().records());
    // The run file is committed with the results, so that a failed run leaves none behind.
    AtomicOutput files = new AtomicOutput();
    try (files) {
      if (runOut != null) {
        try (Writer run = files.open(runOut)) {
          ranked.writeTrec(run);
        }
      }
      return evaluateRanking(rules, inputs, runner, ranked, judged, started, files);
    }
  }

  private Integer evaluateRanking(RuleSet rules, RankingOptions.Inputs inputs,
      RuleSetRunner runner, RuleSetRanking ranked, Qrels judged, long started,
      AtomicOutput files) throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    int profiles = inputs.profiles().read().records().size();

    ranking.report(inputs, err);
    printQrels(err, judged);
    err.println("rule set " + rules.name() + " " + rules.version() + " from " + source.rules);
    err.println(RankingOptions.ranked(rules.name(), profiles, runner.opportunities(),
        runner.depth(), System.nanoTime() - started, runner.asOf()));

    Evaluation evaluation;
    try {
      evaluation = ranked.evaluate(judged, k, missingRankings());
    } catch (IllegalArgumentException e) {
      return noProfileJudged(ranking.profiles);
    }
    int reordered = tiesOrderedOtherwise(ranked, evaluation.profiles());
    if (reordered > 0) {
      err.println("evaluated as trec_eval reads the run: equal scores by id descending, which"
          + " is not match's order for " + reordered + " evaluated profiles");
    }
    ObjectNode json = ReportJson.mapper().createObjectNode();
    json.put("rule_set", rules.name());
    json.put("rule_set_version", rules.version());
    json.put("as_of", runner.asOf().toString());
    json.put("depth", runner.depth());
    json.setAll(EvaluationWriter.toJson(evaluation));
    write(evaluation, json, files);
    if (runOut != null) {
      err.println("run: " + ranked.size() + " lines written to " + runOut);
      err.flush();
    }
    return CommandLine.ExitCode.OK;
  }

  /** Profiles whose evaluated order differs from match's, as trec_eval breaks ties otherwise. */
  private static int tiesOrderedOtherwise(RuleSetRanking ranked, List<String> evaluated) {
    Map<String, List<String>> asRead = ranked.toTrecRun().rankings();
    int count = 0;
    for (String profile : evaluated) {
      List<String> engine = ranked.rankings().get(profile);
      if (engine != null && !engine.equals(asRead.getOrDefault(profile, List.of()))) {
        count++;
      }
    }
    return count;
  }

  private MissingRankings missingRankings() {
    return complete ? MissingRankings.SCORE_ZERO : MissingRankings.SKIP;
  }

  private void printQrels(PrintWriter err, Qrels judged) {
    err.println("qrels " + qrels + ": " + judged.size() + " judgments, "
        + judged.profiles().size() + " profiles");
  }

  private int noProfileJudged(Path ranked) {
    PrintWriter err = spec.commandLine().getErr();
    err.println(spec.commandLine().getColorScheme().errorText(spec.qualifiedName()
        + ": no profile of " + ranked + " has judgments in " + qrels));
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  /** Writes the results and commits {@code files}: the JSON, the CSV and any run file at once. */
  private void write(Evaluation evaluation, ObjectNode json, AtomicOutput files)
      throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    try (Writer writer = PeopleAndPosts.openOut(spec.commandLine(), out, files)) {
      writer.write(ReportJson.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(json));
      writer.write('\n');
    }
    if (csv != null) {
      try (Writer table = files.open(csv)) {
        EvaluationWriter.writeCsv(evaluation, table);
      }
    }
    files.commit();
    err.println(summary(evaluation));
    StringBuilder means = new StringBuilder("mean");
    for (Metric metric : Metric.values()) {
      means.append(String.format(Locale.ROOT, "  %s %.4f", metric.key(), evaluation.mean(metric)));
    }
    err.println(means);
    err.flush();
  }

  private String summary(Evaluation evaluation) {
    StringBuilder line = new StringBuilder()
        .append("evaluated ").append(evaluation.perProfile().size()).append(" profiles at k=")
        .append(evaluation.k());
    int unjudged = evaluation.profilesWithoutJudgments().size();
    int unranked = evaluation.profilesWithoutRanking().size();
    if (unjudged > 0) {
      line.append("; left out ").append(unjudged).append(" ranked without judgments");
    }
    if (unranked > 0) {
      line.append(complete ? "; scored 0 " : "; left out ").append(unranked)
          .append(" judged without a ranking");
    }
    return line.toString();
  }
}
