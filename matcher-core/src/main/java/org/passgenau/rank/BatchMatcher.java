package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;
import static com.google.common.base.Preconditions.checkState;

import com.google.common.base.Throwables;
import com.google.common.util.concurrent.ThreadFactoryBuilder;
import com.google.common.util.concurrent.Uninterruptibles;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.passgenau.model.Profile;

/**
 * Ranks a stream of profiles against one {@link MatchingEngine} on several threads and hands the
 * results to a consumer in the profiles' order, as they become ready. A batch of millions of
 * profiles never sits in memory: at most {@link #maxInFlight()} profiles are submitted and not yet
 * handed on; {@link Run#submit} waits for room beyond that.
 *
 * <pre>{@code
 * BatchMatcher matcher = BatchMatcher.builder(engine)
 *     .options(MatchOptions.defaults().withTopK(20))
 *     .threads(4)
 *     .build();
 * try (ResultWriter results = ResultWriter.of(ResultFormat.JSONL, out);
 *     BatchMatcher.Run run = matcher.start(results::write)) {
 *   JsonLinesReader.profiles().read(in, "profiles.jsonl", run::submit, rejects::add);
 * } // close() waits for the last result
 * }</pre>
 *
 * <p>Each result is exactly what {@code engine.match(profile, options)} returns for that profile;
 * only the scheduling differs.
 *
 * <p>A failure, in a match or in the consumer, stops the run: no further profile is ranked or
 * handed on, the run's threads end, and the original exception reaches the caller from the next
 * {@link Run#submit} or from {@link Run#close}. Failures are reported in input order: the first
 * profile whose match or hand-over failed decides.
 *
 * <p>Thread-safety: a {@code BatchMatcher} is immutable and thread-safe; several runs may go at
 * once on one engine. A {@link Run} is fed by one thread: {@code submit} and {@code close} are
 * not to be called concurrently. The consumer is called on one thread of the run, never
 * concurrently with itself; what it did is visible to the caller once {@code close} returns. The
 * counts may be read from any thread.
 */
public final class BatchMatcher {

  /** The most ranking threads a batch takes. */
  public static final int MAX_THREADS = 256;

  /**
   * Profiles in flight per ranking thread by default: enough that no thread waits for the
   * consumer over a slow profile, few enough that results do not pile up.
   */
  static final int IN_FLIGHT_PER_THREAD = 8;

  /** Marks the end of a run in the queue of results to hand on; never completed by a match. */
  private static final Future<MatchResult> END = CompletableFuture.completedFuture(null);

  private static final AtomicInteger RUNS = new AtomicInteger();

  private final MatchingEngine engine;
  private final MatchOptions options;
  private final int threads;
  private final int maxInFlight;

  private BatchMatcher(Builder builder) {
    this.engine = builder.engine;
    this.options = builder.options;
    this.threads = builder.threads;
    this.maxInFlight =
        builder.maxInFlight > 0 ? builder.maxInFlight : IN_FLIGHT_PER_THREAD * builder.threads;
  }

  /** A builder of a batch matcher ranking against {@code engine}. */
  public static Builder builder(MatchingEngine engine) {
    return new Builder(engine);
  }

  /** The options each profile is ranked with. */
  public MatchOptions options() {
    return options;
  }

  /** How many threads rank at once. */
  public int threads() {
    return threads;
  }

  /** How many profiles may be submitted and not yet handed to the consumer. */
  public int maxInFlight() {
    return maxInFlight;
  }

  /**
   * Starts a run whose results go to {@code results}, in the order of {@link Run#submit}. Close
   * the run to wait for the last result and to end its threads.
   */
  public Run start(Consumer<? super MatchResult> results) {
    checkNotNull(results, "results");
    return new Run(results);
  }

  /**
   * Ranks every profile and hands the results to {@code results} in the profiles' order; returns
   * once the last result was handed on.
   *
   * @return how many profiles were matched
   * @throws RuntimeException or {@link Error} as thrown by a match or by {@code results}
   * @throws CancellationException when the calling thread is interrupted while waiting
   */
  public long matchAll(Iterable<? extends Profile> profiles, Consumer<? super MatchResult> results) {
    checkNotNull(profiles, "profiles");
    try (Run run = start(results)) {
      for (Profile profile : profiles) {
        run.submit(profile);
      }
      run.close();
      return run.matched();
    }
  }

  /**
   * One stream of profiles being ranked. Confined to the thread that feeds it; see {@link
   * BatchMatcher} for what runs where.
   */
  public final class Run implements AutoCloseable {

    private final Consumer<? super MatchResult> sink;
    private final ExecutorService workers;
    /** The match threads the pool started, to wait for when the run stops. */
    private final List<Thread> matchThreads = new ArrayList<>();
    private final Thread handOver;
    /** The matches under way, in submission order; the hand-over thread takes from the head. */
    private final BlockingQueue<Future<MatchResult>> inOrder = new LinkedBlockingQueue<>();
    /** One permit per profile that may still be submitted before one is handed on. */
    private final Semaphore room = new Semaphore(maxInFlight);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile long submitted;
    private volatile long matched;
    // Confined to the feeding thread.
    private boolean closed;
    private boolean failureThrown;

    private Run(Consumer<? super MatchResult> sink) {
      this.sink = sink;
      String name = "passgenau-batch-" + RUNS.incrementAndGet();
      // Daemons: a run its caller forgot to close never keeps the JVM alive.
      ThreadFactory named =
          new ThreadFactoryBuilder().setNameFormat(name + "-match-%d").setDaemon(true).build();
      // Kept so that stopping waits for the threads themselves: an executor reports termination
      // while its last worker thread is still on its way out.
      this.workers = Executors.newFixedThreadPool(threads, task -> {
        Thread thread = named.newThread(task);
        synchronized (matchThreads) {
          matchThreads.add(thread);
        }
        return thread;
      });
      this.handOver = new ThreadFactoryBuilder().setNameFormat(name + "-results").setDaemon(true)
          .build().newThread(this::handOverInOrder);
      handOver.start();
    }

    /**
     * Queues {@code profile} for ranking; waits while {@link BatchMatcher#maxInFlight()} profiles
     * are in flight.
     *
     * @throws IllegalStateException when the run is closed, or failed earlier and said so already
     * @throws RuntimeException or {@link Error} the first failure of the run, once
     * @throws CancellationException when the calling thread is interrupted while waiting; the run
     *     is then stopped and the thread's interrupt status set
     */
    public void submit(Profile profile) {
      checkNotNull(profile, "profile");
      checkState(!closed, "the batch run is closed");
      throwIfFailed();
      try {
        room.acquire();
      } catch (InterruptedException e) {
        throw interrupted();
      }
      if (failure.get() != null) {
        room.release(); // passes the wake-up on to another waiting thread, if any
        throwIfFailed();
      }
      Future<MatchResult> match;
      try {
        match = workers.submit(() -> engine.match(profile, options));
      } catch (RejectedExecutionException e) {
        // The workers stop only after a failure, which is recorded before they do.
        room.release();
        throwIfFailed();
        throw e;
      }
      inOrder.add(match);
      submitted++; // one writer: the feeding thread
    }

    /**
     * Waits until every submitted profile was ranked and handed on, and ends the run's threads.
     * Closing again does nothing.
     *
     * @throws RuntimeException or {@link Error} the run's failure, unless {@code submit} threw it
     * @throws CancellationException when the calling thread is interrupted while waiting; the run
     *     is then stopped and the thread's interrupt status set
     */
    @Override
    public void close() {
      if (!closed) {
        closed = true;
        inOrder.add(END);
      }
      try {
        handOver.join();
      } catch (InterruptedException e) {
        throw interrupted();
      }
      workers.shutdown();
      Uninterruptibles.awaitTerminationUninterruptibly(workers);
      joinMatchThreads();
      Throwable failed = failure.get();
      if (failed != null && !failureThrown) {
        failureThrown = true;
        throw asUnchecked(failed);
      }
    }

    /** How many profiles were submitted so far. */
    public long submitted() {
      return submitted;
    }

    /** How many results were handed to the consumer so far. */
    public long matched() {
      return matched;
    }

    /** The body of the hand-over thread: results in submission order, until the end mark. */
    private void handOverInOrder() {
      try {
        for (Future<MatchResult> next = inOrder.take(); next != END; next = inOrder.take()) {
          MatchResult result;
          try {
            result = next.get();
          } catch (ExecutionException e) {
            fail(e.getCause());
            return;
          }
          sink.accept(result);
          matched++; // one writer: this thread
          room.release();
        }
      } catch (InterruptedException e) {
        // Stopped from outside, with the reason recorded there.
      } catch (Throwable t) { // the consumer's failure, whatever it is, ends the run
        fail(t);
      }
    }

    /** Records the first failure and stops ranking; wakes a feeding thread waiting for room. */
    private void fail(Throwable t) {
      failure.compareAndSet(null, t);
      workers.shutdownNow();
      room.release();
    }

    /** Throws the run's failure, once as itself and then as the cause of a refusal. */
    private void throwIfFailed() {
      Throwable failed = failure.get();
      if (failed == null) {
        return;
      }
      awaitStopped();
      if (!failureThrown) {
        failureThrown = true;
        throw asUnchecked(failed);
      }
      throw new IllegalStateException("the batch run stopped after a failure", failed);
    }

    /** Stops the run for an interrupted feeding thread, keeping the interrupt for its caller. */
    private CancellationException interrupted() {
      CancellationException cancelled =
          new CancellationException("interrupted while waiting for the batch run");
      fail(cancelled);
      handOver.interrupt();
      awaitStopped();
      failureThrown = true;
      Thread.currentThread().interrupt();
      return cancelled;
    }

    private void awaitStopped() {
      Uninterruptibles.joinUninterruptibly(handOver);
      Uninterruptibles.awaitTerminationUninterruptibly(workers);
      joinMatchThreads();
    }

    private void joinMatchThreads() {
      List<Thread> started;
      synchronized (matchThreads) {
        started = List.copyOf(matchThreads);
      }
      for (Thread thread : started) {
        Uninterruptibles.joinUninterruptibly(thread);
      }
    }
  }

  private static RuntimeException asUnchecked(Throwable failure) {
    Throwables.throwIfUnchecked(failure);
    throw new IllegalStateException("a batch match failed", failure);
  }

  /** Configures a {@link BatchMatcher}; not thread-safe. */
  public static final class Builder {

    private final MatchingEngine engine;
    private MatchOptions options = MatchOptions.defaults();
    private int threads = Math.min(MAX_THREADS, Runtime.getRuntime().availableProcessors());
    private int maxInFlight;

    private Builder(MatchingEngine engine) {
      this.engine = checkNotNull(engine, "engine");
    }

    /** The options to rank every profile with (default: {@link MatchOptions#defaults()}). */
    public Builder options(MatchOptions options) {
      this.options = checkNotNull(options, "options");
      return this;
    }

    /** How many threads rank at once, 1 to 256 (default: the available processors). */
    public Builder threads(int threads) {
      checkArgument(threads >= 1 && threads <= MAX_THREADS,
          "threads must be 1 to %s, was %s", MAX_THREADS, threads);
      this.threads = threads;
      return this;
    }

    /**
     * How many profiles may be submitted and not yet handed on, at least 1 (default: 8 per
     * thread). Bounds the memory a run holds, whatever the length of the stream.
     */
    public Builder maxInFlight(int profiles) {
      checkArgument(profiles >= 1, "maxInFlight must be at least 1, was %s", profiles);
      this.maxInFlight = profiles;
      return this;
    }

    /** A batch matcher as configured; the builder may go on to build others. */
    public BatchMatcher build() {
      return new BatchMatcher(this);
    }
  }
}
