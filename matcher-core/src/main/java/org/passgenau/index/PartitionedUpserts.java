package org.passgenau.index;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.passgenau.model.Opportunity;

/**
 * Upserts a stream of opportunities on several threads, for bulk loads: turning an opportunity
 * into a Lucene document and analysing its text is most of the cost of indexing, and {@link
 * org.apache.lucene.index.IndexWriter} accepts documents from many threads at once.
 *
 * <p>Each id always goes to the same thread (its lane), in stream order, so a later opportunity
 * with the same id still replaces an earlier one, as with one thread. The stream is read on the
 * calling thread and handed over in batches; each lane holds a few batches at most, so a stream of
 * millions is never all in memory. The lanes' threads live for one call.
 *
 * <p>After a failure the lanes stop at their next opportunity rather than being interrupted: an
 * interrupt during file I/O closes Lucene's channels and would leave the index unusable.
 */
final class PartitionedUpserts {

  private static final int BATCH = 256;
  private static final int BATCHES_IN_FLIGHT_PER_LANE = 4;

  private final ExecutorService[] lanes;
  private final List<ArrayDeque<Future<?>>> inFlight = new ArrayList<>();
  private final List<List<Opportunity>> filling = new ArrayList<>();
  private final Consumer<Opportunity> upsert;
  /** Set when the run fails: lanes skip what they have not started. */
  private volatile boolean stopped;

  private PartitionedUpserts(int threads, Consumer<Opportunity> upsert) {
    this.upsert = upsert;
    this.lanes = new ExecutorService[threads];
    for (int i = 0; i < threads; i++) {
      lanes[i] =
          Executors.newSingleThreadExecutor(
              new ThreadFactoryBuilder()
                  .setNameFormat("passgenau-upsert-" + i)
                  .setDaemon(true)
                  .build());
      inFlight.add(new ArrayDeque<>());
      filling.add(new ArrayList<>(BATCH));
    }
  }

  /**
   * Upserts each opportunity with {@code upsert} on {@code threads} threads and returns when all
   * are done.
   *
   * @throws NullPointerException naming the position of a null element, after the ones before it
   *     are upserted
   * @throws RuntimeException the first failure of {@code upsert}, as it was thrown
   */
  static void run(Iterable<Opportunity> opportunities, int threads, Consumer<Opportunity> upsert) {
    PartitionedUpserts run = new PartitionedUpserts(threads, upsert);
    try {
      run.feed(opportunities);
    } catch (RuntimeException | Error e) {
      run.stopped = true;
      throw e;
    } finally {
      // Returns only when no lane touches the index any more.
      for (ExecutorService lane : run.lanes) {
        lane.shutdown();
        Uninterruptibles.awaitTerminationUninterruptibly(lane);
      }
    }
  }

  private void feed(Iterable<Opportunity> opportunities) {
    int position = 0;
    for (Opportunity opportunity : opportunities) {
      if (opportunity == null) {
        finish();
        throw new NullPointerException("opportunity at position " + position + " is null");
      }
      int lane = Math.floorMod(opportunity.id().hashCode(), lanes.length);
      List<Opportunity> batch = filling.get(lane);
      batch.add(opportunity);
      if (batch.size() == BATCH) {
        submit(lane);
      }
      position++;
    }
    finish();
  }

  private void submit(int lane) {
    List<Opportunity> batch = filling.get(lane);
    filling.set(lane, new ArrayList<>(BATCH));
    ArrayDeque<Future<?>> pending = inFlight.get(lane);
    if (pending.size() == BATCHES_IN_FLIGHT_PER_LANE) {
      await(pending.removeFirst());
    }
    pending.addLast(lanes[lane].submit(() -> {
      for (int i = 0; i < batch.size() && !stopped; i++) {
        upsert.accept(batch.get(i));
      }
    }));
  }

  /** Hands over the partly filled batches and waits for every lane to finish. */
  private void finish() {
    for (int lane = 0; lane < lanes.length; lane++) {
      if (!filling.get(lane).isEmpty()) {
        submit(lane);
      }
    }
    for (ArrayDeque<Future<?>> pending : inFlight) {
      while (!pending.isEmpty()) {
        await(pending.removeFirst());
      }
    }
  }

  private static void await(Future<?> batch) {
    try {
      batch.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while upserting opportunities", e);
    } catch (ExecutionException e) {
      Throwables.throwIfUnchecked(e.getCause());
      throw new IllegalStateException("upserting opportunities failed", e.getCause());
    }
  }
}
