package org.passgenau.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.passgenau.index.Fixtures.vacancy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class SnapshotConsistencyTest {

  private static final int OPERATIONS = 2_000;
  private static final int IDS = 150;
  private static final int READERS = 2;

  @Test
  @Timeout(value = 30, unit = TimeUnit.SECONDS)
  void queriesSeeOneConsistentSnapshotWhileVacanciesChange() throws InterruptedException {
    try (OpportunityIndex<String[]> index = Fixtures.memoryIndex()) {
      for (int i = 0; i < IDS; i += 2) {
        index.upsert(vacancy("V-" + i, "Helfer, erste Fassung"));
      }
      index.refresh();
      AtomicBoolean writing = new AtomicBoolean(true);
      ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
      AtomicInteger snapshotsChecked = new AtomicInteger();

      Thread writer =
          new Thread(
              () -> {
                Random random = new Random(42);
                try {
                  for (int op = 0; op < OPERATIONS; op++) {
                    String id = "V-" + random.nextInt(IDS);
                    if (random.nextInt(4) == 0) {
                      index.delete(id);
                    } else {
                      index.upsert(vacancy(id, "Helfer, Fassung " + op));
                    }
                    if (op % 25 == 24) {
                      index.refresh();
                    }
                  }
                  index.refresh();
                } catch (Throwable t) {
                  failures.add(t);
                } finally {
                  writing.set(false);
                }
              },
              "writer");

      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < READERS; r++) {
        readers.add(
            new Thread(
                () -> {
                  try {
                    do {
                      checkOneSnapshot(index);
                      snapshotsChecked.incrementAndGet();
                      // Leave the writer CPU time on small machines; queries arrive in bursts.
                      LockSupport.parkNanos(1_000_000);
                    } while (writing.get());
                  } catch (Throwable t) {
                    failures.add(t);
                  }
                },
                "reader-" + r));
      }
      readers.forEach(Thread::start);
      writer.start();
      writer.join();
      for (Thread reader : readers) {
        reader.join();
      }

      assertThat(failures).as("no exception and no torn snapshot in any thread").isEmpty();
      assertThat(snapshotsChecked.get()).as("readers ran alongside the writer").isGreaterThan(10);
      checkOneSnapshot(index);
      assertThat(index.cachedColumns())
          .as("after all snapshots are closed, only current segments keep columns")
          .isEqualTo(segmentCount(index));
    }
  }

  private static void checkOneSnapshot(OpportunityIndex<String[]> index) {
    try (Snapshot<String[]> snapshot = index.acquire()) {
      int live = 0;
      Set<String> ids = new HashSet<>();
      for (Segment<String[]> segment : snapshot.segments()) {
        String[] columns = segment.columns();
        if (columns.length != segment.maxDoc()) {
          throw new AssertionError("columns of " + columns.length + " docs for " + segment);
        }
        for (int doc = 0; doc < segment.maxDoc(); doc++) {
          if (!segment.isLive(doc)) {
            continue;
          }
          live++;
          String id = snapshot.id(segment.docBase() + doc);
          if (!id.equals(columns[doc])) {
            throw new AssertionError("doc " + doc + " of " + segment + " is " + id
                + " but its column says " + columns[doc]);
          }
          if (!ids.add(id)) {
            throw new AssertionError(id + " is live twice in one snapshot");
          }
        }
      }
      if (live != snapshot.size()) {
        throw new AssertionError("size " + snapshot.size() + " but " + live + " live docs");
      }
      // A query over the searcher visits exactly the snapshot's segments.
      int collected = collectAll(snapshot);
      if (collected != live) {
        throw new AssertionError("the searcher matched " + collected + " of " + live + " live docs");
      }
      // The stored opportunity agrees as well; decoding every doc would slow the readers down.
      if (live > 0) {
        Segment<String[]> first = snapshot.segments().get(0);
        for (int doc = 0; doc < first.maxDoc(); doc++) {
          if (first.isLive(doc)) {
            String stored = snapshot.opportunity(first.docBase() + doc).id();
            if (!stored.equals(first.columns()[doc])) {
              throw new AssertionError("stored " + stored + " but column " + first.columns()[doc]);
            }
            break;
          }
        }
      }
    }
  }

  /** Runs a query the way the ranking core does: columns picked per leaf, read per doc. */
  private static int collectAll(Snapshot<String[]> snapshot) {
    int[] hits = new int[1];
    try {
      snapshot
          .searcher()
          .search(
              new MatchAllDocsQuery(),
              new SimpleCollector() {
                private String[] ids;

                @Override
                protected void doSetNextReader(LeafReaderContext context) {
                  ids = snapshot.segment(context).columns();
                }

                @Override
                public void collect(int doc) {
                  if (ids[doc] == null) {
                    throw new AssertionError("no column value for doc " + doc);
                  }
                  hits[0]++;
                }

                @Override
                public ScoreMode scoreMode() {
                  return ScoreMode.COMPLETE_NO_SCORES;
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return hits[0];
  }

  private static int segmentCount(OpportunityIndex<String[]> index) {
    try (Snapshot<String[]> snapshot = index.acquire()) {
      return snapshot.segments().size();
    }
  }
}
