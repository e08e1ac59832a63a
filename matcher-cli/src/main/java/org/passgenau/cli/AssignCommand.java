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
import org.passgenau.assign.Assigner;
import org.passgenau.audit.PlacementByGroup;
import org.passgenau.assign.Assignment;
import org.passgenau.assign.AssignmentMethod;
import org.passgenau.assign.AssignmentProblem;
import org.passgenau.assign.CandidateLists;
import org.passgenau.eval.OrderedParallelMap;
import org.passgenau.io.AtomicOutput;
import org.passgenau.model.Profile;
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
 * {@code passgenau assign}: at most one proposal per person and at most {@code open_positions}
 * people per opportunity, chosen among each person's {@code --candidates} best admitted
 * opportunities, either of the greatest total score ({@code optimal}) or stable ({@code
 * stable}). One JSON line per person, in the profiles' order; a summary that compares the
 * assignment with everyone taking their own first choice.
 */
@Command(
    name = "assign",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    description = "Proposes at most one opportunity per person, within the open positions.")
final class AssignCommand implements Callable<Integer> {

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Mixin private PeopleAndPosts inputs;

  @Option(names = "--candidates", paramLabel = "K", defaultValue = "50",
      converter = Converters.TopK.class,
      description = "Admitted opportunities considered per person, best first, 1 to 10000"
          + " (default: ${DEFAULT-VALUE}).")
  private int candidates;

  @Option(names = "--method", paramLabel = "METHOD", defaultValue = "optimal",
      converter = MethodConverter.class,
      description = "optimal (greatest total score) or stable (no person and opportunity would"
          + " both rather have each other) (default: ${DEFAULT-VALUE}).")
  private AssignmentMethod method;

  @Option(names = "--out", paramLabel = "FILE",
      description = "One proposal per person as JSON Lines, - for standard output (default:"
          + " stdout).")
  private Path out;

  @Option(names = "--summary", paramLabel = "FILE",
      description = "Writes the summary as JSON: totals, first choices, the comparison with"
          + " everyone taking their first choice, and placement by audit group.")
  private Path summary;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long started = System.nanoTime();
    Phases phases = new Phases(started, System::nanoTime);
    PrintWriter err = spec.commandLine().getErr();
    inputs.files(spec.commandLine()).output("--out", out).output("--summary", summary).check();
    MatchOptions options = inputs.options(candidates);
    try (PeopleAndPosts.Loaded loaded = inputs.load(spec.commandLine(), false);
        AtomicOutput files = new AtomicOutput()) {
      if (inputs.overBudget(spec.commandLine(), loaded)) {
        return RejectBudget.EXIT_CODE;
      }
      phases.end("read+index");
      List<Profile> people = loaded.people;
      Progress ranked = new Progress(err, people.size(), "profiles", main.interactive(),
          System::nanoTime);
      AssignmentProblem problem = CandidateLists.of(loaded.engine, people, options,
          inputs.threads(), done -> ranked.step());
      phases.end("rank");
      Assignment assignment = Assigner.solve(problem, method, done -> {});
      phases.end("assign");
      try (Writer writer = PeopleAndPosts.openOut(spec.commandLine(), out, files)) {
        List<Integer> indices = new ArrayList<>(people.size());
        for (int p = 0; p < people.size(); p++) {
          indices.add(p);
        }
        OrderedParallelMap.run(indices, inputs.threads(), "explain",
            p -> PeopleAndPosts.jsonLine(
                proposal(loaded, problem, assignment, people.get(p), p, options)),
            (p, line) -> PeopleAndPosts.writeLine(writer, line));
      }
      phases.end("explain+write");
      FirstChoiceRun firstChoices = FirstChoiceRun.of(problem);
      if (summary != null) {
        try (Writer writer = files.open(summary)) {
          writer.write(PeopleAndPosts.jsonLine(
              summary(loaded, problem, assignment, firstChoices, options)) + "\n");
        }
      }
      files.commit(); // the proposals and the summary together, or neither
      inputs.report(loaded, err);
      err.printf(Locale.ROOT, "assigned %d of %d people to %d listed positions (%s, %d candidates"
              + " each, total score %.4f, %d first choices; everyone's first choice would place"
              + " %d)%n",
          assignment.assigned(), people.size(), problem.positions(),
          method.name().toLowerCase(Locale.ROOT), candidates, assignment.totalScore(),
          assignment.firstChoices(), firstChoices.placed());
      err.println(phases.summary() + " on " + inputs.threads()
          + (inputs.threads() == 1 ? " thread" : " threads"));
    }
    err.flush();
    return CommandLine.ExitCode.OK;
  }

  /** One person's line: the proposal with the pair's explanation, or why there is none. */
  private static Map<String, Object> proposal(PeopleAndPosts.Loaded loaded,
      AssignmentProblem problem, Assignment assignment, Profile person, int p,
      MatchOptions options) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("profile_id", person.id());
    int o = assignment.opportunityOf(p);
    if (o < 0) {
      line.put("opportunity_id", null);
      line.put("score", null);
      line.put("rank_in_own_list", null);
      line.put("explanation", List.of());
      line.put("unassigned_because", problem.listSize(p) == 0
          ? "no opportunity admits the person with a score of zero or more"
          : "the places listed went to others");
      return line;
    }
    String id = problem.opportunityId(o);
    Match pair = loaded.engine.matchPair(person, id, options).orElseThrow(
        () -> new IllegalStateException("the assigned pair " + person.id() + ", " + id
            + " is no longer admitted"));
    line.put("opportunity_id", id);
    line.put("score", assignment.score(p));
    line.put("rank_in_own_list", assignment.rankInOwnList(p));
    line.put("explanation", pair.explanation());
    return line;
  }

  /**
   * The run an assignment is compared with: everyone takes their own first choice, and each
   * opportunity takes as many as it has places.
   *
   * @param placed people who get a place
   * @param beyondCapacity people who chose an opportunity already full
   * @param overbooked opportunities chosen by more people than they have places
   */
  private record FirstChoiceRun(long placed, long beyondCapacity, int overbooked) {
    static FirstChoiceRun of(AssignmentProblem problem) {
      int[] wanting = new int[problem.opportunities()];
      for (int p = 0; p < problem.people(); p++) {
        if (problem.listSize(p) > 0) {
          wanting[problem.choice(p, 0)]++;
        }
      }
      long placed = 0;
      long beyond = 0;
      int overbooked = 0;
      for (int o = 0; o < wanting.length; o++) {
        placed += Math.min(wanting[o], problem.capacity(o));
        beyond += Math.max(0, wanting[o] - problem.capacity(o));
        overbooked += wanting[o] > problem.capacity(o) ? 1 : 0;
      }
      return new FirstChoiceRun(placed, beyond, overbooked);
    }
  }

  private Map<String, Object> summary(PeopleAndPosts.Loaded loaded, AssignmentProblem problem,
      Assignment assignment, FirstChoiceRun firstChoices, MatchOptions options) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("method", method.name().toLowerCase(Locale.ROOT));
    s.put("rule_set", loaded.ruleSet.name());
    s.put("as_of", options.asOf().toString());
    s.put("candidates_per_person", candidates);
    s.put("profiles", problem.people());
    s.put("opportunities", loaded.opportunityIds.size());
    s.put("positions", loaded.positions);
    s.put("positions_listed", problem.positions());
    s.put("assigned", assignment.assigned());
    s.put("unassigned", problem.people() - assignment.assigned());
    s.put("total_score", assignment.totalScore());
    s.put("first_choice", assignment.firstChoices());
    Map<String, Object> naive = new LinkedHashMap<>();
    naive.put("placed", firstChoices.placed());
    naive.put("people_beyond_capacity", firstChoices.beyondCapacity());
    naive.put("overbooked_opportunities", firstChoices.overbooked());
    s.put("everyone_first_choice", naive);
    s.put("placed_beyond_first_choice_run", assignment.assigned() - firstChoices.placed());
    s.put("by_group", PlacementByGroup.of(loaded.people, problem, assignment));
    return s;
  }

  /** {@code optimal} or {@code stable}, in any case. */
  static final class MethodConverter implements CommandLine.ITypeConverter<AssignmentMethod> {
    @Override
    public AssignmentMethod convert(String value) {
      try {
        return AssignmentMethod.valueOf(value.trim().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(
            "expected optimal or stable, was '" + value + "'");
      }
    }
  }
}
