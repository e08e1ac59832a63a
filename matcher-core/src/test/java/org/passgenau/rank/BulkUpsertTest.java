package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;

/** A stream pushed into the engine one opportunity at a time ranks as the same list upserted. */
class BulkUpsertTest {

  private static final MatchOptions OPTIONS = MatchOptions.defaults().asOf(Fixtures.TODAY);

  /** Thousands of opportunities, so that every lane gets several batches. */
  private static List<Opportunity> manyVacancies() {
    List<Opportunity> vacancies = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      Opportunity base = SavedIndexRanking.opportunities()
          .get(i % SavedIndexRanking.opportunities().size());
      vacancies.add(base.toBuilder().id("V-" + i).build());
    }
    return vacancies;
  }

  @Test
  void aBulkLoadedEngineRanksAsOneLoadedWithUpsertAll() {
    Profile person = SavedIndexRanking.warehouseHelper();
    for (int threads : new int[] {1, 3}) {
      try (MatchingEngine pushed = MatchingEngine.builder().indexingThreads(threads).build();
          MatchingEngine listed = MatchingEngine.builder().build()) {
        try (MatchingEngine.BulkUpsert load = pushed.bulkUpsert()) {
          manyVacancies().forEach(load);
        }
        pushed.refresh();
        listed.upsertAll(manyVacancies());
        listed.refresh();
        assertThat(pushed.size()).as("threads " + threads).isEqualTo(3_000);
        assertThat(pushed.match(person, OPTIONS)).as("threads " + threads)
            .isEqualTo(listed.match(person, OPTIONS));
      }
    }
  }

  @Test
  void theLastVersionOfAnIdInTheStreamWins() {
    Profile person = SavedIndexRanking.warehouseHelper();
    try (MatchingEngine engine = MatchingEngine.builder().indexingThreads(4).build();
        MatchingEngine lastOnly = MatchingEngine.builder().build()) {
      try (MatchingEngine.BulkUpsert load = engine.bulkUpsert()) {
        for (int version = 0; version < 4; version++) {
          for (Opportunity o : manyVacancies()) {
            // Earlier versions had closed: were one of them kept, its post would drop out.
            load.accept(o.toBuilder().applicationDeadline(Fixtures.TODAY.minusDays(1)).build());
          }
        }
        manyVacancies().forEach(load);
      }
      engine.refresh();
      lastOnly.upsertAll(manyVacancies());
      lastOnly.refresh();
      assertThat(engine.size()).isEqualTo(3_000);
      MatchResult result = engine.match(person, OPTIONS.withTopK(3_000));
      assertThat(result.matches()).isNotEmpty();
      assertThat(result).isEqualTo(lastOnly.match(person, OPTIONS.withTopK(3_000)));
    }
  }

  @Test
  void aMissingOpportunityIsRefusedWhenHandedOverAndTheOthersAreStillIndexed() {
    // A failure inside an indexing lane reaching the caller is PartitionedUpsertsTest's.
    try (MatchingEngine engine = MatchingEngine.builder().indexingThreads(2).build()) {
      MatchingEngine.BulkUpsert load = engine.bulkUpsert();
      manyVacancies().subList(0, 500).forEach(load);
      assertThatThrownBy(() -> load.accept(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("opportunity");
      load.close();
      engine.refresh();
      assertThat(engine.size()).isEqualTo(500);
    }
  }
}
