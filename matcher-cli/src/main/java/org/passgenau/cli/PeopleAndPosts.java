package org.passgenau.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passgenau.eval.ReportJson;
import org.passgenau.io.AtomicOutput;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.io.ReadSummary;
import org.passgenau.io.Reject;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options and the loading that {@code candidates}, {@code assign} and {@code gaps} share: both
 * files read (rejects reported, the run goes on with the rest), the opportunities indexed as they
 * are read, the people held in memory in file order. A later record with an id already read
 * replaces the earlier one, as in {@code match}'s index.
 */
final class PeopleAndPosts {

  @Option(names = "--opportunities", paramLabel = "FILE", required = true,
      description = "Opportunities as JSON Lines.")
  Path opportunities;

  @Option(names = "--profiles", paramLabel = "FILE", required = true,
      description = "Profiles as JSON Lines.")
  Path profiles;

  @Option(names = "--as-of", paramLabel = "YYYY-MM-DD", converter = Converters.IsoDate.class,
      description = "Reference date for bans, deadlines and start dates (default: today).")
  LocalDate asOf;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en",
      converter = Converters.Language.class,
      description = "Language of the explanations: en, de or nl (default: ${DEFAULT-VALUE}).")
  Locale lang;

  @Option(names = "--rules", paramLabel = "FILE",
      description = "Rule file: the filters, weights and parameters to rank by (default: the"
          + " built-in rule set).")
  Path rules;

  @Option(names = "--threads", paramLabel = "N", converter = ThreadCount.class,
      description = "Threads that read, index and rank, 1 to 256 (default: the available"
          + " processors).")
  Integer threads;

  @Option(names = "--rejects", paramLabel = "FILE",
      description = "Writes every rejected input line here as JSON Lines.")
  Path rejects;

  @Mixin TaxonomyOption taxonomy;

  @Mixin RejectBudget maxRejects;

  /** What was loaded; the engine holds the opportunities, and the people when asked. */
  static final class Loaded implements AutoCloseable {
    final MatchingEngine engine;
    final RuleSet ruleSet;
    /** Opportunity ids in the order the file first names them. */
    final List<String> opportunityIds;
    /** The open positions of all opportunities, each id in its last version. */
    final long positions;
    /** The people in the order the file first names them, each in its last version. */
    final List<Profile> people;
    final List<InputFile<?>> files;
    final Engines.Taxonomy taxonomy;

    private Loaded(MatchingEngine engine, RuleSet ruleSet, Map<String, Integer> opportunities,
        List<Profile> people, List<InputFile<?>> files, Engines.Taxonomy taxonomy) {
      this.engine = engine;
      this.ruleSet = ruleSet;
      this.opportunityIds = List.copyOf(opportunities.keySet());
      this.positions = opportunities.values().stream().mapToLong(Integer::longValue).sum();
      this.people = people;
      this.files = files;
      this.taxonomy = taxonomy;
    }

    @Override
    public void close() {
      engine.close();
    }
  }

  /** The inputs and the reject file, for checking a command's outputs before any work. */
  OutputFiles files(CommandLine cmd) {
    return new OutputFiles(cmd)
        .input("--opportunities", opportunities)
        .input("--profiles", profiles)
        .input("--rules", rules)
        .taxonomy(taxonomy)
        .output("--rejects", rejects);
  }

  int threads() {
    return threads == null ? ThreadCount.processors() : threads;
  }

  MatchOptions options(int top) {
    return new MatchOptions(top, asOf == null ? LocalDate.now() : asOf, lang);
  }

  /**
   * Reads the rule file, indexes the opportunities, reads the people (into the engine too when
   * {@code peopleIntoEngine}, for reverse matching) and refreshes.
   */
  Loaded load(CommandLine cmd, boolean peopleIntoEngine) throws IOException {
    RuleSet ruleSet = RankingOptions.readRules(cmd, rules);
    Engines.Taxonomy occupations = taxonomy.load();
    // Opened first, so that a file that cannot be read fails before any work.
    for (Path file : List.of(opportunities, profiles)) {
      if (!Files.isReadable(file)) {
        throw new IOException("cannot read " + file + ": no such readable file");
      }
    }
    MatchingEngine engine = Engines.open(null, occupations, ruleSet, threads());
    try {
      List<InputFile<?>> files = new ArrayList<>();
      Map<String, Integer> positions = new LinkedHashMap<>();
      List<Reject> rejected = new ArrayList<>();
      ReadSummary read;
      try (MatchingEngine.BulkUpsert load = engine.bulkUpsert()) {
        read = JsonLinesReader.opportunities().withThreads(threads())
            .read(opportunities, opportunity -> {
              positions.put(opportunity.id(), opportunity.positions());
              load.accept(opportunity);
            }, rejected::add);
      }
      files.add(InputFile.streamed("opportunities", opportunities.toString(), false, read,
          rejected));
      InputFile<Profile> people = InputFile.read("profiles", profiles, true,
          JsonLinesReader.profiles());
      files.add(people);
      Map<String, Profile> byId = new LinkedHashMap<>();
      for (Profile p : people.read().records()) {
        byId.put(p.id(), p);
      }
      if (peopleIntoEngine) {
        engine.upsertProfiles(byId.values());
      }
      engine.refresh();
      return new Loaded(engine, ruleSet, positions, List.copyOf(byId.values()), files,
          occupations);
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /**
   * The output: standard output when no file is given or it is {@code -}, streamed as written;
   * else a temporary file of {@code files}, which becomes {@code out} only at their commit.
   */
  static Writer openOut(CommandLine cmd, Path out, AtomicOutput files) throws IOException {
    return out == null || out.toString().equals("-")
        ? new KeepOpenWriter(cmd.getOut())
        : files.open(out);
  }

  /** Writes {@code line} and a line break. */
  static void writeLine(Writer writer, String line) {
    try {
      writer.write(line);
      writer.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One compact JSON line that keeps nulls (an unassigned person's opportunity is null). */
  static String jsonLine(Map<String, Object> value) {
    try {
      return ReportJson.mapper().writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Whether an input file fails {@code --max-rejects} (or holds no record); if so, reports the
   * inputs as {@link #report} does, the reject file included, and says why on stderr.
   */
  boolean overBudget(CommandLine cmd, Loaded loaded) throws IOException {
    List<String> problems = maxRejects.problems(loaded.files);
    if (problems.isEmpty()) {
      return false;
    }
    report(loaded, cmd.getErr());
    RejectBudget.refuse(cmd, problems);
    return true;
  }

  /** Summaries of the inputs, rule set, taxonomy and rejects on stderr; the reject file too. */
  void report(Loaded loaded, PrintWriter err) throws IOException {
    RejectReport rejectReport = new RejectReport(loaded.files);
    if (rejects != null) {
      rejectReport.writeTo(rejects);
    }
    loaded.files.forEach(input -> err.println(input.summary()));
    err.println("rule set " + loaded.ruleSet.name() + " " + loaded.ruleSet.version()
        + (rules == null ? " (built in)" : " from " + rules));
    err.println(loaded.taxonomy.summary());
    rejectReport.printSummary(err, rejects);
  }
}
