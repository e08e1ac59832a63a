package org.passgenau.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.passgenau.io.AtomicOutput;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.io.ReadSummary;
import org.passgenau.io.Reject;
import org.passgenau.output.ResultFormat;
import org.passgenau.output.ResultWriter;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.BatchMatcher;
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
 * {@code passgenau match}: ranks the opportunities for every profile of a file or of standard
 * input and writes one result per profile, in the profiles' order. The profiles stream: each is
 * ranked and written while later ones are still being read, so that memory does not grow with
 * their number. Rejected lines of either file are reported, and the run goes on with the rest,
 * within {@code --max-rejects} ({@link RejectBudget}): the opportunity file is judged before any
 * ranking, the streamed profiles once read, before the results file replaces {@code --out};
 * results streamed to standard output are out already.
 */
@Command(
    name = "match",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    description = "Ranks opportunities for each profile and explains why.")
final class MatchCommand implements Callable<Integer> {

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Option(names = "--opportunities", paramLabel = "FILE",
      description = "Opportunities as JSON Lines, - for standard input. May be left out when"
          + " --index holds an index.")
  private Path opportunities;

  @Option(names = "--profiles", paramLabel = "FILE", required = true,
      description = "Profiles as JSON Lines, - for standard input; each is ranked and its"
          + " result written as it comes, in the profiles' order.")
  private Path profiles;

  @Option(names = "--top", paramLabel = "K", defaultValue = "20", converter = Converters.TopK.class,
      description = "Matches per profile, 1 to 10000 (default: ${DEFAULT-VALUE}).")
  private int top;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Results file, - for standard output (default: stdout).")
  private Path out;

  @Option(names = "--threads", paramLabel = "N", converter = ThreadCount.class,
      description = "Threads that read, index and rank, 1 to 256 (default: the available"
          + " processors; indexing uses at most 64).")
  private Integer threads;

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

  @Mixin private RejectBudget maxRejects;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rule file: the filters, weights and parameters to rank by (default: the"
          + " built-in rule set, as in data/rules/default.json).")
  private Path rules;

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    Phases phases = new Phases(started, System::nanoTime);
    PrintWriter err = spec.commandLine().getErr();
    if (isStdin(opportunities) && isStdin(profiles)) {
      throw new ParameterException(spec.commandLine(),
          "--opportunities and --profiles cannot both read standard input ('-')");
    }
    new OutputFiles(spec.commandLine())
        .input("--opportunities", opportunities)
        .input("--profiles", profiles)
        .input("--rules", rules)
        .taxonomy(taxonomy)
        .output("--out", out)
        .output("--rejects", rejects)
        .check();
    RuleSet ruleSet = RankingOptions.readRules(spec.commandLine(), rules);
    boolean reuseIndex = opportunities == null;
    if (reuseIndex) {
      requireKeptIndex();
    }
    MatchOptions options = new MatchOptions(top, asOf == null ? LocalDate.now() : asOf, lang);
    int rankingThreads = threads == null ? ThreadCount.processors() : threads;
    phases.end("setup");

    List<InputFile<?>> inputs = new ArrayList<>();
    Engines.Taxonomy occupations;
    int indexed;
    List<String> overBudget = List.of();
    Progress progress = Progress.ofStream(err, main.interactive(), System::nanoTime);
    // The results go to a temporary file, moved onto --out only when the run succeeds.
    AtomicOutput results = new AtomicOutput();
    // Both opened before anything is indexed, so that a file that cannot be read fails at once,
    // the opportunity file first.
    try (results;
        InputStream opportunityBytes = reuseIndex ? null : open(opportunities);
        InputStream profileBytes = open(profiles)) {
      occupations = taxonomy.load();
      phases.end("setup");
      try (MatchingEngine engine = reuseIndex
          ? Engines.openReadOnly(index, occupations, ruleSet)
          : Engines.open(index, occupations, ruleSet, rankingThreads)) {
        if (reuseIndex) {
          phases.end("open index");
        } else {
          try {
            inputs.add(load(engine, opportunityBytes, rankingThreads));
          } catch (RuntimeException | Error e) {
            engine.rollback(); // a kept index stays at its last commit, not half a file
            throw e;
          }
          phases.end("read+index");
          // Checked before ranking: an opportunity file beyond the budget stops the run at once.
          overBudget = maxRejects.problems(inputs);
          if (!overBudget.isEmpty()) {
            engine.rollback(); // nor does a kept index take the accepted part of such a file
          } else {
            engine.refresh();
            if (index != null) {
              engine.commit();
            }
            phases.end(index == null ? "refresh" : "refresh+commit");
          }
        }
        indexed = overBudget.isEmpty() ? engine.size() : 0; // a rolled-back engine is closed
        if (overBudget.isEmpty()) {
          BatchMatcher matcher =
              BatchMatcher.builder(engine).options(options).threads(rankingThreads).build();
          inputs.add(matchStream(matcher, writer(engine, options, results), profileBytes, progress));
          phases.end("rank+write");
          // The profiles stream: their file is judged once read, before the results are kept.
          overBudget = maxRejects.problems(inputs);
        }
      }
      if (overBudget.isEmpty()) {
        results.commit();
      }
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
    err.println(phases.summary() + " on " + rankingThreads
        + (rankingThreads == 1 ? " thread" : " threads"));
    rejectReport.printSummary(err, rejects);
    err.flush();
    return overBudget.isEmpty()
        ? CommandLine.ExitCode.OK
        : RejectBudget.refuse(spec.commandLine(), overBudget);
  }

  /**
   * Reads the opportunities straight into the engine: lines are parsed on {@code threads}
   * threads and each record is indexed as it is parsed, so that the file is never held whole.
   */
  private InputFile<Opportunity> load(MatchingEngine engine, InputStream bytes, int threads) {
    String source = isStdin(opportunities) ? InputFile.STDIN : opportunities.toString();
    List<Reject> rejected = new ArrayList<>();
    ReadSummary read;
    try (MatchingEngine.BulkUpsert load = engine.bulkUpsert()) {
      read = JsonLinesReader.opportunities().withThreads(threads)
          .read(bytes, source, load, rejected::add);
    }
    return InputFile.streamed("opportunities", source, false, read, rejected);
  }

  /**
   * Reads the profiles as they come and writes each result as soon as it and those before it are
   * ready; what is written is in the profiles' order, whatever the threads.
   */
  private InputFile<Profile> matchStream(BatchMatcher matcher, ResultWriter writer,
      InputStream profileLines, Progress progress) throws IOException {
    String source = isStdin(profiles) ? InputFile.STDIN : profiles.toString();
    // A producer feeding standard input may wait for each result: hand every one on at once.
    boolean flushEach = isStdin(profiles);
    List<Reject> profileRejects = new ArrayList<>();
    ReadSummary read;
    try (ResultWriter results = writer;
        BatchMatcher.Run run = matcher.start(result -> {
          results.write(result);
          if (flushEach) {
            flush(results);
          }
          progress.step();
        })) {
      read = JsonLinesReader.profiles().read(profileLines, source, run::submit, profileRejects::add);
    }
    return InputFile.streamed("profiles", source, true, read, profileRejects);
  }

  /** The text report names each opportunity and the date of reference; other formats ids only. */
  private ResultWriter writer(MatchingEngine engine, MatchOptions options, AtomicOutput files)
      throws IOException {
    return format == ResultFormat.TEXT
        ? ResultWriter.text(openOut(files), options.asOf(), engine::opportunity)
        : ResultWriter.of(format, openOut(files));
  }

  private static void flush(ResultWriter results) {
    try {
      results.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The bytes of an input file; standard input is read but left open, since it belongs to the
   * caller.
   *
   * @throws UncheckedIOException naming the file when it cannot be opened
   */
  private InputStream open(Path file) {
    if (isStdin(file)) {
      return new FilterInputStream(main.in()) {
        @Override
        public void close() {}
      };
    }
    try {
      return Files.newInputStream(file);
    } catch (IOException e) {
      // As the reader says it, so that the message does not depend on when the file is opened.
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isStdin(Path path) {
    return path != null && path.toString().equals("-");
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

  private Writer openOut(AtomicOutput files) throws IOException {
    return PeopleAndPosts.openOut(spec.commandLine(), out, files);
  }
}
