package org.passgenau.cli;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The {@code --taxonomy} option of every command that ranks, mixed into each. */
final class TaxonomyOption {

  @Option(names = "--taxonomy", paramLabel = "FILE",
      description = "Occupation taxonomy TSV (default: the shipped one, "
          + "data/taxonomy/occupations.tsv as built into the jar).")
  private Path file;

  /** Whether the option was given. */
  boolean given() {
    return file != null;
  }

  /** The taxonomy the option names, else the shipped one. */
  Engines.Taxonomy load() throws IOException {
    return Engines.taxonomy(file);
  }
}
