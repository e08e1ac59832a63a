package org.passgenau.rank;

import static org.passgenau.rank.Fixtures.GRONINGEN;
import static org.passgenau.rank.Fixtures.HANNOVER;
import static org.passgenau.rank.Fixtures.MOENCHENGLADBACH;
import static org.passgenau.rank.Fixtures.TODAY;
import static org.passgenau.rank.Fixtures.VIERSEN;
import static org.passgenau.rank.Fixtures.WUPPERTAL;
import static org.passgenau.rank.Fixtures.person;
import static org.passgenau.rank.Fixtures.vacancy;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;

/**
 * Ranks one person from a saved index, in this JVM or in a child JVM: {@code main(read DIR)}
 * prints the ranking from a read-only engine, {@code main(write DIR)} tries to open a writing
 * engine and prints why it cannot.
 */
final class SavedIndexRanking {

  /** The exit code of a child writer that was refused. */
  static final int REFUSED = 3;

  private SavedIndexRanking() {}

  static List<Opportunity> opportunities() {
    return List.of(
        vacancy("V-KREFELD").build(),
        vacancy("V-VIERSEN").location(VIERSEN).build(),
        vacancy("V-MG").location(MOENCHENGLADBACH).build(),
        vacancy("V-WUPPERTAL").location(WUPPERTAL).build(),
        vacancy("V-HANNOVER").location(HANNOVER).build(),
        vacancy("V-GRONINGEN").location(GRONINGEN).build());
  }

  static Profile warehouseHelper() {
    return person("P-1").build();
  }

  /** Saves the opportunities in {@code dir}, committed, with a writing engine that closes. */
  static void save(Path dir) {
    try (MatchingEngine writer = writer(dir)) {
      writer.upsertAll(opportunities());
    }
  }

  static MatchingEngine writer(Path dir) {
    return MatchingEngine.builder().directory(dir).build();
  }

  static MatchingEngine reader(Path dir) {
    return MatchingEngine.builder().directory(dir).readOnly().build();
  }

  /** The ranking as one line: rank, id and score of each match. */
  static String ranking(MatchingEngine engine) {
    MatchResult result = engine.match(warehouseHelper(), MatchOptions.defaults().asOf(TODAY));
    return result.matches().stream()
        .map(m -> String.format(Locale.ROOT, "%d %s %s", m.rank(), m.opportunityId(), m.score()))
        .collect(Collectors.joining("; "));
  }

  public static void main(String[] args) {
    Path dir = Path.of(args[1]);
    if (args[0].equals("read")) {
      try (MatchingEngine engine = reader(dir)) {
        System.out.println(ranking(engine));
      }
      return;
    }
    try (MatchingEngine engine = writer(dir)) {
      System.out.println("opened a second writer");
    } catch (UncheckedIOException e) {
      System.out.println(e.getMessage());
      System.exit(REFUSED);
    }
  }
}
