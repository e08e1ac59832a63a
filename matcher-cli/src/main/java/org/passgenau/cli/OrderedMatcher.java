package org.passgenau.cli;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.passgenau.eval.OrderedParallelMap;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/**
 * Matches profiles on several threads (the engine is thread-safe) and hands the results on in the
 * profiles' order, so that the output does not depend on scheduling ({@link OrderedParallelMap}).
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
    OrderedParallelMap.run(
        profiles, threads, "match", work, (profile, outcome) -> sink.accept(outcome));
  }
}
