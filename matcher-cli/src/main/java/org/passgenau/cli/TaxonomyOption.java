package org.passgenau.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.passgenau.taxonomy.OccupationTaxonomy;
import picocli.CommandLine.Option;

/** The {@code --taxonomy} option of every command that ranks, mixed into each. */
final class TaxonomyOption {

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Occupation taxonomy TSV (default: the shipped one, "
          + "data/taxonomy/occupations.tsv as built into the jar).")
  private Path file;

  /** The file given, or null, for checking that no output overwrites it. */
  Path file() {
    return file;
  }

  /** Whether the option was given. */
  boolean given() {
    return file != null;
  }

  /**
   * The TSV file the option names, else the taxonomy shipped in the jar, so that a run ranks
   * alike from any working directory.
   */
  Engines.Taxonomy load() throws IOException {
    return file == null
        ? new Engines.Taxonomy(OccupationTaxonomy.shipped(), "shipped")
        : new Engines.Taxonomy(OccupationTaxonomy.fromTsv(file), file.toString());
  }
}
