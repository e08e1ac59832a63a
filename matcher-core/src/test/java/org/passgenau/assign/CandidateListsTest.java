package org.passgenau.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchOptions;
import org.passgenau.rank.MatchingEngine;

/** The problem an engine poses: each person's own best list, as match ranks it. */
class CandidateListsTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
  private static final Location VIERSEN = Location.of(51.2562, 6.3905, "DE-NW", "DE");
  private static final Location KREFELD = Location.of(51.3388, 6.5853, "DE-NW", "DE");

  private static Opportunity post(String id, String isco, int places, Location where) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, "Stelle")
        .occupation(Occupation.isco(isco)).location(where).openPositions(places).build();
  }

  private static Profile person(String id, String wish) {
    return Profile.builder(id).location(VIERSEN)
        .desiredOccupations(List.of(Occupation.isco(wish)))
        .mobility(new Mobility(null, null, null, false, false)).build();
  }

  @Test
  void eachPersonsListIsTheirOwnMatchCutToKWithTheOpportunitiesPlaces() {
    List<Opportunity> posts = List.of(post("V-1", "9333", 1, KREFELD),
        post("V-2", "5321", 3, VIERSEN), post("V-3", "9412", 2, KREFELD));
    List<Profile> people = List.of(person("P-1", "9333"), person("P-2", "5321"),
        person("P-3", "9412"));
    MatchOptions options = new MatchOptions(2, TODAY, Locale.ENGLISH);
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsertAll(posts);
      engine.refresh();

      AssignmentProblem problem = CandidateLists.of(engine, people, options, 2, done -> {});

      assertThat(problem.people()).isEqualTo(3);
      for (int p = 0; p < people.size(); p++) {
        List<Match> own = engine.match(people.get(p), options).matches();
        List<String> listed = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (int r = 0; r < problem.listSize(p); r++) {
          listed.add(problem.opportunityId(problem.choice(p, r)));
          scores.add(problem.choiceScore(p, r));
        }
        assertThat(listed).as("list of %s", people.get(p).id())
            .isEqualTo(own.stream().map(Match::opportunityId).toList());
        assertThat(scores).isEqualTo(own.stream().map(Match::score).toList());
      }
      for (int o = 0; o < problem.opportunities(); o++) {
        String id = problem.opportunityId(o);
        assertThat(problem.capacity(o)).as("places of %s", id)
            .isEqualTo(posts.stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow().positions());
      }
    }
  }
}
