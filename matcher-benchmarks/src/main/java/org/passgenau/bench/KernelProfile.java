package org.passgenau.bench;

import java.util.List;
import org.passgenau.model.Profile;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.MatchingEngine;

/**
 * A plain loop over the ranking kernel, for a profiler (JFR) and for a quick check that a change
 * leaves results alone: builds the engine of {@code args[0]} opportunities (default 100,000),
 * ranks the benchmarks' profile pool {@code args[1]} times (default 20) on one thread and prints
 * the time per profile and a digest of every result of the last round.
 *
 * <pre>{@code
 * java -XX:StartFlightRecording=filename=k.jfr,settings=profile \
 *     -cp matcher-benchmarks/target/benchmarks.jar org.passgenau.bench.KernelProfile 100000 40
 * }</pre>
 */
public final class KernelProfile {

  private KernelProfile() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    List<Profile> pool =
        new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).profiles(RankingBenchmark.POOL);
    try (MatchingEngine engine = Corpora.engine(n)) {
      long digest = 0;
      for (int round = 0; round < rounds; round++) {
        long start = System.nanoTime();
        digest = 0;
        for (Profile p : pool) {
          MatchResult r = engine.match(p, RankingBenchmark.OPTIONS);
          digest = digest * 31 + r.toString().hashCode();
        }
        long nanos = System.nanoTime() - start;
        System.out.printf("round %d: %.3f ms per profile%n",
            round, nanos / 1e6 / pool.size());
      }
      System.out.printf("digest of the last round: %016x%n", digest);
    }
  }
}
