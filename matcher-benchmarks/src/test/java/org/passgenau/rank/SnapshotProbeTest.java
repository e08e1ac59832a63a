package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.rank.Fixtures.vacancy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnapshotProbeTest {

  @Test
  void theProbeSeesTheColumnsOfEverySegmentAndItsChecksumFollowsTheData() {
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsertAll(List.of(vacancy("V-1").build(), vacancy("V-2").build()));
      engine.refresh();
      long before = SnapshotProbe.scanColumns(engine);
      engine.upsert(vacancy("V-3").openPositions(2).hoursPerWeek(org.passgenau.model.HoursRange.of(20, 30)).build());
      engine.refresh();

      assertThat(SnapshotProbe.columnDocs(engine)).isEqualTo(3);
      assertThat(SnapshotProbe.columns(engine)).isNotEmpty().allSatisfy(c -> assertThat(c).isInstanceOf(OpportunityColumns.class));
      assertThat(SnapshotProbe.scanColumns(engine)).isNotEqualTo(before);
    }
  }
}
