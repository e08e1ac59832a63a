package org.passgenau.eval;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.util.concurrent.ThreadFactoryBuilder;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Applies a function to every input on several threads and hands each input with its outcome to a
 * sink on the calling thread, in the inputs' order, so that what the sink writes does not depend
 * on scheduling. At most {@code 4 * threads} outcomes wait in memory, however many inputs.
 *
 * <pre>{@code
 * OrderedParallelMap.run(profiles, 4, "match", p -> engine.match(p, options),
 *     (profile, result) -> writer.write(result));
 * }</pre>
 *
 * <p>The one implementation behind the {@code match}, {@code features} and {@code audit}
 * commands and {@link RuleSetRunner}. The worker threads are daemons, so a failure never leaves
 * the JVM running; a failing function stops the run with its own exception on the calling thread.
 */
public final class OrderedParallelMap {

  private OrderedParallelMap() {}

  /**
   * Runs {@code work} on every input and calls {@code sink} with each input and its outcome, on
   * the calling thread, in input order.
   *
   * @param name names the worker threads ({@code passgenau-NAME-0}, ...)
   * @throws RuntimeException or {@link Error} as thrown by {@code work} or {@code sink}
   * @throws InterruptedException when the calling thread is interrupted while waiting
   */
  public static <I, O> void run(
      List<I> inputs,
      int threads,
      String name,
      Function<? super I, ? extends O> work,
      BiConsumer<? super I, ? super O> sink)
      throws InterruptedException {
    checkNotNull(inputs, "inputs");
    checkArgument(threads >= 1, "threads must be at least 1, was %s", threads);
    checkNotNull(work, "work");
    checkNotNull(sink, "sink");
    ExecutorService pool =
        Executors.newFixedThreadPool(
            threads,
            new ThreadFactoryBuilder()
                .setNameFormat("passgenau-" + name + "-%d")
                .setDaemon(true)
                .build());
    int window = threads * 4;
    Deque<InFlight<I, O>> pending = new ArrayDeque<>(window);
    try {
      for (I input : inputs) {
        pending.add(new InFlight<>(input, pool.submit(() -> work.apply(input))));
        if (pending.size() >= window) {
          pending.removeFirst().handTo(sink);
        }
      }
      while (!pending.isEmpty()) {
        pending.removeFirst().handTo(sink);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /** An input and its outcome, under way. */
  private record InFlight<I, O>(I input, Future<? extends O> outcome) {
    void handTo(BiConsumer<? super I, ? super O> sink) throws InterruptedException {
      O value;
      try {
        value = outcome.get();
      } catch (ExecutionException e) {
        // The function's own exception, so that the caller's failure handling can describe it.
        if (e.getCause() instanceof RuntimeException runtime) {
          throw runtime;
        }
        if (e.getCause() instanceof Error error) {
          throw error;
        }
        throw new IllegalStateException(e.getCause());
      }
      sink.accept(input, value);
    }
  }
}
