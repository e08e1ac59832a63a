package org.passgenau.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.passgenau.io.Json;

/**
 * Writes the generated corpus as the data contract's JSON Lines files, the input of the whole-path
 * measurements ({@code passgenau match}):
 *
 * <pre>{@code
 * java -cp matcher-benchmarks/target/benchmarks.jar org.passgenau.bench.CorpusFiles \
 *     target/corpus 100000 2000
 * }</pre>
 *
 * <p>writes {@code target/corpus/opportunities-100000.jsonl} and {@code
 * target/corpus/profiles-2000.jsonl} with the default seed; files already there are overwritten.
 */
public final class CorpusFiles {

  private CorpusFiles() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: CorpusFiles DIR OPPORTUNITIES PROFILES");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    int opportunities = Integer.parseInt(args[1]);
    int profiles = Integer.parseInt(args[2]);
    Files.createDirectories(dir);
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    Path opportunityFile = opportunities(dir, opportunities);
    Path profileFile = profiles(dir, profiles);
    write(opportunityFile, generator.opportunityStream(opportunities));
    write(profileFile, generator.profiles(profiles));
    System.err.printf("wrote %s (%,d bytes) and %s (%,d bytes)%n", opportunityFile,
        Files.size(opportunityFile), profileFile, Files.size(profileFile));
  }

  /** The opportunity file of {@code n} in {@code dir}. */
  static Path opportunities(Path dir, int n) {
    return dir.resolve("opportunities-" + n + ".jsonl");
  }

  /** The profile file of {@code n} in {@code dir}. */
  static Path profiles(Path dir, int n) {
    return dir.resolve("profiles-" + n + ".jsonl");
  }

  /** Writes the first {@code opportunities} and {@code profiles} of the default corpus. */
  static void writeAll(Path dir, int opportunities, int profiles) throws IOException {
    Files.createDirectories(dir);
    CorpusGenerator generator = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED);
    write(opportunities(dir, opportunities), generator.opportunityStream(opportunities));
    write(profiles(dir, profiles), generator.profiles(profiles));
  }

  private static void write(Path file, List<?> records) throws IOException {
    try (Writer out = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8),
        1 << 16)) {
      for (Object record : records) {
        out.write(Json.toLine(record));
        out.write('\n');
      }
    }
  }
}
