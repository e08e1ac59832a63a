package org.passgenau.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.passgenau.io.AtomicOutput;
import org.passgenau.io.Json;
import org.passgenau.model.Level;
import org.passgenau.taxonomy.OccupationTaxonomy;
import org.passgenau.taxonomy.TitleClassification;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code passgenau classify}: classifies free job titles, one a line, to ISCO-08 unit groups, one
 * JSON line out per title in input order, with the confidence, the runners-up, the level the
 * title implies and the reason. Titles may come from profiles and be personal: the summary on
 * stderr counts them and never shows one.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    exitCodeListHeading = RejectBudget.EXIT_CODES_HEADING,
    exitCodeList = {RejectBudget.EXIT_OK, RejectBudget.EXIT_FAILURE, RejectBudget.EXIT_USAGE},
    sortOptions = false,
    description = "Classifies job titles (German, Dutch or English) to ISCO-08 unit groups: one"
        + " JSON line per title with the unit group (null when unknown), level, confidence,"
        + " alternatives and reason.")
final class ClassifyCommand implements Callable<Integer> {

  /**
   * The longest line taken as a title, in UTF-8 bytes. Posting titles run to a hundred characters
   * or so; a longer line is not one title, and would only make the search slow.
   */
  static final int MAX_LINE_BYTES = 2000;

  /** Confidences as written: four decimals are as precise as the estimate. */
  private static final double CONFIDENCE_SCALE = 10_000;

  /** The contract's JSON mapping, keeping nulls: an unknown title's isco is null, not absent. */
  private static final Function<Object, String> JSON =
      Json.lineWriter(Classified.class, KeepNulls.class);

  @ParentCommand private Main main;
  @Spec private CommandSpec spec;

  @Option(names = "--titles", paramLabel = "FILE", required = true,
      description = "Job titles, one a line, UTF-8; blank lines are skipped; - for standard"
          + " input.")
  private Path titles;

  @Option(names = "--lang", paramLabel = "LANG", converter = Converters.Language.class,
      description = "Language of the titles: de, nl or en (default: any of them).")
  private Locale lang;

  @Mixin private TaxonomyOption taxonomy;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Results as JSON Lines, - for standard output (default: stdout).")
  private Path out;

  /** One output line, in the order of the contract. */
  record Classified(String title, String isco, Level level, double confidence,
      List<Alternative> alternatives, String reason) {}

  /** A runner-up unit group. */
  record Alternative(String isco, double confidence) {}

  @JsonInclude(JsonInclude.Include.ALWAYS)
  private abstract static class KeepNulls {}

  @Override
  public Integer call() throws IOException {
    long started = System.nanoTime();
    PrintWriter err = spec.commandLine().getErr();
    new OutputFiles(spec.commandLine())
        .input("--titles", titles)
        .taxonomy(taxonomy)
        .output("--out", out)
        .check();
    Engines.Taxonomy occupations = taxonomy.load();
    String source = isStdin(titles) ? InputFile.STDIN : titles.toString();
    String language = lang == null ? null : lang.getLanguage();
    Counts counts = new Counts();
    try (AtomicOutput files = new AtomicOutput()) {
      try (TitleLines lines = new TitleLines(open(titles), source);
          Writer writer = PeopleAndPosts.openOut(spec.commandLine(), out, files)) {
        for (String line = lines.next(); line != null; line = lines.next()) {
          String title = line.strip();
          if (title.isEmpty()) {
            counts.blank++;
            continue;
          }
          TitleClassification classified =
              classify(occupations.occupations(), title, language, source, lines.number());
          counts.titles++;
          if (classified.known()) {
            counts.classified++;
          }
          PeopleAndPosts.writeLine(writer, JSON.apply(line(classified)));
          if (isStdin(titles) && (out == null || isStdin(out))) {
            // A producer feeding standard input may wait for each answer.
            writer.flush();
          }
        }
        counts.lines = lines.number();
      }
      files.commit();
    }
    err.println(counts.summary(source));
    err.println(occupations.summary());
    err.printf(Locale.ROOT, "classified %d titles in %.1f s (language: %s)%n", counts.titles,
        (System.nanoTime() - started) / 1e9, language == null ? "any" : language);
    err.flush();
    return CommandLine.ExitCode.OK;
  }

  private static TitleClassification classify(
      OccupationTaxonomy taxonomy, String title, String language, String source, long line) {
    try {
      return taxonomy.classifyTitle(title, language);
    } catch (RuntimeException e) {
      // Without the exception's message, which may quote the title.
      throw new IllegalStateException(source + ":" + line + ": classifying the title failed ("
          + e.getClass().getSimpleName() + "); please report it with the command line", e);
    }
  }

  private static Classified line(TitleClassification c) {
    return new Classified(c.title(), c.isco(), c.level(), round(c.confidence()),
        c.alternatives().stream()
            .map(a -> new Alternative(a.isco(), round(a.confidence())))
            .toList(),
        c.reason());
  }

  private static double round(double confidence) {
    return Math.round(confidence * CONFIDENCE_SCALE) / CONFIDENCE_SCALE;
  }

  /** What was read, for the summary: counts only. */
  private static final class Counts {
    long lines;
    long blank;
    long titles;
    long classified;

    String summary(String source) {
      return "titles " + source + ": " + lines + " lines read, " + blank + " blank, " + titles
          + " titles, " + classified + " classified, " + (titles - classified) + " unknown";
    }
  }

  /** The titles' bytes; standard input is read but left open, since it belongs to the caller. */
  private InputStream open(Path file) throws IOException {
    if (isStdin(file)) {
      return new FilterInputStream(main.in()) {
        @Override
        public void close() {}
      };
    }
    if (!Files.isReadable(file)) {
      throw new IOException("cannot read " + file + ": no such readable file");
    }
    return Files.newInputStream(file);
  }

  private static boolean isStdin(Path path) {
    return path != null && path.toString().equals("-");
  }

  /**
   * Lines of UTF-8 text ending in LF or CRLF, refusing a line longer than {@link #MAX_LINE_BYTES}
   * or bytes that are not UTF-8 with an error naming the line and not its text. Cut at LF bytes
   * and decoded line by line, so that the error names the very line. A byte order mark at the
   * start is dropped.
   */
  static final class TitleLines implements AutoCloseable {
    private final InputStream in;
    private final String source;
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private long number;

    TitleLines(InputStream bytes, String source) {
      this.in = new BufferedInputStream(bytes);
      this.source = source;
    }

    /** The 1-based number of the line last returned. */
    long number() {
      return number;
    }

    /** The next line without its line end, or null at the end. */
    String next() throws IOException {
      line.reset();
      int b = in.read();
      if (b == -1) {
        return null;
      }
      number++;
      while (b != -1 && b != '\n') {
        // One byte over the limit may be the CR of a CRLF.
        if (line.size() > MAX_LINE_BYTES) {
          throw tooLong();
        }
        line.write(b);
        b = in.read();
      }
      byte[] bytes = line.toByteArray();
      int length = bytes.length;
      if (length > 0 && bytes[length - 1] == '\r') {
        length--;
      }
      if (length > MAX_LINE_BYTES) {
        throw tooLong();
      }
      String text;
      try {
        text = utf8.decode(ByteBuffer.wrap(bytes, 0, length)).toString();
      } catch (CharacterCodingException e) {
        throw new IOException(source + ":" + number + ": not valid UTF-8; save the titles as UTF-8");
      }
      return number == 1 && text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private IOException tooLong() {
      return new IOException(source + ":" + number + ": a line longer than " + MAX_LINE_BYTES
          + " bytes; give one job title a line");
    }

    @Override
    public void close() throws IOException {
      in.close();
    }
  }
}
