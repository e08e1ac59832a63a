package org.passgenau.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/**
 * Matches profiles on several threads (the engine is thread-safe) and hands the results on in the
 * profiles' order, so that the output does not depend on scheduling. At most a small window of
 * results waits in memory, however long the profile file.
 */
final class OrderedMatcher {

  private final MatchingEngine engine;
  private final MatchOptions options;
  private final int threads;

  OrderedMatcher(MatchingEngine engine, MatchOptions options, int threads) {
    this.engine = engine;
    this.options = options;
    this.threads = Math.max(1, threads);
  }

  /** Matches every profile and calls {@code sink} on the calling thread, in profile order. */
  void matchAll(List<Profile> profiles, Consumer<MatchResult> sink) throws InterruptedException {
    mapAll(profiles, profile -> engine.match(profile, options), sink);
  }

  /**
   * Runs {@code work} on every profile, on several threads, and calls {@code sink} on the calling
   * thread with the outcomes, in profile order.
   */
  <T> void mapAll(List<Profile> profiles, Function<Profile, T> work, Consumer<T> sink)
      throws InterruptedException {
    ExecutorService pool = Executors.newFixedThreadPool(threads, OrderedMatcher::daemon);
    int window = threads * 4;
    Deque<Future<T>> pending = new ArrayDeque<>(window);
    try {
      for (Profile profile : profiles) {
        pending.add(pool.submit(() -> work.apply(profile)));
        if (pending.size() >= window) {
          sink.accept(next(pending));
        }
      }
      while (!pending.isEmpty()) {
        sink.accept(next(pending));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static <T> T next(Deque<Future<T>> pending) throws InterruptedException {
    try {
      return pending.removeFirst().get();
    } catch (ExecutionException e) {
      // The engine's own exception, so that the failure handler can describe it.
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private static Thread daemon(Runnable task) {
    Thread thread = new Thread(task, "passgenau-match");
    thread.setDaemon(true); // never keeps the JVM alive after a failure
    return thread;
  }
}
