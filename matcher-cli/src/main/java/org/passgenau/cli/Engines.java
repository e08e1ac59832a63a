package org.passgenau.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
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

  /**
   * An engine ranking by {@code rules}; otherwise as {@link #open(Path, Path)}.
   *
   * @throws IOException saying so, and by whom when known, when another writer holds {@code
   *     index}
   */
  static MatchingEngine open(Path index, Path taxonomy, RuleSet rules) throws IOException {
    MatchingEngine.Builder engine = builder(taxonomy, rules);
    if (index != null) {
      engine.directory(index);
    }
    try {
      return engine.build();
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof LockObtainFailedException locked) {
        // The library's message names the holder ("write.lock held by pid ... on ...").
        throw new IOException("index " + index + " is locked by another writer ("
            + locked.getMessage() + "); open it without --opportunities to read it", e);
      }
      throw e;
    }
  }

  /**
   * An engine ranking by {@code rules} from the index saved in {@code index}, read-only: it
   * takes no write lock, so any number of runs may read one index at once.
   */
  static MatchingEngine openReadOnly(Path index, Path taxonomy, RuleSet rules)
      throws IOException {
    return builder(taxonomy, rules).directory(index).readOnly().build();
  }

  private static MatchingEngine.Builder builder(Path taxonomy, RuleSet rules) throws IOException {
    MatchingEngine.Builder engine = MatchingEngine.builder().ruleSet(rules);
    OccupationTaxonomy occupations = taxonomy(taxonomy);
    if (occupations != null) {
      engine.taxonomy(occupations);
    }
    return engine;
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
