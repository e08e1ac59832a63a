package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.passgenau.eval.OrderedParallelMap;
import org.passgenau.io.AtomicOutput;
import org.passgenau.rank.Gap;
import org.passgenau.rank.GapCohort;
import org.passgenau.rank.Gaps;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code passgenau gaps}: for each person, each single change the rules know (a language level
 * more, recognition completed, a licence, a longer commute, childcare arranged, more hours, a
 * work ban ended) with how many opportunities it would newly admit and the best of them; with
 * {@code --cohort}, the same summed over all people, one line per change.
 */
@Command(
    name = "gaps",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    description = "Shows which single change would open the most opportunities.")
final class GapsCommand implements Callable<Integer> {

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Mixin private PeopleAndPosts inputs;

  @Option(names = "--cohort",
      description = "Sums the changes over all people: one line per change, with the people it"
          + " applies to and helps, and the opportunities it opens.")
  private boolean cohort;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Results as JSON Lines, - for standard output (default: stdout).")
  private Path out;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    inputs.files(spec.commandLine()).output("--out", out).check();
    MatchOptions options = inputs.options(1);
    try (PeopleAndPosts.Loaded loaded = inputs.load(spec.commandLine(), false);
        AtomicOutput files = new AtomicOutput()) {
      if (inputs.overBudget(spec.commandLine(), loaded)) {
        return RejectBudget.EXIT_CODE;
      }
      Progress progress = new Progress(err, loaded.people.size(), "profiles", main.interactive(),
          System::nanoTime);
      GapCohort sum = new GapCohort();
      try (Writer writer = PeopleAndPosts.openOut(spec.commandLine(), out, files)) {
        OrderedParallelMap.run(loaded.people, inputs.threads(), "gaps",
            person -> loaded.engine.gaps(person, options, cohort),
            (person, gaps) -> {
              if (cohort) {
                sum.add(gaps);
              } else {
                PeopleAndPosts.writeLine(writer, PeopleAndPosts.jsonLine(personLine(gaps)));
              }
              progress.step();
            });
        if (cohort) {
          for (GapCohort.Row row : sum.rows()) {
            PeopleAndPosts.writeLine(writer,
                PeopleAndPosts.jsonLine(cohortLine(row, sum.people())));
          }
        }
      }
      files.commit();
      inputs.report(loaded, err);
      err.printf(Locale.ROOT, "found the gaps of %d people against %d opportunities in %.1f s"
              + " (as of %s)%n", loaded.people.size(), loaded.engine.size(),
          (System.nanoTime() - started) / 1e9, options.asOf());
    }
    err.flush();
    return CommandLine.ExitCode.OK;
  }

  private static Map<String, Object> personLine(Gaps gaps) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("profile_id", gaps.profileId());
    line.put("rule_set", gaps.ruleSet());
    line.put("admitted", gaps.admitted());
    List<Map<String, Object>> changes = new ArrayList<>();
    for (Gap gap : gaps.gaps()) {
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("change", gap.change().key());
      change.put("kind", gap.change().kind().name().toLowerCase(Locale.ROOT));
      change.put("subject", gap.change().subject());
      change.put("newly_admitted", gap.newlyAdmitted());
      change.put("best", gap.bestOpened().map(GapsCommand::best).orElse(null));
      change.put("explanation", gap.explanation());
      changes.add(change);
    }
    line.put("gaps", changes);
    return line;
  }

  private static Map<String, Object> best(Match m) {
    Map<String, Object> best = new LinkedHashMap<>();
    best.put("opportunity_id", m.opportunityId());
    best.put("score", m.score());
    best.put("explanation", m.explanation());
    return best;
  }

  private static Map<String, Object> cohortLine(GapCohort.Row row, int people) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("change", row.key());
    line.put("kind", row.kind().name().toLowerCase(Locale.ROOT));
    line.put("subject", row.subject());
    line.put("people", people);
    line.put("people_applicable", row.peopleApplicable());
    line.put("people_helped", row.peopleHelped());
    line.put("opportunities_opened", row.opportunitiesOpened());
    line.put("distinct_opportunities", row.distinctOpportunities());
    return line;
  }
}
