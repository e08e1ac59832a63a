package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.passgenau.audit.AuditOutput;
import org.passgenau.audit.AuditReport;
import org.passgenau.audit.FairnessAudit;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code passgenau audit}: ranks the opportunities for every profile as {@code match} does and
 * reports, per group of the profiles' {@code audit} fields, match rates, top-k exposure and the
 * filters that rule out most. With {@code --out DIR}, writes CSV tables and an HTML report there;
 * without, prints text tables. Rejected lines are handled as by {@code match}.
 */
@Command(
    name = "audit",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    description = "Audits the rankings for groups given by the profiles' audit fields.")
final class AuditCommand implements Callable<Integer> {

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Option(names = "--opportunities", paramLabel = "FILE", required = true,
      description = "Opportunities as JSON Lines.")
  private Path opportunities;

  @Option(names = "--profiles", paramLabel = "FILE", required = true,
      description = "Profiles as JSON Lines, with audit fields such as gender or nationality.")
  private Path profiles;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rule file to rank by (default: the built-in rule set).")
  private Path rules;

  @Option(names = "--top", paramLabel = "K", defaultValue = "10",
      converter = Converters.TopK.class,
      description = "Matches per profile that count, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int top;

  @Mixin private AttentionOption attention;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.IsoDate.class,
      description = "Reference date for bans, deadlines and start dates (default: today).")
  private LocalDate asOf;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Writes " + AuditOutput.GROUPS_CSV + ", " + AuditOutput.EXCLUSIONS_CSV
          + " and " + AuditOutput.HTML + " into DIR (default: text tables on stdout).")
  private Path out;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Writes every rejected input line here as JSON Lines.")
  private Path rejects;

  @Mixin private TaxonomyOption taxonomy;

  @Mixin private RejectBudget maxRejects;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    new OutputFiles(spec.commandLine())
        .input("--opportunities", opportunities)
        .input("--profiles", profiles)
        .input("--rules", rules)
        .taxonomy(taxonomy)
        .folder("--out", out, AuditOutput.GROUPS_CSV, AuditOutput.EXCLUSIONS_CSV, AuditOutput.HTML)
        .output("--rejects", rejects)
        .check();
    RuleSet ruleSet = RankingOptions.readRules(spec.commandLine(), rules);
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    MatchOptions options = new MatchOptions(top, day, Locale.ENGLISH);
    FairnessAudit audit = FairnessAudit.builder().topK(top).attention(attention.model()).build();

    InputFile<Opportunity> opportunityFile =
        InputFile.read("opportunities", opportunities, false, JsonLinesReader.opportunities());
    InputFile<Profile> profileFile =
        InputFile.read("profiles", profiles, true, JsonLinesReader.profiles());
    List<InputFile<?>> inputs = List.of(opportunityFile, profileFile);
    RejectReport rejectReport = new RejectReport(inputs);
    List<String> overBudget = maxRejects.problems(inputs);
    if (!overBudget.isEmpty()) {
      if (rejects != null) {
        rejectReport.writeTo(rejects);
      }
      inputs.forEach(input -> err.println(input.summary()));
      rejectReport.printSummary(err, rejects);
      return RejectBudget.refuse(spec.commandLine(), overBudget);
    }
    List<Profile> toAudit = profileFile.read().records();

    Progress progress = new Progress(err, toAudit.size(), main.interactive(), System::nanoTime);
    FairnessAudit.Tally tally = audit.newTally();
    Engines.Taxonomy occupations = taxonomy.load();
    int indexed;
    try (MatchingEngine engine =
        Engines.holding(opportunityFile.read().records(), occupations, ruleSet)) {
      indexed = engine.size();
      Iterator<Profile> inOrder = toAudit.iterator();
      new OrderedMatcher(engine, options, Runtime.getRuntime().availableProcessors())
          .matchAll(toAudit, result -> {
            tally.add(inOrder.next(), result);
            progress.step();
          });
    }

    if (rejects != null) {
      rejectReport.writeTo(rejects);
    }
    inputs.forEach(input -> err.println(input.summary()));
    err.println("rule set " + ruleSet.name() + " " + ruleSet.version()
        + (rules == null ? " (built in)" : " from " + rules));
    err.println(occupations.summary());
    AuditReport report = tally.report();
    err.printf(Locale.ROOT,
        "audited %d profiles against %d opportunities in %.1f s (as of %s, top %d, attention %s)%n",
        progress.done(), indexed, (System.nanoTime() - started) / 1e9, day, top, attention.model());
    if (out == null) {
      AuditOutput.writeText(report, spec.commandLine().getOut());
    } else {
      List<String> context = List.of(
          "opportunities: " + opportunities + " (" + indexed + " indexed)",
          "profiles: " + profiles + " (" + report.profiles() + " audited)",
          "reference date: " + day,
          "rule set: " + ruleSet.name() + " " + ruleSet.version()
              + (rules == null ? " (built in)" : " from " + rules));
      for (Path file : AuditOutput.writeDirectory(report, out, context)) {
        err.println("wrote " + file);
      }
    }
    rejectReport.printSummary(err, rejects);
    err.flush();
    return CommandLine.ExitCode.OK;
  }
}
