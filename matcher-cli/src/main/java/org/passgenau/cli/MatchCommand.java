package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.output.ResultFormat;
import org.passgenau.output.ResultWriter;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code passgenau match}: ranks the opportunities for every profile of a file and writes one
 * result per profile, in the profiles' order. Rejected lines of either file are reported, and the
 * run goes on with the rest.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    description = "Ranks opportunities for each profile and explains why.")
final class MatchCommand implements Callable<Integer> {

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Option(names = "--opportunities", paramLabel = "FILE",
      description = "Opportunities as JSON Lines. May be left out when --index holds an index.")
  private Path opportunities;

  @Option(names = "--profiles", paramLabel = "FILE", required = true,
      description = "Profiles as JSON Lines.")
  private Path profiles;

  @Option(names = "--top", paramLabel = "K", defaultValue = "20", converter = Converters.TopK.class,
      description = "Matches per profile, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(names = "--out", paramLabel = "FILE", description = "Results file (default: stdout).")
  private Path out;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
      converter = Converters.Format.class, completionCandidates = Converters.FormatCodes.class,
      description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private ResultFormat format;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Writes every rejected input line here as JSON Lines.")
  private Path rejects;

  @Option(names = "--index", paramLabel = "DIR",
      description = "Keeps the opportunity index in DIR for later runs; opportunities given are"
          + " added to an index already there, replacing those with the same id. Without"
          + " --opportunities the index is only read, so several runs may rank from it at once.")
  private Path index;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.IsoDate.class,
      description = "Reference date for bans, deadlines and start dates (default: today).")
  private LocalDate asOf;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
      converter = Converters.Language.class,
      description = "Language of the explanations: en, de or nl (default: ${DEFAULT-VALUE}).")
  private Locale lang;

  @Mixin private TaxonomyOption taxonomy;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rule file: the filters, weights and parameters to rank by (default: the"
          + " built-in rule set, as in data/rules/default.json).")
  private Path rules;

  @Override
  public Integer call() throws IOException, InterruptedException {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    RuleSet ruleSet = RankingOptions.readRules(spec.commandLine(), rules);
    boolean reuseIndex = opportunities == null;
    if (reuseIndex) {
      requireKeptIndex();
    }
    MatchOptions options = new MatchOptions(top, asOf == null ? LocalDate.now() : asOf, lang);

    InputFile<Opportunity> opportunityFile = reuseIndex ? null
        : InputFile.read("opportunities", opportunities, false, JsonLinesReader.opportunities());
    InputFile<Profile> profileFile =
        InputFile.read("profiles", profiles, true, JsonLinesReader.profiles());
    List<InputFile<?>> inputs = new ArrayList<>();
    if (opportunityFile != null) {
      inputs.add(opportunityFile);
    }
    inputs.add(profileFile);

    List<Profile> toMatch = profileFile.read().records();
    Progress progress = new Progress(err, toMatch.size(), main.interactive(), System::nanoTime);
    Engines.Taxonomy occupations = taxonomy.load();
    int indexed;
    try (MatchingEngine engine = reuseIndex
        ? Engines.openReadOnly(index, occupations, ruleSet)
        : Engines.open(index, occupations, ruleSet)) {
      if (!reuseIndex) {
        engine.upsertAll(opportunityFile.read().records());
        engine.refresh();
        if (index != null) {
          engine.commit();
        }
      }
      indexed = engine.size();
      writeResults(engine, options, toMatch, progress);
    }

    RejectReport rejectReport = new RejectReport(inputs);
    if (rejects != null) {
      rejectReport.writeTo(rejects);
    }
    inputs.forEach(input -> err.println(input.summary()));
    err.println("rule set " + ruleSet.name() + " " + ruleSet.version()
        + (rules == null ? " (built in)" : " from " + rules));
    err.println(occupations.summary());
    if (reuseIndex) {
      err.println("opportunities: reused the index in " + index);
    }
    err.printf(Locale.ROOT, "matched %d profiles against %d opportunities in %.1f s (as of %s)%n",
        progress.done(), indexed, (System.nanoTime() - started) / 1e9, options.asOf());
    rejectReport.printSummary(err, rejects);
    err.flush();
    return CommandLine.ExitCode.OK;
  }

  /** Without an opportunity file there must be an index from an earlier run to match against. */
  private void requireKeptIndex() throws IOException {
    if (index == null) {
      throw new ParameterException(spec.commandLine(),
          "Missing required option: '--opportunities=FILE' (or --index DIR holding an index)");
    }
    if (!Engines.holdsIndex(index)) {
      throw new ParameterException(spec.commandLine(),
          "Missing required option: '--opportunities=FILE': " + index + " holds no index yet");
    }
  }

  private void writeResults(
      MatchingEngine engine, MatchOptions options, List<Profile> toMatch, Progress progress)
      throws IOException, InterruptedException {
    OrderedMatcher matcher =
        new OrderedMatcher(engine, options, Runtime.getRuntime().availableProcessors());
    try (ResultWriter results = ResultWriter.of(format, openOut())) {
      matcher.matchAll(toMatch, result -> {
        results.write(result);
        progress.step();
      });
    }
  }

  private Writer openOut() throws IOException {
    return out == null
        ? new KeepOpenWriter(spec.commandLine().getOut())
        : Files.newBufferedWriter(out, StandardCharsets.UTF_8);
  }
}
