package org.passgenau.assign;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.BatchMatcher;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchingEngine;

/**
 * The assignment problem a matching engine poses: each person's {@code k} best admitted
 * opportunities with the pair scores {@code match} reports, and each listed opportunity's
 * {@code open_positions}. The lists come from {@link BatchMatcher}, so they hold what {@code
 * match --top k} would write, except pairs with a score below zero: proposing one would lower the
 * total below leaving the person without a proposal, which scores zero, so neither method may
 * choose it.
 *
 * <pre>{@code
 * AssignmentProblem problem = CandidateLists.of(engine, people,
 *     MatchOptions.defaults().withTopK(50), 4, done -> {});
 * Assignment optimal = Assigner.optimal(problem, done -> {});
 * }</pre>
 */
public final class CandidateLists {

  private CandidateLists() {}

  /**
   * Ranks every person's best {@code options.topK()} opportunities on {@code threads} threads
   * and builds the problem; {@code progress} gets the number of people ranked so far. People
   * with the same id must not repeat.
   *
   * @throws IllegalArgumentException naming the id when a person repeats
   */
  public static AssignmentProblem of(MatchingEngine engine, List<Profile> people,
      MatchOptions options, int threads, IntConsumer progress) {
    Objects.requireNonNull(engine, "engine");
    Objects.requireNonNull(people, "people");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(progress, "progress");
    // Only ids and scores are kept: the explanations of k matches per person would not fit.
    List<List<String>> ids = new ArrayList<>(people.size());
    List<double[]> scores = new ArrayList<>(people.size());
    Map<String, Integer> capacities = new LinkedHashMap<>();
    int[] done = {0};
    BatchMatcher.builder(engine).options(options).threads(threads).build()
        .matchAll(people, result -> {
          List<Match> matches = result.matches();
          int n = 0;
          while (n < matches.size() && matches.get(n).score() >= 0) {
            n++; // best first, so the negative scores are the tail
          }
          List<String> listed = new ArrayList<>(n);
          double[] scored = new double[n];
          for (int i = 0; i < n; i++) {
            listed.add(matches.get(i).opportunityId());
            scored[i] = matches.get(i).score();
          }
          ids.add(listed);
          scores.add(scored);
          progress.accept(++done[0]);
        });
    AssignmentProblem.Builder problem = AssignmentProblem.builder();
    // Opportunities in the order the lists first name them: deterministic, and only those listed.
    for (List<String> listed : ids) {
      for (String id : listed) {
        if (!capacities.containsKey(id)) {
          int positions = engine.opportunity(id).map(Opportunity::positions)
              .orElseThrow(() -> new IllegalStateException(
                  "opportunity " + id + " left the index while the lists were ranked"));
          capacities.put(id, positions);
          problem.opportunity(id, positions);
        }
      }
    }
    for (int p = 0; p < people.size(); p++) {
      problem.person(people.get(p).id(), ids.get(p), scores.get(p));
    }
    return problem.build();
  }
}
