package org.passgenau.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;

/** Small opportunities and a column factory whose columns are just the ids. */
final class Fixtures {

  private Fixtures() {}

  /** A vacancy in Viersen (DE-NW). */
  static Opportunity vacancy(String id, String title) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, title)
        .location(Location.of(51.2562, 6.3905, "DE-NW", "DE"))
        .build();
  }

  static Opportunity nurseAide(String id) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Pflegehelfer/in (m/w/d)")
        .occupation(Occupation.isco("5321"))
        .skills(java.util.List.of("Grundpflege", "Dokumentation"))
        .description("Unterstützung der Pflegefachkräfte im Frühdienst")
        .location(Location.of(51.2562, 6.3905, "DE-NW", "DE"))
        .build();
  }

  /** Columns holding each doc's id, and a count of how often a segment was decoded. */
  static final class IdColumns implements SegmentColumnsFactory<String[]> {
    final AtomicInteger builds = new AtomicInteger();

    @Override
    public String[] build(java.util.List<Opportunity> docsInDocIdOrder) {
      builds.incrementAndGet();
      String[] ids = new String[docsInDocIdOrder.size()];
      for (int doc = 0; doc < ids.length; doc++) {
        ids[doc] = docsInDocIdOrder.get(doc).id();
      }
      return ids;
    }
  }

  static OpportunityIndex<String[]> memoryIndex() {
    return OpportunityIndex.builder(new IdColumns()).build();
  }

  /** The ids of every opportunity the query matches in the snapshot, sorted. */
  static Set<String> idsMatching(Snapshot<?> snapshot, Query query) {
    try {
      Set<String> ids = new TreeSet<>();
      int n = Math.max(1, snapshot.size());
      for (ScoreDoc hit : snapshot.searcher().search(query, n).scoreDocs) {
        ids.add(snapshot.id(hit.doc));
      }
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
