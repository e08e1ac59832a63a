package org.passgenau.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.ToIntBiFunction;
import org.passgenau.eval.Qrels;
import org.passgenau.eval.FeatureWriter;
import org.passgenau.io.AtomicOutput;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Coded;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code passgenau features}: for each profile, the best {@code --depth} admitted opportunities
 * by the rule set's score, with the raw value of every feature (every scorer, unweighted), as CSV
 * or SVMlight/RankLib lines, so that ranking models can be trained elsewhere. Labels come from
 * {@code --qrels} (0 without). See {@code docs/features.md}.
 */
@Command(
    name = "features",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE,
        RejectBudget.EXIT_REJECTS},
    sortOptions = false,
    description = "Writes, for each profile and its best candidates, the raw value of every"
        + " feature, as CSV or SVMlight/RankLib lines, for training ranking models elsewhere.")
final class FeaturesCommand implements Callable<Integer> {

  /** Candidates per profile unless --depth says otherwise. */
  static final int DEFAULT_DEPTH = 100;

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Option(names = "--opportunities", paramLabel = "FILE", required = true,
      description = "Opportunities as JSON Lines.")
  private Path opportunities;

  @Option(names = "--profiles", paramLabel = "FILE", required = true,
      description = "Profiles as JSON Lines.")
  private Path profiles;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rule file: the filters that admit candidates, the weights that pick and order"
          + " them, and the custom scorers to log (default: the built-in rule set).")
  private Path rules;

  @Option(names = "--qrels", paramLabel = "FILE",
      description = "Graded judgments (profile_id 0 opportunity_id grade) giving each line's"
          + " label; unjudged candidates are labelled 0 (default: every label 0).")
  private Path qrels;

  @Option(names = "--depth", paramLabel = "N", defaultValue = "" + DEFAULT_DEPTH,
      converter = Converters.TopK.class,
      description = "Candidates per profile: the best N admitted, 1 to 10000"
          + " (default: ${DEFAULT-VALUE}).")
  private int depth;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "csv",
      converter = FormatConverter.class, completionCandidates = FormatCodes.class,
      description = "One of ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  private FeatureWriter.Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Feature file, - for standard output (default: stdout).")
  private Path out;

  @Option(names = "--feature-names", paramLabel = "FILE",
      description = "Also writes the features' numbers and names here, one 'number name' a line"
          + " (the numbers of the svmlight format).")
  private Path featureNames;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.IsoDate.class,
      description = "Reference date for bans, deadlines and start dates (default: today).")
  private LocalDate asOf;

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
        .input("--qrels", qrels)
        .taxonomy(taxonomy)
        .output("--out", out)
        .output("--feature-names", featureNames)
        .output("--rejects", rejects)
        .check();
    RuleSet ruleSet = RankingOptions.readRules(spec.commandLine(), rules);
    Qrels judged = qrels == null ? null : Qrels.read(qrels);
    MatchOptions options =
        MatchOptions.defaults().withTopK(depth).asOf(asOf == null ? LocalDate.now() : asOf);

    InputFile<Opportunity> opportunityFile =
        InputFile.read("opportunities", opportunities, false, JsonLinesReader.opportunities());
    InputFile<Profile> profileFile =
        InputFile.read("profiles", profiles, true, JsonLinesReader.profiles());
    List<InputFile<?>> inputs = List.of(opportunityFile, profileFile);
    RejectReport rejectReport = new RejectReport(inputs);
    if (rejects != null) {
      rejectReport.writeTo(rejects);
    }
    List<String> overBudget = maxRejects.problems(inputs);
    if (!overBudget.isEmpty()) {
      inputs.forEach(input -> err.println(input.summary()));
      rejectReport.printSummary(err, rejects);
      return RejectBudget.refuse(spec.commandLine(), overBudget);
    }
    List<Profile> toLog = profileFile.read().records();
    Progress progress = new Progress(err, toLog.size(), main.interactive(), System::nanoTime);
    ToIntBiFunction<String, String> label = judged == null
        ? (profile, opportunity) -> 0
        : (profile, opportunity) -> judged.judgments(profile).getOrDefault(opportunity, 0);

    int[] lines = new int[1];
    List<String> names;
    Engines.Taxonomy occupations = taxonomy.load();
    int indexed;
    try (MatchingEngine engine =
        Engines.holding(opportunityFile.read().records(), occupations, ruleSet);
        AtomicOutput files = new AtomicOutput()) {
      indexed = engine.size();
      names = engine.featureNames();
      if (featureNames != null) {
        writeNames(names, files.open(featureNames));
      }
      OrderedMatcher matcher =
          new OrderedMatcher(engine, options, Runtime.getRuntime().availableProcessors());
      try (FeatureWriter writer = FeatureWriter.of(format,
          PeopleAndPosts.openOut(spec.commandLine(), out, files), names)) {
        int[] qid = new int[1];
        matcher.mapAll(toLog, profile -> engine.features(profile, options), features -> {
          try {
            // Numbered by position among the profiles read, counting those without candidates.
            writer.write(features, ++qid[0], label);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          lines[0] += features.candidates().size();
          progress.step();
        });
      }
      files.commit();
    }

    err.println(opportunityFile.summary());
    err.println(profileFile.summary());
    err.println("rule set " + ruleSet.name() + " " + ruleSet.version()
        + (rules == null ? " (built in)" : " from " + rules));
    err.println(occupations.summary());
    if (judged != null) {
      err.println("qrels " + qrels + ": " + judged.size() + " judgments, "
          + judged.profiles().size() + " profiles");
    }
    err.println("features: " + numbered(names));
    err.printf(Locale.ROOT,
        "wrote %d lines for %d profiles against %d opportunities (depth %d, %s) in %.1f s (as of %s)%n",
        lines[0], progress.done(), indexed, depth, format.code(),
        (System.nanoTime() - started) / 1e9, options.asOf());
    rejectReport.printSummary(err, rejects);
    err.flush();
    return CommandLine.ExitCode.OK;
  }

  /** "1 occupation, 2 skills, ...". */
  private static String numbered(List<String> names) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < names.size(); i++) {
      line.append(i == 0 ? "" : ", ").append(i + 1).append(' ').append(names.get(i));
    }
    return line.toString();
  }

  private static void writeNames(List<String> names, Writer file) throws IOException {
    try (file) {
      for (int i = 0; i < names.size(); i++) {
        file.append(Integer.toString(i + 1)).append(' ').append(names.get(i)).append('\n');
      }
    }
  }

  /** {@code --format}: by the format's lower-case code. */
  static final class FormatConverter implements ITypeConverter<FeatureWriter.Format> {
    @Override
    public FeatureWriter.Format convert(String value) {
      try {
        return Coded.parse(FeatureWriter.Format.class, value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("expected csv or svmlight, was '" + value + "'");
      }
    }
  }

  /** The codes shown in help for {@code --format}. */
  static final class FormatCodes implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      List<String> codes = new ArrayList<>();
      for (FeatureWriter.Format f : FeatureWriter.Format.values()) {
        codes.add(f.code());
      }
      return codes.iterator();
    }
  }
}
