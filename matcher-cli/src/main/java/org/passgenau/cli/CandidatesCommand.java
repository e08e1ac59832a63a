package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.passgenau.eval.OrderedParallelMap;
import org.passgenau.io.AtomicOutput;
import org.passgenau.io.Json;
import org.passgenau.rank.MatchOptions;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code passgenau candidates}: for each opportunity (all of the file, or those of {@code --ids}),
 * the registered people who may take it, best first, with the same scores and explanations as
 * {@code match} gives each pair, and the people each filter excluded. One JSON line per
 * opportunity, in the order of the file or of {@code --ids}.
 */
@Command(
    name = "candidates",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    description = "Ranks the people who may take each opportunity, and explains why.")
final class CandidatesCommand implements Callable<Integer> {

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Mixin private PeopleAndPosts inputs;

  @Option(names = "--ids", paramLabel = "ID", split = ",",
      description = "Only these opportunities, in this order (comma-separated).")
  private List<String> ids;

  @Option(names = "--top", paramLabel = "K", defaultValue = "20", converter = Converters.TopK.class,
      description = "People per opportunity, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Results file, - for standard output (default: stdout).")
  private Path out;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    inputs.files(spec.commandLine()).output("--out", out).check();
    MatchOptions options = inputs.options(top);
    try (PeopleAndPosts.Loaded loaded = inputs.load(spec.commandLine(), true);
        AtomicOutput files = new AtomicOutput()) {
      if (inputs.overBudget(spec.commandLine(), loaded)) {
        return RejectBudget.EXIT_CODE;
      }
      List<String> wanted = ids == null ? loaded.opportunityIds : ids;
      requireKnown(wanted, loaded.opportunityIds);
      Progress progress = new Progress(err, wanted.size(), "opportunities", main.interactive(),
          System::nanoTime);
      try (Writer writer = PeopleAndPosts.openOut(spec.commandLine(), out, files)) {
        OrderedParallelMap.run(wanted, inputs.threads(), "candidates",
            id -> Json.toLine(loaded.engine.candidates(id, options)),
            (id, line) -> {
              PeopleAndPosts.writeLine(writer, line);
              progress.step();
            });
      }
      files.commit();
      inputs.report(loaded, err);
      err.printf(Locale.ROOT,
          "ranked candidates for %d opportunities among %d people in %.1f s (as of %s)%n",
          wanted.size(), loaded.engine.profileCount(), (System.nanoTime() - started) / 1e9,
          options.asOf());
    }
    err.flush();
    return CommandLine.ExitCode.OK;
  }

  /** Refuses ids that name no accepted opportunity, all of them in one message. */
  private void requireKnown(List<String> wanted, List<String> known) {
    Set<String> present = new HashSet<>(known);
    List<String> unknown = new ArrayList<>();
    for (String id : wanted) {
      if (!present.contains(id)) {
        unknown.add(id);
      }
    }
    if (!unknown.isEmpty()) {
      throw new ParameterException(spec.commandLine(), "Invalid value for option '--ids': "
          + "no accepted opportunity in " + inputs.opportunities + " has the id"
          + (unknown.size() > 1 ? "s " : " ") + String.join(", ", unknown));
    }
  }
}
