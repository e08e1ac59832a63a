package org.passgenau.rank;

import java.util.ArrayList;
import java.util.List;
import org.passgenau.model.Opportunity;

/**
 * The engines one scenario test opens, all closed by {@link #close()} after the test. Not
 * thread-safe: one per test instance.
 */
final class ScenarioEngines implements AutoCloseable {

  private final List<MatchingEngine> open = new ArrayList<>();

  /** Keeps {@code engine} to close it after the test, and returns it. */
  MatchingEngine track(MatchingEngine engine) {
    open.add(engine);
    return engine;
  }

  /** A default engine in memory holding {@code opportunities}, refreshed so matches see them. */
  MatchingEngine holding(Opportunity... opportunities) {
    MatchingEngine engine = track(MatchingEngine.builder().build());
    engine.upsertAll(List.of(opportunities));
    engine.refresh();
    return engine;
  }

  @Override
  public void close() {
    open.forEach(MatchingEngine::close);
    open.clear();
  }
}
