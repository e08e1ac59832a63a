package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.passgenau.eval.RuleSetRunner;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.RuleSet;
import org.passgenau.rank.RuleSetFile;
import org.passgenau.rank.RuleSetFormatException;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The options of commands that rank every profile by rule files before evaluating: {@code
 * evaluate --rules} and {@code compare}. Reads the inputs as {@code match} does (rejects reported,
 * the run goes on with the rest) and builds the {@link RuleSetRunner}.
 */
final class RankingOptions {

  @Option(names = "--opportunities", paramLabel = "FILE",
      description = "Opportunities as JSON Lines (with --rules).")
  Path opportunities;

  @Option(names = "--profiles", paramLabel = "FILE",
      description = "Profiles as JSON Lines (with --rules).")
  Path profiles;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.IsoDate.class,
      description = "Reference date for bans, deadlines and start dates (default: today).")
  LocalDate asOf;

  @Option(names = "--depth", paramLabel = "N", converter = Converters.TopK.class,
      description = "Opportunities ranked per profile, at least K (default: K, but at least "
          + RuleSetRunner.DEFAULT_DEPTH + "); map and mrr look no further.")
  Integer depth;

  @Mixin TaxonomyOption taxonomy;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Writes every rejected input line here as JSON Lines.")
  Path rejects;

  @Mixin RejectBudget maxRejects;

  /** The taxonomy {@link #runner} ranks with; null before. */
  private Engines.Taxonomy used;

  /** The inputs as read. */
  record Inputs(InputFile<Opportunity> opportunities, InputFile<Profile> profiles) {
    List<InputFile<?>> files() {
      return List.of(opportunities, profiles);
    }
  }

  /** The first ranking option given, for refusing it where nothing is ranked; null if none. */
  String firstGiven() {
    if (opportunities != null) {
      return "--opportunities";
    }
    if (profiles != null) {
      return "--profiles";
    }
    if (asOf != null) {
      return "--as-of";
    }
    if (depth != null) {
      return "--depth";
    }
    if (taxonomy.given()) {
      return taxonomy.firstGiven();
    }
    if (maxRejects.given()) {
      return "--max-rejects";
    }
    return rejects != null ? "--rejects" : null;
  }

  /** The inputs and the reject file, for checking a command's outputs before any work. */
  OutputFiles files(CommandLine cmd) {
    return new OutputFiles(cmd)
        .input("--opportunities", opportunities)
        .input("--profiles", profiles)
        .taxonomy(taxonomy)
        .output("--rejects", rejects);
  }

  /** Refuses a missing input or a depth below k: usage errors, before any file is read. */
  void check(CommandLine cmd, String rulesOption, int k) {
    List<String> missing = new ArrayList<>();
    if (opportunities == null) {
      missing.add("'--opportunities=FILE'");
    }
    if (profiles == null) {
      missing.add("'--profiles=FILE'");
    }
    if (!missing.isEmpty()) {
      throw new ParameterException(cmd, "Missing required option" + (missing.size() > 1 ? "s" : "")
          + " for " + rulesOption + ": " + String.join(", ", missing));
    }
    if (depth != null && depth < k) {
      throw new ParameterException(cmd, "Invalid value for option '--depth': must be at least"
          + " --k (" + k + "), was " + depth);
    }
  }

  /** The depth to rank to for cutoff k. */
  int depth(int k) {
    return depth != null ? depth : RuleSetRunner.depthFor(k);
  }

  LocalDate asOf() {
    return asOf != null ? asOf : LocalDate.now();
  }

  /** Reads both JSON Lines files. */
  Inputs read() {
    return new Inputs(
        InputFile.read("opportunities", opportunities, false, JsonLinesReader.opportunities()),
        InputFile.read("profiles", profiles, true, JsonLinesReader.profiles()));
  }

  /** A runner over the accepted opportunities, calling {@code progress} for every profile. */
  RuleSetRunner runner(Inputs inputs, int k, Progress progress) throws IOException {
    RuleSetRunner.Builder runner = RuleSetRunner.builder(inputs.opportunities().read().records())
        .asOf(asOf())
        .depth(depth(k))
        .listener((done, total) -> progress.step());
    used = taxonomy.load();
    return runner.taxonomy(used.occupations()).build();
  }

  /**
   * Whether an input file fails {@code --max-rejects} (or holds no record); if so, reports the
   * inputs as {@link #report} does, the reject file included, and says why on stderr.
   */
  boolean overBudget(CommandLine cmd, Inputs inputs) throws IOException {
    List<String> problems = maxRejects.problems(inputs.files());
    if (problems.isEmpty()) {
      return false;
    }
    report(inputs, cmd.getErr());
    RejectBudget.refuse(cmd, problems);
    return true;
  }

  /**
   * Summaries of the inputs, the taxonomy and the rejects, on stderr; the reject file when asked.
   */
  void report(Inputs inputs, PrintWriter err) throws IOException {
    RejectReport rejectReport = new RejectReport(inputs.files());
    if (rejects != null) {
      rejectReport.writeTo(rejects);
    }
    inputs.files().forEach(input -> err.println(input.summary()));
    if (used != null) {
      err.println(used.summary());
    }
    rejectReport.printSummary(err, rejects);
  }

  /**
   * The rule set of a rule file, or the default one when {@code file} is null; every command with
   * a {@code --rules} option reads it here. A file that is not a valid rule set is a usage error
   * (exit 2) listing every problem, naming the field and the value; one that cannot be read fails
   * as other input files do (exit 1).
   */
  static RuleSet readRules(CommandLine cmd, Path file) throws IOException {
    if (file == null) {
      return RuleSet.defaults();
    }
    try {
      return RuleSetFile.read(file);
    } catch (RuleSetFormatException e) {
      throw new ParameterException(cmd, "Invalid rule file for option '--rules':\n"
          + e.getMessage());
    }
  }

  /** "ranked 168 profiles by default against 440 opportunities to depth 100 in 1.2 s". */
  static String ranked(String ruleSet, int profiles, int opportunities, int depth, long nanos,
      LocalDate asOf) {
    return String.format(Locale.ROOT,
        "ranked %d profiles by %s against %d opportunities to depth %d in %.1f s (as of %s)",
        profiles, ruleSet, opportunities, depth, nanos / 1e9, asOf);
  }
}
