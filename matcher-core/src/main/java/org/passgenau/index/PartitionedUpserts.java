package org.passgenau.index;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.passgenau.model.Opportunity;

/**
 * Upserts a stream of opportunities on several threads, for bulk loads: encoding records and
 * adding documents is spread over the lanes, and {@link org.apache.lucene.index.IndexWriter}
 * accepts documents from many threads at once.
 *
 * <p>Push style, so that a reader which hands over records one by one can feed it: {@link
 * #accept} each opportunity, then {@link #close()}, which returns when every one is upserted. Each
 * id always goes to the same thread (its lane), in stream order, so a later opportunity with the
 * same id still replaces an earlier one, as with one thread. Opportunities are handed over in
 * batches; each lane holds a few batches at most, so a stream of millions is never all in memory.
 * The lanes' threads live until {@code close}.
 *
 * <p>After a failure the lanes stop at their next opportunity rather than being interrupted: an
 * interrupt during file I/O closes Lucene's channels and would leave the index unusable. The
 * failure is rethrown, as it was thrown, by the next {@code accept} or by {@code close}.
 *
 * <p>Not thread-safe: one thread feeds it.
 */
final class PartitionedUpserts implements OpportunityIndex.Bulk {

  private static final int BATCH = 256;
  private static final int BATCHES_IN_FLIGHT_PER_LANE = 4;

  private final ExecutorService[] lanes;
  private final List<ArrayDeque<Future<?>>> inFlight = new ArrayList<>();
  private final List<List<Opportunity>> filling = new ArrayList<>();
  private final Consumer<Opportunity> upsert;
  /** Set when the run fails: lanes skip what they have not started. */
  private volatile boolean stopped;
  private boolean closed;
  private long accepted;

  PartitionedUpserts(int threads, Consumer<Opportunity> upsert) {
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
    try (PartitionedUpserts run = new PartitionedUpserts(threads, upsert)) {
      for (Opportunity opportunity : opportunities) {
        if (opportunity == null) {
          run.finish();
          throw new NullPointerException("opportunity at position " + run.accepted + " is null");
        }
        run.accept(opportunity);
      }
    }
  }

  /**
   * Hands {@code opportunity} to its lane; waits while that lane is full.
   *
   * @throws IllegalStateException after {@link #close()}
   * @throws RuntimeException a lane's earlier failure, as it was thrown
   */
  @Override
  public void accept(Opportunity opportunity) {
    Objects.requireNonNull(opportunity, "opportunity must not be null");
    if (closed) {
      throw new IllegalStateException("the bulk upsert is closed");
    }
    int lane = Math.floorMod(opportunity.id().hashCode(), lanes.length);
    List<Opportunity> batch = filling.get(lane);
    batch.add(opportunity);
    accepted++;
    if (batch.size() == BATCH) {
      guard(() -> submit(lane));
    }
  }

  /**
   * Upserts what is still buffered, waits for every lane and stops their threads. Closing again
   * does nothing.
   *
   * @throws RuntimeException the first failure of a lane, as it was thrown
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      guard(this::finish);
    } finally {
      // Returns only when no lane touches the index any more.
      for (ExecutorService lane : lanes) {
        lane.shutdown();
        Uninterruptibles.awaitTerminationUninterruptibly(lane);
      }
    }
  }

  /** Runs {@code step}; on a failure, stops the lanes before passing it on. */
  private void guard(Runnable step) {
    try {
      step.run();
    } catch (RuntimeException | Error e) {
      stopped = true;
      closed = true;
      for (ExecutorService lane : lanes) {
        lane.shutdown();
        Uninterruptibles.awaitTerminationUninterruptibly(lane);
      }
      throw e;
    }
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
