package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.passgenau.eval.Evaluation;
import org.passgenau.eval.EvaluationWriter;
import org.passgenau.eval.Metric;
import org.passgenau.eval.MissingRankings;
import org.passgenau.eval.Qrels;
import org.passgenau.eval.TrecRun;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code passgenau evaluate}: scores a TREC run against graded judgments, per profile and as
 * means, with {@code trec_eval}'s conventions, and writes the result as JSON (and optionally CSV).
 * A summary goes to stderr. A malformed line of either file stops the command with exit code 1 and
 * a message naming the file, line, field and value.
 */
@Command(
    name = "evaluate",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Scores a TREC run against graded judgments: p@k, recall@k, mrr, map and"
        + " ndcg@k per profile and their means, as trec_eval computes them.")
final class EvaluateCommand implements Callable<Integer> {

  @Spec private CommandSpec spec;

  @Option(names = "--run", paramLabel = "FILE", required = true,
      description = "TREC run: profile_id Q0 opportunity_id rank score rule_set.")
  private Path run;

  @Option(names = "--qrels", paramLabel = "FILE", required = true,
      description = "Graded judgments: profile_id 0 opportunity_id grade (1 or more is relevant).")
  private Path qrels;

  @Option(names = "--k", paramLabel = "K", defaultValue = "" + Evaluation.DEFAULT_K,
      converter = Converters.TopK.class,
      description = "Cutoff of p@k, recall@k and ndcg@k, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int k;

  @Option(names = "--out", paramLabel = "FILE", description = "JSON results file (default: stdout).")
  private Path out;

  @Option(names = "--csv", paramLabel = "FILE",
      description = "Also writes a CSV table: a row per profile, then one of means.")
  private Path csv;

  @Option(names = "--complete",
      description = "Scores judged profiles that the run lacks 0 and counts them in the means"
          + " (trec_eval -c); by default they are left out.")
  private boolean complete;

  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    TrecRun ranked = TrecRun.read(run);
    Qrels judged = Qrels.read(qrels);
    err.println("run " + run + ": " + ranked.size() + " lines, " + ranked.rankings().size()
        + " profiles" + ranked.ruleSet().map(name -> ", rule set " + name).orElse(""));
    err.println("qrels " + qrels + ": " + judged.size() + " judgments, "
        + judged.profiles().size() + " profiles");

    Evaluation evaluation;
    try {
      evaluation = Evaluation.of(ranked, judged, k,
          complete ? MissingRankings.SCORE_ZERO : MissingRankings.SKIP);
    } catch (IllegalArgumentException e) {
      err.println(spec.commandLine().getColorScheme().errorText(spec.qualifiedName()
          + ": no profile of " + run + " has judgments in " + qrels));
      err.flush();
      return CommandLine.ExitCode.SOFTWARE;
    }

    try (Writer json = openOut()) {
      EvaluationWriter.writeJson(evaluation, json);
    }
    if (csv != null) {
      try (Writer table = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
        EvaluationWriter.writeCsv(evaluation, table);
      }
    }
    err.println(summary(evaluation));
    StringBuilder means = new StringBuilder("mean");
    for (Metric metric : Metric.values()) {
      means.append(String.format(Locale.ROOT, "  %s %.4f", metric.key(), evaluation.mean(metric)));
    }
    err.println(means);
    err.flush();
    return CommandLine.ExitCode.OK;
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

  private Writer openOut() throws IOException {
    return out == null
        ? new KeepOpenWriter(spec.commandLine().getOut())
        : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
  }
}
