package org.passgenau.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.RuleSet;
import org.passgenau.rank.RuleSetFile;
import org.passgenau.taxonomy.OccupationTaxonomy;

/** The shipped sample data, its qrels and rule files, read once for all tests of the package. */
final class SampleData {

  static final Path DATA = Path.of(System.getProperty("passgenau.data", "../data"));
  /** The reference date the qrels were simulated for. */
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);

  static final List<Opportunity> OPPORTUNITIES =
      JsonLinesReader.opportunities().read(DATA.resolve("opportunities.jsonl")).records();
  static final List<Profile> PROFILES =
      JsonLinesReader.profiles().read(DATA.resolve("profiles.jsonl")).records();
  static final OccupationTaxonomy TAXONOMY = read(() ->
      OccupationTaxonomy.fromTsv(DATA.resolve("taxonomy/occupations.tsv")));
  static final Qrels QRELS = read(() -> Qrels.read(DATA.resolve("eval/qrels.txt")));

  private SampleData() {}

  /** A rule file of data/rules, by its name without {@code .json}. */
  static RuleSet rules(String name) {
    return read(() -> RuleSetFile.read(DATA.resolve("rules").resolve(name + ".json")));
  }

  /** A runner over the sample opportunities as of {@link #AS_OF}, to the default depth. */
  static RuleSetRunner.Builder runner() {
    return RuleSetRunner.builder(OPPORTUNITIES).taxonomy(TAXONOMY).asOf(AS_OF);
  }

  private interface Reading<T> {
    T read() throws IOException;
  }

  private static <T> T read(Reading<T> reading) {
    try {
      return reading.read();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
