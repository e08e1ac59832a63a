package org.passgenau.modulehost;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.passgenau.io.JsonLinesReader;
import org.passgenau.model.Cefr;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;
import org.passgenau.taxonomy.Classification;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * A host that uses the library as a module: {@link ModuleHostTest} runs it in a JVM of its own
 * with the library on the module path. It reads opportunities as JSON (Jackson's reflection into
 * the model), indexes them (Lucene), matches one person and prints the first match's explanation
 * in English and in German (the message bundles), and what the shipped taxonomy resource holds.
 */
public final class ModuleHost {

  private ModuleHost() {}

  public static void main(String[] args) throws Exception {
    explanations(java.nio.file.Path.of(args[0])).forEach(System.out::println);
    System.out.println(shippedTaxonomy());
    System.out.println("module " + MatchingEngine.class.getModule().getName());
  }

  /** The shipped taxonomy's size and a classification: the resource is readable in the module. */
  static String shippedTaxonomy() {
    OccupationTaxonomy shipped = OccupationTaxonomy.shipped();
    return "taxonomy " + shipped.groups().size() + " groups, Kok "
        + shipped.classify("Kok (m/v/x)").map(Classification::isco).orElse("unclassified");
  }

  /** The first line of the best match's explanation, in English and in German. */
  static List<String> explanations(java.nio.file.Path file) throws Exception {
    List<Opportunity> opportunities = JsonLinesReader.opportunities().read(file).records();
    Profile person = Profile.builder("P-module")
        .speaks("de", Cefr.B2)
        .location(Location.of(51.2562, 6.3905, "DE-NW", "DE"))
        .build();
    List<String> lines = new ArrayList<>();
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsertAll(opportunities);
      engine.refresh();
      for (Locale locale : List.of(Locale.ENGLISH, Locale.GERMAN)) {
        MatchResult result = engine.match(person,
            MatchOptions.defaults().withTopK(1).asOf(LocalDate.of(2026, 11, 23)).in(locale));
        lines.add(result.matches().get(0).explanation().get(0).detail());
      }
    }
    return lines;
  }
}
