package org.passgenau.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.passgenau.bench.peer.ElasticStyleIndex;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.io.ReadResult;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.output.ResultFormat;
import org.passgenau.output.ResultWriter;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * The whole path a batch user takes, from JSON Lines files on disk to a results file, measured
 * twice: as the real command line in a child process, and phase by phase in this process with
 * the library's public API. Not JMH: the child runs include the JVM's start, and a batch run is
 * one cold pass, not a warmed-up loop.
 *
 * <pre>{@code
 * java -cp matcher-benchmarks/target/benchmarks.jar org.passgenau.bench.WholePathReport \
 *     [--opportunities FILE --profiles FILE] [--runs 3] [--jar JAR]... [--baseline-jar JAR] \
 *     [--csv FILE] [--no-cli] [--no-in-process]
 * }</pre>
 *
 * <p>Without {@code --opportunities} and {@code --profiles} the default corpus (100,000
 * opportunities and 2,000 profiles, {@link CorpusFiles}) is written to a temporary directory
 * first; {@code --generate N M} changes the sizes. Everything the report writes goes to a
 * temporary directory that is deleted at the end.
 *
 * <p><b>Child processes</b> ({@link #childRuns}): for each run and each jar in turn (so two jars
 * alternate in one sitting), three commands, each {@code java -jar JAR match ... --as-of
 * 2026-11-23 --top 20 --out FILE} with the JVM's default heap:
 *
 * <ol>
 *   <li>{@code match from files}: {@code --opportunities F --profiles P};
 *   <li>{@code match, build saved index}: the same with {@code --index DIR}, DIR new and empty;
 *   <li>{@code match from saved index}: {@code --index DIR --profiles P}, DIR as just built, read
 *       only.
 * </ol>
 *
 * <p>Wall time runs from just before the process is started to when its exit is seen, so it
 * includes the JVM's start and exit. Peak RSS is the child's {@code VmHWM} (the high-water mark of
 * its resident set) from {@code /proc/PID/status}, read every 10 ms while the child runs; the last
 * value read is kept. It misses growth in the child's last few milliseconds, and a child that
 * ends within 10 ms has none ({@code n/a}); without {@code /proc} (not Linux) it is {@code n/a}.
 *
 * <p><b>In process</b> ({@link #inProcess}), one JVM (this one), each phase timed apart with
 * {@link System#nanoTime()}: read the opportunity and the profile file ({@link
 * JsonLinesReader#read(Path)}: lines to validated records in a list); open an engine on a new
 * directory (includes loading the shipped taxonomy); {@link MatchingEngine#upsertAll}; {@link
 * MatchingEngine#refresh}; {@link MatchingEngine#commit}; close; reopen the directory read-only and
 * answer the first profile; rank all profiles on one thread, then again on two plain threads
 * (each takes every second profile; results kept in an array, and the two runs must agree); write
 * the results as JSON Lines with {@link ResultWriter}; and the peer, {@link ElasticStyleIndex}:
 * the same parsed records into a Lucene index mapped as an Elasticsearch user would, on the
 * engine's number of indexing threads, committed to disk. The one-thread ranking runs first and so
 * warms the code the two-thread ranking then uses; neither is warmed up otherwise.
 *
 * <p>Heap per opportunity: used heap after {@link System#gc()} (three times) just after the
 * engine is refreshed, minus the same just before the engine was opened, divided by the number of
 * opportunities indexed; likewise around the read-only reopen. It is what the engine holds
 * (columns, Lucene's readers and, after refresh, the writer), not the parsed records, which are
 * held on both sides of the difference; those are reported apart (used heap after reading both
 * files minus before, per opportunity, profiles included). {@code System.gc()} is a request, so
 * the figures are approximate.
 */
public final class WholePathReport {

  static final LocalDate AS_OF = CorpusGenerator.REFERENCE_DAY;
  static final int TOP = 20;
  static final String DEFAULT_JAR = "matcher-cli/target/passgenau.jar";
  /** How often the child's VmHWM is read. */
  static final long POLL_MILLIS = 10;

  static final String FROM_FILES = "match from files";
  static final String BUILD_INDEX = "match, build saved index";
  static final String FROM_INDEX = "match from saved index";

  private WholePathReport() {}

  /** One run of the command line in a child process; {@code peakRssKb} -1 when unknown. */
  record ChildRun(String jar, String command, int run, double seconds, long peakRssKb) {}

  /** One in-process phase: {@code count} items (records, profiles) in {@code seconds}. */
  record Phase(String name, double seconds, long count, String note) {
    double perSecond() {
      return count / seconds;
    }
  }

  /** Heap the engine holds, per opportunity. */
  record Footprint(String when, long bytes, long opportunities) {
    long perOpportunity() {
      return opportunities == 0 ? 0 : bytes / opportunities;
    }
  }

  /** What was measured. */
  record Report(List<ChildRun> runs, List<Phase> phases, List<Footprint> footprints) {}

  /** The command line's options. */
  record Options(
      Path opportunities,
      Path profiles,
      int generatedOpportunities,
      int generatedProfiles,
      int runs,
      Map<String, Path> jars,
      Path csv,
      boolean cli,
      boolean inProcess) {

    static Options parse(String... args) {
      Path opportunities = null;
      Path profiles = null;
      int generatedOpportunities = 100_000;
      int generatedProfiles = 2_000;
      int runs = 3;
      Map<String, Path> jars = new LinkedHashMap<>();
      Path baseline = null;
      Path csv = null;
      boolean cli = true;
      boolean inProcess = true;
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        switch (arg) {
          case "--opportunities" -> opportunities = Path.of(value(args, ++i, arg));
          case "--profiles" -> profiles = Path.of(value(args, ++i, arg));
          case "--generate" -> {
            generatedOpportunities = positive(value(args, ++i, arg), arg);
            generatedProfiles = positive(value(args, ++i, arg), arg);
          }
          case "--runs" -> runs = positive(value(args, ++i, arg), arg);
          case "--jar" -> {
            String jar = value(args, ++i, arg);
            if (jars.putIfAbsent(jar, Path.of(jar)) != null) {
              throw new IllegalArgumentException("--jar " + jar + " is given twice");
            }
          }
          case "--baseline-jar" -> baseline = Path.of(value(args, ++i, arg));
          case "--csv" -> csv = Path.of(value(args, ++i, arg));
          case "--no-cli" -> cli = false;
          case "--no-in-process" -> inProcess = false;
          default -> throw new IllegalArgumentException("unknown option '" + arg + "'; usage: "
              + "WholePathReport [--opportunities FILE --profiles FILE] [--generate N M]"
              + " [--runs N] [--jar JAR]... [--baseline-jar JAR] [--csv FILE] [--no-cli]"
              + " [--no-in-process]");
        }
      }
      if ((opportunities == null) != (profiles == null)) {
        throw new IllegalArgumentException("--opportunities and --profiles come together");
      }
      if (jars.isEmpty()) {
        jars.put(DEFAULT_JAR, Path.of(DEFAULT_JAR));
      }
      if (baseline != null) {
        // The baseline runs first in each round, then the jar(s) under test.
        Map<String, Path> withBaseline = new LinkedHashMap<>();
        withBaseline.put("baseline " + baseline, baseline);
        withBaseline.putAll(jars);
        jars = withBaseline;
      }
      if (cli) {
        jars.values().forEach(jar -> {
          if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no jar at " + jar.toAbsolutePath()
                + " (build with mvn -B -ntp -q package -DskipTests, or pass --no-cli)");
          }
        });
      }
      return new Options(opportunities, profiles, generatedOpportunities, generatedProfiles,
          runs, Collections.unmodifiableMap(jars), csv, cli, inProcess);
    }

    private static String value(String[] args, int i, String option) {
      if (i >= args.length) {
        throw new IllegalArgumentException(option + " needs a value");
      }
      return args[i];
    }

    private static int positive(String value, String option) {
      try {
        int n = Integer.parseInt(value);
        if (n > 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // Reported below.
      }
      throw new IllegalArgumentException(option + " needs a positive whole number, was '"
          + value + "'");
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    Options options;
    try {
      options = Options.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path work = Files.createTempDirectory("whole-path-");
    try {
      Path opportunities = options.opportunities();
      Path profiles = options.profiles();
      if (opportunities == null) {
        System.err.printf("writing %,d opportunities and %,d profiles to %s%n",
            options.generatedOpportunities(), options.generatedProfiles(), work);
        CorpusFiles.writeAll(work, options.generatedOpportunities(), options.generatedProfiles());
        opportunities = CorpusFiles.opportunities(work, options.generatedOpportunities());
        profiles = CorpusFiles.profiles(work, options.generatedProfiles());
      }
      List<ChildRun> runs = options.cli()
          ? childRuns(options.jars(), opportunities, profiles, options.runs(), work, System.err)
          : List.of();
      Report report = options.inProcess()
          ? inProcess(opportunities, profiles, work, runs, System.err)
          : new Report(runs, List.of(), List.of());
      System.out.print(markdown(report, opportunities, profiles));
      if (options.csv() != null) {
        Files.writeString(options.csv(), csv(report), StandardCharsets.UTF_8);
        System.err.println("wrote " + options.csv());
      }
    } finally {
      deleteTree(work);
    }
  }

  // ---------------------------------------------------------------- child processes

  /**
   * Runs the three commands {@code runs} times for each jar, the jars alternating within a run.
   *
   * @param jars label to jar
   * @throws IllegalStateException naming the command when a child exits with an error
   */
  static List<ChildRun> childRuns(Map<String, Path> jars, Path opportunities, Path profiles,
      int runs, Path work, PrintStream log) throws IOException, InterruptedException {
    List<ChildRun> measured = new ArrayList<>();
    Path out = work.resolve("cli-results.jsonl");
    for (int run = 1; run <= runs; run++) {
      for (Map.Entry<String, Path> jar : jars.entrySet()) {
        Path index = work.resolve("cli-index");
        deleteTree(index);
        String opps = opportunities.toString();
        String profs = profiles.toString();
        measured.add(child(jar, FROM_FILES, run, work, log,
            "--opportunities", opps, "--profiles", profs, "--out", out.toString()));
        measured.add(child(jar, BUILD_INDEX, run, work, log, "--opportunities", opps,
            "--index", index.toString(), "--profiles", profs, "--out", out.toString()));
        measured.add(child(jar, FROM_INDEX, run, work, log,
            "--index", index.toString(), "--profiles", profs, "--out", out.toString()));
        deleteTree(index);
      }
    }
    return measured;
  }

  private static ChildRun child(Map.Entry<String, Path> jar, String command, int run, Path work,
      PrintStream log, String... args) throws IOException, InterruptedException {
    List<String> line = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", jar.getValue().toString(), "match"));
    line.addAll(Arrays.asList(args));
    line.addAll(List.of("--as-of", AS_OF.toString(), "--top", Integer.toString(TOP)));
    Path stderr = work.resolve("cli-stderr.txt");
    ProcessBuilder builder = new ProcessBuilder(line)
        .redirectOutput(Redirect.DISCARD)
        .redirectError(stderr.toFile());
    boolean proc = Files.isDirectory(Path.of("/proc/self"));

    long started = System.nanoTime();
    Process process = builder.start();
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    long peakKb = -1;
    while (!process.waitFor(POLL_MILLIS, TimeUnit.MILLISECONDS)) {
      if (proc) {
        long kb = vmHwmKb(status);
        if (kb >= 0) {
          peakKb = kb;
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;

    if (process.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", line) + " exited with "
          + process.exitValue() + ":\n" + tail(stderr, 20));
    }
    log.printf(Locale.ROOT, "run %d %s: %s %.2f s, peak RSS %s%n",
        run, jar.getKey(), command, seconds, megabytes(peakKb));
    return new ChildRun(jar.getKey(), command, run, seconds, peakKb);
  }

  /** The {@code VmHWM} of a {@code /proc/PID/status} file in kB, -1 when it cannot be read. */
  static long vmHwmKb(Path status) {
    try {
      return vmHwmKb(Files.readAllLines(status, StandardCharsets.ISO_8859_1));
    } catch (IOException | UncheckedIOException e) {
      return -1; // The process has just ended.
    }
  }

  /** The {@code VmHWM:   123456 kB} line's number, -1 when there is none. */
  static long vmHwmKb(List<String> statusLines) {
    for (String line : statusLines) {
      if (line.startsWith("VmHWM:")) {
        String[] parts = line.substring("VmHWM:".length()).trim().split("\\s+");
        if (parts.length == 2 && parts[1].equals("kB")) {
          try {
            return Long.parseLong(parts[0]);
          } catch (NumberFormatException e) {
            return -1;
          }
        }
      }
    }
    return -1;
  }

  private static String tail(Path file, int lines) throws IOException {
    List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  // ---------------------------------------------------------------- in process

  /**
   * Measures the phases in this JVM; {@code runs} (the child runs, if any) are passed through to
   * the report.
   *
   * @throws IllegalStateException when the files hold rejected lines, a phase loses records, or
   *     the rankings on one and two threads differ
   */
  static Report inProcess(Path opportunityFile, Path profileFile, Path work, List<ChildRun> runs,
      PrintStream log) throws InterruptedException {
    List<Phase> phases = new ArrayList<>();
    List<Footprint> footprints = new ArrayList<>();

    long heapBeforeRead = usedHeapAfterGc();
    long t = System.nanoTime();
    ReadResult<Opportunity> opportunityRead = JsonLinesReader.opportunities().read(opportunityFile);
    phases.add(phase("read opportunities (JSON Lines to records)", t,
        opportunityRead.records().size(), rejects(opportunityRead)));
    t = System.nanoTime();
    ReadResult<Profile> profileRead = JsonLinesReader.profiles().read(profileFile);
    phases.add(phase("read profiles", t, profileRead.records().size(), rejects(profileRead)));
    List<Opportunity> opportunities = opportunityRead.records();
    Profile[] profiles = profileRead.records().toArray(new Profile[0]);
    int n = opportunities.size();
    log.printf("read %,d opportunities and %,d profiles%n", n, profiles.length);
    long heapBefore = usedHeapAfterGc();
    footprints.add(new Footprint("parsed records (opportunities and profiles, not the engine)",
        heapBefore - heapBeforeRead, n));

    Path indexDir = work.resolve("engine-index");
    t = System.nanoTime();
    OccupationTaxonomy taxonomy = OccupationTaxonomy.shipped();
    MatchingEngine engine =
        MatchingEngine.builder().taxonomy(taxonomy).directory(indexDir).build();
    phases.add(phase("open engine (load taxonomy, new index directory)", t, 0, ""));
    try {
      t = System.nanoTime();
      engine.upsertAll(opportunities);
      phases.add(phase("index (MatchingEngine.upsertAll)", t, n, ""));
      t = System.nanoTime();
      engine.refresh();
      phases.add(phase("refresh", t, n, ""));
      check(engine.size(), n, "refresh");
      footprints.add(new Footprint("after refresh (engine with writer)",
          usedHeapAfterGc() - heapBefore, n));
      t = System.nanoTime();
      engine.commit();
      phases.add(phase("commit to the directory", t, 0, ""));
    } finally {
      t = System.nanoTime();
      engine.close();
    }
    phases.add(phase("close", t, 0, ""));
    log.println("indexed and committed");

    MatchOptions options = new MatchOptions(TOP, AS_OF, Locale.ENGLISH);
    heapBefore = usedHeapAfterGc();
    t = System.nanoTime();
    MatchResult[] oneThread = new MatchResult[profiles.length];
    try (MatchingEngine reopened = MatchingEngine.builder()
        .taxonomy(taxonomy).directory(indexDir).readOnly().build()) {
      if (profiles.length > 0) {
        oneThread[0] = reopened.match(profiles[0], options);
      }
      phases.add(phase("reopen read-only and first match", t, 0, ""));
      check(reopened.size(), n, "reopen");
      footprints.add(new Footprint("after read-only reopen", usedHeapAfterGc() - heapBefore, n));

      t = System.nanoTime();
      for (int i = 0; i < profiles.length; i++) {
        oneThread[i] = reopened.match(profiles[i], options);
      }
      phases.add(phase("rank on 1 thread", t, profiles.length, "top " + TOP));
      t = System.nanoTime();
      MatchResult[] twoThreads = rank(reopened, profiles, options, 2);
      phases.add(phase("rank on 2 threads", t, profiles.length, "top " + TOP));
      if (!Arrays.equals(oneThread, twoThreads)) {
        throw new IllegalStateException("ranking on 2 threads differs from ranking on 1");
      }
      log.println("ranked");

      Path resultFile = work.resolve("engine-results.jsonl");
      t = System.nanoTime();
      try (ResultWriter out = ResultWriter.of(ResultFormat.JSONL,
          Files.newBufferedWriter(resultFile, StandardCharsets.UTF_8))) {
        for (MatchResult result : twoThreads) {
          out.write(result);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot write " + resultFile + ": " + e.getMessage(), e);
      }
      phases.add(phase("write results (JSON Lines)", t, profiles.length,
          String.format(Locale.ROOT, "%,d bytes", size(resultFile))));
    }

    int threads = ElasticStyleIndex.defaultThreads();
    t = System.nanoTime();
    try (ElasticStyleIndex peer = ElasticStyleIndex.create(work.resolve("peer-index"))) {
      peer.indexAll(opportunities, threads);
      phases.add(phase("peer: index (Lucene, ES-style mapping)", t, n,
          String.format(Locale.ROOT, "%d threads, %.0f MB RAM buffer, on disk, committed",
              threads, ElasticStyleIndex.ramBufferMb())));
      check(peer.size(), n, "peer index");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot close the peer index: " + e.getMessage(), e);
    }
    log.println("peer indexed");
    return new Report(runs, phases, footprints);
  }

  /** Ranks every profile on {@code threads} plain threads, thread t taking t, t + T, ... */
  static MatchResult[] rank(MatchingEngine engine, Profile[] profiles, MatchOptions options,
      int threads) throws InterruptedException {
    MatchResult[] results = new MatchResult[profiles.length];
    RuntimeException[] failures = new RuntimeException[threads];
    Thread[] workers = new Thread[threads];
    for (int w = 0; w < threads; w++) {
      int first = w;
      workers[w] = new Thread(() -> {
        try {
          for (int i = first; i < profiles.length; i += threads) {
            results[i] = engine.match(profiles[i], options);
          }
        } catch (RuntimeException e) {
          failures[first] = e;
        }
      }, "rank-" + w);
      workers[w].start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    for (RuntimeException failure : failures) {
      if (failure != null) {
        throw failure;
      }
    }
    return results;
  }

  private static Phase phase(String name, long startedNanos, long count, String note) {
    return new Phase(name, (System.nanoTime() - startedNanos) / 1e9, count, note);
  }

  private static String rejects(ReadResult<?> read) {
    if (!read.rejects().isEmpty()) {
      throw new IllegalStateException(read.rejects().size() + " lines rejected, the first: "
          + read.rejects().get(0));
    }
    return "";
  }

  private static void check(int actual, int expected, String phase) {
    if (actual != expected) {
      throw new IllegalStateException(
          phase + " holds " + actual + " opportunities, expected " + expected);
    }
  }

  /** Used heap after asking for full collections, in bytes. */
  static long usedHeapAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---------------------------------------------------------------- output

  /** The report as markdown tables: child runs by jar and command, phases, heap. */
  static String markdown(Report report, Path opportunities, Path profiles) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "Whole path: %s (%s), %s (%s), as of %s, top %d, %s%n%n",
        opportunities.getFileName(), sizeOrNa(opportunities), profiles.getFileName(),
        sizeOrNa(profiles), AS_OF, TOP, System.getProperty("java.vm.version")));
    if (!report.runs().isEmpty()) {
      out.append("| jar | command | runs | wall s, median | wall s, each run "
          + "| peak RSS MB, median | peak RSS MB, max |\n");
      out.append("|---|---|---:|---:|---|---:|---:|\n");
      Map<String, List<ChildRun>> groups = new LinkedHashMap<>();
      for (ChildRun run : report.runs()) {
        groups.computeIfAbsent(run.jar() + "\u0000" + run.command(), k -> new ArrayList<>())
            .add(run);
      }
      for (List<ChildRun> group : groups.values()) {
        double[] walls = group.stream().mapToDouble(ChildRun::seconds).toArray();
        long[] rss = group.stream().mapToLong(ChildRun::peakRssKb).toArray();
        boolean rssKnown = Arrays.stream(rss).allMatch(kb -> kb >= 0);
        StringBuilder each = new StringBuilder();
        for (double wall : walls) {
          each.append(each.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.2f",
              wall));
        }
        out.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %s | %s | %s |%n",
            group.get(0).jar(), group.get(0).command(), group.size(), median(walls), each,
            rssKnown ? megabytes(medianLong(rss)) : "n/a",
            rssKnown ? megabytes(Arrays.stream(rss).max().orElse(-1)) : "n/a"));
      }
      out.append('\n');
    }
    if (!report.phases().isEmpty()) {
      out.append("| phase (in process) | seconds | count | per second | note |\n");
      out.append("|---|---:|---:|---:|---|\n");
      for (Phase phase : report.phases()) {
        out.append(String.format(Locale.ROOT, "| %s | %.3f | %s | %s | %s |%n", phase.name(),
            phase.seconds(), phase.count() == 0 ? "" : String.format("%,d", phase.count()),
            phase.count() == 0 ? "" : String.format(Locale.ROOT, "%,.0f", phase.perSecond()),
            phase.note()));
      }
      out.append('\n');
    }
    if (!report.footprints().isEmpty()) {
      out.append("| heap held (used after GC, difference) | MB | bytes per opportunity |\n");
      out.append("|---|---:|---:|\n");
      for (Footprint footprint : report.footprints()) {
        out.append(String.format(Locale.ROOT, "| %s | %s | %,d |%n", footprint.when(),
            megabytes(footprint.bytes() / 1024), footprint.perOpportunity()));
      }
      out.append('\n');
    }
    return out.toString();
  }

  /** Every measurement as one CSV row; empty cells where a column does not apply. */
  static String csv(Report report) {
    StringBuilder out = new StringBuilder(
        "part,jar,what,run,seconds,count,per_second,peak_rss_kb,bytes_per_opportunity\n");
    for (ChildRun run : report.runs()) {
      out.append(String.format(Locale.ROOT, "cli,%s,%s,%d,%.3f,,,%s,%n", quote(run.jar()),
          quote(run.command()), run.run(), run.seconds(),
          run.peakRssKb() < 0 ? "" : Long.toString(run.peakRssKb())));
    }
    for (Phase phase : report.phases()) {
      out.append(String.format(Locale.ROOT, "in-process,,%s,1,%.3f,%s,%s,,%n",
          quote(phase.name()), phase.seconds(), phase.count() == 0 ? "" : phase.count(),
          phase.count() == 0 ? "" : String.format(Locale.ROOT, "%.0f", phase.perSecond())));
    }
    for (Footprint footprint : report.footprints()) {
      out.append(String.format(Locale.ROOT, "heap,,%s,1,,%d,,,%d%n", quote(footprint.when()),
          footprint.opportunities(), footprint.perOpportunity()));
    }
    return out.toString();
  }

  private static String quote(String cell) {
    return cell.contains(",") || cell.contains("\"")
        ? '"' + cell.replace("\"", "\"\"") + '"'
        : cell;
  }

  static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  private static long medianLong(long[] values) {
    return Math.round(median(Arrays.stream(values).asDoubleStream().toArray()));
  }

  private static String megabytes(long kb) {
    return kb < 0 ? "n/a" : String.format(Locale.ROOT, "%,.0f", kb / 1024.0);
  }

  private static String sizeOrNa(Path file) {
    try {
      return String.format(Locale.ROOT, "%,.1f MB", Files.size(file) / 1e6);
    } catch (IOException e) {
      return "size n/a";
    }
  }

  /** Deletes a file or directory tree if it exists. */
  static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
