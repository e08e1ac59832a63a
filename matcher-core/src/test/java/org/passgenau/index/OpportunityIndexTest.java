package org.passgenau.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passgenau.index.Fixtures.idsMatching;
import static org.passgenau.index.Fixtures.memoryIndex;
import static org.passgenau.index.Fixtures.nurseAide;
import static org.passgenau.index.Fixtures.vacancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.index.Term;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValuesType;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.TermQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.model.Opportunity;

class OpportunityIndexTest {

  @Test
  void anUpsertedVacancyIsFoundAfterRefresh() {
    try (OpportunityIndex<String[]> index = memoryIndex()) {
      Opportunity nurseAide = nurseAide("V-1");
      index.upsert(nurseAide);
      index.refresh();

      try (Snapshot<String[]> snapshot = index.acquire()) {
        assertThat(snapshot.size()).as("one vacancy indexed").isEqualTo(1);
        assertThat(snapshot.id(0)).as("id from the start of the record").isEqualTo("V-1");
        assertThat(snapshot.opportunity(0))
            .as("the stored record decodes to the same opportunity")
            .isEqualTo(nurseAide);
        assertThat(idsMatching(snapshot, new MatchAllDocsQuery())).containsExactly("V-1");
      }
    }
  }

  @Test
  void changesStayInvisibleUntilRefresh() {
    try (OpportunityIndex<String[]> index = memoryIndex()) {
      index.upsert(vacancy("V-1", "Lagerhelfer (m/w/d)"));
      assertThat(index.size()).as("an upsert before refresh is not visible").isZero();

      try (Snapshot<String[]> before = index.acquire()) {
        index.refresh();
        assertThat(before.size()).as("an open snapshot keeps its point in time").isZero();
        assertThat(index.size()).as("new snapshots see the refreshed index").isEqualTo(1);
      }

      index.delete("V-1");
      assertThat(index.size()).as("a delete before refresh is not visible").isEqualTo(1);
      index.refresh();
      assertThat(index.size()).isZero();
    }
  }

  @Test
  void replacingAnOpportunityByIdKeepsOneDocumentWithTheNewValues() {
    try (OpportunityIndex<String[]> index = memoryIndex()) {
      index.upsert(vacancy("V-1", "Lagerhelfer (m/w/d)"));
      index.refresh();
      index.upsert(vacancy("V-1", "Kommissionierer (m/w/d)"));
      index.refresh();

      try (Snapshot<String[]> snapshot = index.acquire()) {
        assertThat(snapshot.size()).as("the replacement does not add a second document").isEqualTo(1);
        assertThat(idsMatching(snapshot, new MatchAllDocsQuery()))
            .as("one live document for the id")
            .containsExactly("V-1");
        int liveDoc = firstLiveDoc(snapshot);
        assertThat(snapshot.opportunity(liveDoc).title()).isEqualTo("Kommissionierer (m/w/d)");
      }
    }
  }

  @Test
  void aDeletedOpportunityDisappearsAfterRefresh() {
    try (OpportunityIndex<String[]> index = memoryIndex()) {
      index.upsertAll(List.of(vacancy("V-1", "Koch (m/w/d)"), vacancy("V-2", "Bäcker (m/w/d)")));
      index.refresh();
      index.delete("V-1");
      index.delete("V-unknown");
      index.refresh();

      try (Snapshot<String[]> snapshot = index.acquire()) {
        assertThat(idsMatching(snapshot, new MatchAllDocsQuery()))
            .as("only the deleted id is gone; an unknown id changes nothing")
            .containsExactly("V-2");
        assertThat(index.size()).isEqualTo(1);
      }
    }
  }

  @Test
  void theIndexKeepsOnlyTheIdTermAndTheRecordAndAnalysesNoText() throws IOException {
    try (OpportunityIndex<String[]> index = memoryIndex()) {
      index.upsert(nurseAide("V-1"));
      index.refresh();
      try (Snapshot<String[]> snapshot = index.acquire()) {
        LeafReader leaf = snapshot.segments().get(0).context().reader();
        List<String> fields = new ArrayList<>();
        for (FieldInfo field : leaf.getFieldInfos()) {
          fields.add(field.name + (field.getIndexOptions() == IndexOptions.NONE ? "" : " indexed")
              + (field.getDocValuesType() == DocValuesType.NONE ? "" : " " + field.getDocValuesType()));
        }
        assertThat(fields)
            .as("ranking reads columns built from the record; no title, skill or description text"
                + " is analysed or stored besides it")
            .containsExactlyInAnyOrder("id indexed", "record BINARY");
        assertThat(idsMatching(snapshot, new TermQuery(new Term(OpportunityFields.ID, "V-1"))))
            .as("the id term finds the document an upsert replaces")
            .containsExactly("V-1");
      }
    }
  }

  @Test
  void aSavedIndexWithoutTheRecordFormatIsRefusedWithAMessageToRebuildIt(@TempDir Path tmp)
      throws IOException {
    Path dir = tmp.resolve("old-index");
    try (FSDirectory directory = FSDirectory.open(dir);
        IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig())) {
      // What an earlier version wrote: a document without the record, a commit without format.
      Document doc = new Document();
      doc.add(new StringField(OpportunityFields.ID, "V-1", Field.Store.NO));
      writer.addDocument(doc);
      writer.commit();
    }
    for (boolean readOnly : new boolean[] {false, true}) {
      OpportunityIndex.Builder<String[]> builder =
          OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir);
      if (readOnly) {
        builder.readOnly();
      }
      assertThatThrownBy(builder::build)
          .as(readOnly ? "read-only" : "writable")
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(dir.toString())
          .hasMessageContaining("written by an older version")
          .hasMessageContaining("build it again from the opportunity file");
    }
  }

  @Test
  void aLargeMergedIndexIsDecodedOnSeveralThreadsIntoTheSameColumns(@TempDir Path dir)
      throws IOException {
    int n = 40_000;
    try (OpportunityIndex<String[]> index =
        OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir).build()) {
      for (int i = 0; i < n; i++) {
        index.upsert(vacancy("V-" + i, "Helfer " + i));
      }
      index.forceMerge(1);
      index.commit();
    }
    for (int threads : new int[] {1, 3}) {
      try (OpportunityIndex<String[]> reopened = OpportunityIndex.builder(new Fixtures.IdColumns())
              .directory(dir).readOnly().indexingThreads(threads).build();
          Snapshot<String[]> snapshot = reopened.acquire()) {
        assertThat(snapshot.segments()).hasSize(1);
        Segment<String[]> segment = snapshot.segments().get(0);
        Set<String> ids = new java.util.HashSet<>();
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
          String id = segment.columns()[doc];
          if (!id.equals(snapshot.id(doc))) {
            throw new AssertionError("threads " + threads + ": doc " + doc + " has column " + id
                + " but record " + snapshot.id(doc));
          }
          ids.add(id);
        }
        assertThat(ids).as("threads " + threads).hasSize(n);
      }
    }
  }

  @Test
  void anIndexOnDiskReopensWithTheSameOpportunities(@TempDir Path tmp) {
    Path dir = tmp.resolve("var/opportunities");
    List<Opportunity> opportunities = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      opportunities.add(i % 2 == 0 ? nurseAide("V-" + i) : vacancy("V-" + i, "Helfer " + i));
    }
    Fixtures.IdColumns columns = new Fixtures.IdColumns();
    try (OpportunityIndex<String[]> index = OpportunityIndex.builder(columns).directory(dir).build()) {
      index.upsertAll(opportunities);
      index.delete("V-7");
      index.commit();
    }

    Fixtures.IdColumns reopenedColumns = new Fixtures.IdColumns();
    try (OpportunityIndex<String[]> reopened =
            OpportunityIndex.builder(reopenedColumns).directory(dir).build();
        Snapshot<String[]> snapshot = reopened.acquire()) {
      assertThat(snapshot.size()).as("all but the deleted one, without refresh").isEqualTo(49);
      assertThat(reopenedColumns.builds.get())
          .as("columns are rebuilt from the stored records at open")
          .isEqualTo(snapshot.segments().size());
      List<Opportunity> stored = new ArrayList<>();
      for (Segment<String[]> segment : snapshot.segments()) {
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
          if (segment.isLive(doc)) {
            Opportunity o = snapshot.opportunity(segment.docBase() + doc);
            assertThat(segment.columns()[doc]).as("columns of the reopened index").isEqualTo(o.id());
            stored.add(o);
          }
        }
      }
      List<Opportunity> expected = new ArrayList<>(opportunities);
      expected.remove(7);
      assertThat(stored).as("the same opportunities").containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  @Test
  void closingCommitsPendingChanges(@TempDir Path dir) {
    try (OpportunityIndex<String[]> index =
        OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir).build()) {
      index.upsert(vacancy("V-1", "Koch (m/w/d)"));
    }
    try (OpportunityIndex<String[]> reopened =
        OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir).build()) {
      assertThat(reopened.size()).as("close commits").isEqualTo(1);
    }
  }

  @Test
  void aRollbackKeepsTheLastCommitAndDiscardsWhatCameAfter(@TempDir Path dir) {
    try (OpportunityIndex<String[]> index =
        OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir).build()) {
      index.upsert(vacancy("V-1", "Koch (m/w/d)"));
      index.commit();
      index.upsert(vacancy("V-2", "Bäcker (m/w/d)"));
      index.rollback();
    } // closing after a rollback does nothing
    try (OpportunityIndex<String[]> reopened =
        OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir).build()) {
      assertThat(reopened.size()).as("only the committed opportunity").isEqualTo(1);
    }
  }

  @Test
  void aSecondIndexOnTheSameDirectoryIsRefusedNamingIt(@TempDir Path dir) {
    try (OpportunityIndex<String[]> first =
        OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir).build()) {
      assertThatThrownBy(
              () -> OpportunityIndex.builder(new Fixtures.IdColumns()).directory(dir).build())
          .as("one writer per directory")
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageContaining(dir.toString());
      assertThat(first.size()).as("the first index stays usable").isZero();
    }
  }

  @Test
  void theBuilderNamesBadValues(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("opportunities.jsonl"), "{}");
    assertThatThrownBy(() -> OpportunityIndex.builder(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("columns factory");
    assertThatThrownBy(() -> OpportunityIndex.builder(new Fixtures.IdColumns()).directory(file))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void upsertAllNamesThePositionOfANullOpportunity() {
    try (OpportunityIndex<String[]> index = memoryIndex()) {
      assertThatThrownBy(() -> index.upsertAll(Arrays.asList(vacancy("V-1", "Koch"), null)))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("position 1");
    }
  }

  @Test
  void aBulkLoadOnSeveralThreadsKeepsTheLastVersionOfEveryId() {
    List<Opportunity> versions = new ArrayList<>();
    for (int version = 1; version <= 3; version++) {
      for (int i = 0; i < 2_000; i++) {
        versions.add(vacancy("V-" + i, "Version " + version));
      }
    }
    Iterable<Opportunity> streamed = versions::iterator; // not a collection: read as a stream
    try (OpportunityIndex<String[]> index =
        OpportunityIndex.builder(new Fixtures.IdColumns()).indexingThreads(4).build()) {
      index.upsertAll(streamed);
      index.refresh();
      try (Snapshot<String[]> snapshot = index.acquire()) {
        assertThat(snapshot.size()).isEqualTo(2_000);
        List<String> titles = liveOpportunities(snapshot).stream().map(Opportunity::title).distinct().toList();
        assertThat(titles).containsExactly("Version 3");
        assertColumnsHoldTheirSegmentsIds(snapshot);
      }
    }
  }

  @Test
  void aBulkLoadOnSeveralThreadsNamesThePositionOfANullAndKeepsWhatCameBefore() {
    List<Opportunity> opportunities = new ArrayList<>();
    for (int i = 0; i < 3_000; i++) {
      opportunities.add(i == 2_500 ? null : vacancy("V-" + i, "Koch"));
    }
    Iterable<Opportunity> streamed = opportunities::iterator;
    try (OpportunityIndex<String[]> index =
        OpportunityIndex.builder(new Fixtures.IdColumns()).indexingThreads(3).build()) {
      assertThatThrownBy(() -> index.upsertAll(streamed))
          .isInstanceOf(NullPointerException.class)
          .hasMessageContaining("position 2500");
      index.refresh();
      try (Snapshot<String[]> snapshot = index.acquire()) {
        assertThat(snapshot.size()).isEqualTo(2_500);
      }
    }
  }

  @Test
  void theBuilderRefusesIndexingThreadsOutOfRange() {
    assertThatThrownBy(() -> OpportunityIndex.builder(new Fixtures.IdColumns()).indexingThreads(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("indexingThreads")
        .hasMessageContaining("was 0");
    assertThatThrownBy(() -> OpportunityIndex.builder(new Fixtures.IdColumns()).indexingThreads(65))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("was 65");
  }

  @Test
  void aRefreshBuildsTheColumnsOfSeveralNewSegmentsAtOnce() {
    Fixtures.IdColumns ids = new Fixtures.IdColumns();
    Set<String> builders = ConcurrentHashMap.newKeySet();
    SegmentColumnsFactory<String[]> columns = docs -> {
      builders.add(Thread.currentThread().getName());
      return ids.build(docs);
    };
    try (OpportunityIndex<String[]> index =
        OpportunityIndex.builder(columns).indexingThreads(2).build()) {
      for (int segment = 0; segment < 3; segment++) {
        for (int i = 0; i < 500; i++) {
          index.upsert(vacancy("V-" + segment + "-" + i, "Koch"));
        }
        index.commit(); // flushes a segment without opening a reader on it
      }
      index.refresh();
      try (Snapshot<String[]> snapshot = index.acquire()) {
        assertThat(snapshot.segments()).hasSize(3);
        assertThat(ids.builds).hasValue(3);
        assertThat(builders).as("built by the refresh's helper threads, not the caller")
            .isNotEmpty()
            .allMatch(name -> name.equals("passgenau-columns"));
        assertColumnsHoldTheirSegmentsIds(snapshot);
      }
    }
  }

  private static void assertColumnsHoldTheirSegmentsIds(Snapshot<String[]> snapshot) {
    for (Segment<String[]> segment : snapshot.segments()) {
      for (int doc = 0; doc < segment.maxDoc(); doc++) {
        assertThat(segment.columns()[doc]).isEqualTo(snapshot.opportunity(segment.docBase() + doc).id());
      }
    }
  }

  private static List<Opportunity> liveOpportunities(Snapshot<String[]> snapshot) {
    List<Opportunity> live = new ArrayList<>();
    for (Segment<String[]> segment : snapshot.segments()) {
      for (int doc = 0; doc < segment.maxDoc(); doc++) {
        if (segment.isLive(doc)) {
          live.add(snapshot.opportunity(segment.docBase() + doc));
        }
      }
    }
    return live;
  }

  @Test
  void aSnapshotRefusesLeavesOfAnotherSnapshot() {
    try (OpportunityIndex<String[]> index = memoryIndex()) {
      index.upsert(vacancy("V-1", "Koch"));
      index.refresh();
      try (Snapshot<String[]> first = index.acquire()) {
        index.upsert(vacancy("V-2", "Bäcker"));
        index.refresh();
        try (Snapshot<String[]> second = index.acquire()) {
          assertThatThrownBy(() -> first.segment(second.segments().get(0).context()))
              .as("columns of one snapshot must not be read with another's doc ids")
              .isInstanceOf(IllegalArgumentException.class);
          assertThat(second.segment(second.segments().get(0).context()))
              .isSameAs(second.segments().get(0));
        }
      }
    }
  }


  private static int firstLiveDoc(Snapshot<String[]> snapshot) {
    for (Segment<String[]> segment : snapshot.segments()) {
      for (int doc = 0; doc < segment.maxDoc(); doc++) {
        if (segment.isLive(doc)) {
          return segment.docBase() + doc;
        }
      }
    }
    throw new AssertionError("no live doc");
  }
}
