package org.passgenau.taxonomy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the tests find the project's data and the shared ESCO download. */
final class Fixtures {

  private static OccupationTaxonomy shipped;

  private Fixtures() {}

  /** data/taxonomy/occupations.tsv, located through the system property surefire sets. */
  static Path shippedTsv() {
    String data = System.getProperty("passgenau.data", "../data");
    return Path.of(data, "taxonomy", "occupations.tsv");
  }

  /** The taxonomy of the shipped TSV file, loaded once for all tests. */
  static synchronized OccupationTaxonomy shipped() {
    if (shipped == null) {
      try {
        shipped = OccupationTaxonomy.fromTsv(shippedTsv());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return shipped;
  }

  /** The shared ESCO folder; skips the calling test when it is absent. */
  static Path escoOrSkip() {
    String shared = System.getProperty("passgenau.shared");
    Path esco = shared == null ? null : Path.of(shared, "esco");
    assumeTrue(
        esco != null && Files.isRegularFile(esco.resolve("occupations.csv")),
        "ESCO files not found under passgenau.shared=" + shared);
    return esco;
  }
}
