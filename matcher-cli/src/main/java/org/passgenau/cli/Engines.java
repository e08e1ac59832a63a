package org.passgenau.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.passgenau.model.Opportunity;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.rank.RuleSet;
import org.passgenau.taxonomy.OccupationTaxonomy;

/** Builds the engine from the command line's choices of index directory and taxonomy. */
final class Engines {

  /** The taxonomy that comes with the project, found when running from its root. */
  static final String SHIPPED_TAXONOMY = "data/taxonomy/occupations.tsv";

  private Engines() {}

  /**
   * An engine with the default rule set; on disk when {@code index} is given, else in memory.
   *
   * @param taxonomy the TSV to load, or null for the shipped one when present, else none
   */
  static MatchingEngine open(Path index, Path taxonomy) throws IOException {
    return open(index, taxonomy, RuleSet.defaults());
  }

  /** An engine ranking by {@code rules}; otherwise as {@link #open(Path, Path)}. */
  static MatchingEngine open(Path index, Path taxonomy, RuleSet rules) throws IOException {
    MatchingEngine.Builder engine = MatchingEngine.builder().ruleSet(rules);
    OccupationTaxonomy occupations = taxonomy(taxonomy);
    if (occupations != null) {
      engine.taxonomy(occupations);
    }
    if (index != null) {
      engine.directory(index);
    }
    return engine.build();
  }

  /**
   * An engine in memory ranking by {@code rules}, holding {@code opportunities} and refreshed, so
   * that matches see them all; the taxonomy as in {@link #open(Path, Path)}.
   */
  static MatchingEngine holding(List<Opportunity> opportunities, Path taxonomy, RuleSet rules)
      throws IOException {
    MatchingEngine engine = open(null, taxonomy, rules);
    try {
      engine.upsertAll(opportunities);
      engine.refresh();
      return engine;
    } catch (RuntimeException e) {
      engine.close();
      throw e;
    }
  }

  /**
   * The taxonomy of {@code --taxonomy}: the TSV given, else the shipped one when present, else
   * none (null).
   */
  static OccupationTaxonomy taxonomy(Path taxonomy) throws IOException {
    Path tsv = taxonomy != null ? taxonomy : shippedTaxonomy();
    return tsv == null ? null : OccupationTaxonomy.fromTsv(tsv);
  }

  private static Path shippedTaxonomy() {
    Path shipped = Path.of(SHIPPED_TAXONOMY);
    return Files.isRegularFile(shipped) ? shipped : null;
  }

  /** Whether {@code dir} holds a committed index that a run without opportunities can reuse. */
  static boolean holdsIndex(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Directory directory = FSDirectory.open(dir)) {
      return DirectoryReader.indexExists(directory);
    }
  }
}
