package org.passgenau.cli;

import static com.google.common.base.Preconditions.checkNotNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
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

  private Engines() {}

  /**
   * The taxonomy a run ranks with and how its summary names it.
   *
   * @param occupations the taxonomy
   * @param source "shipped" for the one in the jar, else the file given; with " + ESCO DIR"
   * @param countTitles whether the summary counts the titles too, as for an ESCO download
   */
  record Taxonomy(OccupationTaxonomy occupations, String source, boolean countTitles) {

    Taxonomy {
      checkNotNull(occupations, "occupations");
      checkNotNull(source, "source");
    }

    Taxonomy(OccupationTaxonomy occupations, String source) {
      this(occupations, source, false);
    }

    /**
     * "taxonomy: shipped (53 unit groups)", or the file's name in place of "shipped"; with ESCO
     * "taxonomy: shipped + ESCO esco/ (436 unit groups, 76640 titles in de, en, nl)".
     */
    String summary() {
      long unitGroups = occupations.groups().stream().filter(code -> code.length() == 4).count();
      StringBuilder summary = new StringBuilder("taxonomy: ").append(source)
          .append(" (").append(unitGroups).append(" unit groups");
      if (countTitles) {
        long titles = 0;
        Set<String> languages = occupations.languages();
        for (String isco : occupations.groups()) {
          for (String lang : languages) {
            titles += occupations.titles(isco, lang).size();
          }
        }
        summary.append(", ").append(titles).append(" titles in ")
            .append(String.join(", ", languages));
      }
      return summary.append(')').toString();
    }
  }

  /**
   * An engine ranking by {@code rules}; on disk when {@code index} is given, else in memory.
   *
   * @throws IOException saying so, and by whom when known, when another writer holds {@code
   *     index}
   */
  static MatchingEngine open(Path index, Taxonomy taxonomy, RuleSet rules) throws IOException {
    return open(index, taxonomy, rules, null);
  }

  /**
   * As {@link #open(Path, Taxonomy, RuleSet)}, indexing on {@code indexingThreads} threads (null:
   * the engine's default).
   */
  static MatchingEngine open(Path index, Taxonomy taxonomy, RuleSet rules,
      Integer indexingThreads) throws IOException {
    MatchingEngine.Builder engine = builder(taxonomy, rules);
    if (indexingThreads != null) {
      engine.indexingThreads(Math.min(indexingThreads, 64));
    }
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
  static MatchingEngine openReadOnly(Path index, Taxonomy taxonomy, RuleSet rules) {
    return builder(taxonomy, rules).directory(index).readOnly().build();
  }

  private static MatchingEngine.Builder builder(Taxonomy taxonomy, RuleSet rules) {
    return MatchingEngine.builder().ruleSet(rules).taxonomy(taxonomy.occupations());
  }

  /**
   * An engine in memory ranking by {@code rules}, holding {@code opportunities} and refreshed, so
   * that matches see them all.
   */
  static MatchingEngine holding(List<Opportunity> opportunities, Taxonomy taxonomy,
      RuleSet rules) throws IOException {
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
