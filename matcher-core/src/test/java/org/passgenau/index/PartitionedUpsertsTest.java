package org.passgenau.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Opportunity;

/** Bulk upserts on several threads keep each id's order and stop cleanly on a failure. */
class PartitionedUpsertsTest {

  @Test
  void everyVersionOfAnIdArrivesInStreamOrder() {
    List<Opportunity> stream = new ArrayList<>();
    for (int version = 0; version < 20; version++) {
      for (int i = 0; i < 500; i++) {
        stream.add(Fixtures.vacancy("V-" + i, Integer.toString(version)));
      }
    }
    Map<String, Integer> lastVersion = new ConcurrentHashMap<>();
    AtomicInteger outOfOrder = new AtomicInteger();
    AtomicInteger upserted = new AtomicInteger();
    PartitionedUpserts.run(stream, 4, o -> {
      int version = Integer.parseInt(o.title());
      Integer before = lastVersion.put(o.id(), version);
      if (before != null && before >= version) {
        outOfOrder.incrementAndGet();
      }
      upserted.incrementAndGet();
    });
    assertThat(upserted).hasValue(10_000);
    assertThat(outOfOrder).hasValue(0);
    assertThat(lastVersion.values()).containsOnly(19);
  }

  @Test
  void aFailureIsRethrownAsItWasAndNoLaneUpsertsAfterTheCallReturns() throws InterruptedException {
    List<Opportunity> stream = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      stream.add(Fixtures.vacancy("V-" + i, "Koch"));
    }
    AtomicInteger upserted = new AtomicInteger();
    IllegalStateException failure = new IllegalStateException("disk full");
    assertThatThrownBy(() -> PartitionedUpserts.run(stream, 3, o -> {
      if (o.id().equals("V-700")) {
        throw failure;
      }
      upserted.incrementAndGet();
    })).isSameAs(failure);
    int whenReturned = upserted.get();
    assertThat(whenReturned).as("the lanes stopped before the end of the stream").isLessThan(19_999);
    Thread.sleep(50); // time for a lane still running to show itself
    assertThat(upserted.get()).as("nothing upserted after the call returned").isEqualTo(whenReturned);
  }
}
