package org.passgenau.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.index.Fixtures.vacancy;

import java.io.IOException;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SegmentColumnsTest {

  @Test
  void eachSegmentsColumnsAgreeWithItsStoredOpportunitiesThroughAddsDeletesAndMerges()
      throws IOException {
    try (OpportunityIndex<String[]> index = Fixtures.memoryIndex()) {
      for (int batch = 0; batch < 3; batch++) {
        for (int i = 0; i < 20; i++) {
          index.upsert(vacancy("V-" + batch + "-" + i, "Helfer " + i));
        }
        index.refresh();
      }
      assertColumnsAgree(index, 60, "after three batches");

      index.delete("V-0-3");
      index.delete("V-2-19");
      index.upsert(vacancy("V-1-5", "Helfer, neu ausgeschrieben"));
      index.refresh();
      assertColumnsAgree(index, 58, "after deletes and a replacement");

      index.forceMerge(1);
      index.refresh();
      try (Snapshot<String[]> merged = index.acquire()) {
        assertThat(merged.segments()).as("one segment after the merge").hasSize(1);
        assertThat(merged.segments().get(0).liveDocs())
            .as("merging drops deleted documents")
            .isNull();
      }
      assertColumnsAgree(index, 58, "after merging into one segment");
    }
  }

  @Test
  void columnsAreBuiltOncePerSegmentAndDeletesReuseThem() {
    Fixtures.IdColumns columns = new Fixtures.IdColumns();
    try (OpportunityIndex<String[]> index = OpportunityIndex.builder(columns).build()) {
      int atOpen = columns.builds.get();
      for (int i = 0; i < 10; i++) {
        index.upsert(vacancy("V-" + i, "Helfer"));
      }
      index.refresh();
      assertThat(columns.builds.get() - atOpen).as("one new segment, one build").isEqualTo(1);

      index.delete("V-3");
      index.refresh();
      assertThat(columns.builds.get() - atOpen)
          .as("a delete changes live docs, not the segment's columns")
          .isEqualTo(1);

      index.acquire().close();
      index.refresh();
      assertThat(columns.builds.get() - atOpen)
          .as("acquiring and refreshing without changes builds nothing")
          .isEqualTo(1);

      index.upsert(vacancy("V-10", "Helfer"));
      index.refresh();
      assertThat(columns.builds.get() - atOpen).as("only the new segment is built").isEqualTo(2);
    }
  }

  @Test
  void columnsOfMergedAwaySegmentsAreEvictedOnceNoSnapshotUsesThem() throws IOException {
    try (OpportunityIndex<String[]> index = Fixtures.memoryIndex()) {
      for (int batch = 0; batch < 4; batch++) {
        index.upsert(vacancy("V-" + batch, "Helfer"));
        index.refresh();
      }
      Snapshot<String[]> old = index.acquire();
      assertThat(index.cachedColumns()).as("one entry per segment").isEqualTo(old.segments().size());

      index.forceMerge(1);
      index.refresh();
      assertThat(index.cachedColumns())
          .as("an open snapshot keeps its segments' columns alive")
          .isEqualTo(old.segments().size() + 1);

      old.close();
      assertThat(index.cachedColumns())
          .as("closing the last user of the old segments evicts their columns")
          .isEqualTo(1);
      assertColumnsAgree(index, 4, "after eviction");
    }
  }

  private static void assertColumnsAgree(OpportunityIndex<String[]> index, int size, String when) {
    try (Snapshot<String[]> snapshot = index.acquire()) {
      int live = 0;
      Set<String> ids = new HashSet<>();
      for (Segment<String[]> segment : snapshot.segments()) {
        assertThat(segment.columns())
            .as("%s: one column entry per doc id of %s", when, segment)
            .hasSize(segment.maxDoc());
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
          if (!segment.isLive(doc)) {
            continue;
          }
          live++;
          String storedId = snapshot.opportunity(segment.docBase() + doc).id();
          assertThat(segment.columns()[doc])
              .as("%s: column at doc %d of %s", when, doc, segment)
              .isEqualTo(storedId);
          assertThat(ids.add(storedId)).as("%s: %s is live once", when, storedId).isTrue();
        }
      }
      assertThat(live).as("%s: live docs across segments", when).isEqualTo(snapshot.size());
      assertThat(snapshot.size()).as(when).isEqualTo(size);
    }
  }
}
