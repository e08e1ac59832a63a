package org.passgenau.assign;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.passgenau.io.JsonLinesReader;
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
  void aPairWithANegativeScoreIsNeverListed() {
    // From the generated corpus: German A1 where A2 is asked, with language training, near the
    // limit of a 30-minute commute, far from the person's wishes: admitted, but below zero.
    Opportunity course = JsonLinesReader.opportunities().read(new StringReader(
        "{\"id\":\"DE-18119\",\"kind\":\"training\",\"title\":\"Qualifizierung Dolmetscher"
        + "\",\"description\":\"Dolmetscher in T\u00f6nisvorst, Arabisch\",\"occupation\":{\"i"
        + "sco\":\"2643\"},\"level\":\"expert\",\"skills\":[\"Dari\"],\"language_requirements"
        + "\":[{\"language\":\"de\",\"min_level\":\"A2\"}],\"language_support\":true,\"locati"
        + "on\":{\"lat\":51.31944,\"lon\":6.45038,\"postal_code\":\"47918\",\"place\":\"T\u00f6nis"
        + "vorst\",\"region\":\"DE-NW\",\"country\":\"DE\"},\"hours_per_week\":{\"min\":20.0,\""
        + "max\":35.0},\"shift_work\":false,\"night_work\":false,\"weekend_work\":false,"
        + "\"physical_demand\":\"low\",\"monthly_gross_eur\":716.0,\"start_date\":\"2027-0"
        + "1-22\",\"application_deadline\":\"2027-01-30\",\"posted_date\":\"2026-10-28\",\""
        + "employer\":{\"id\":\"E-47918-112\",\"name\":\"T\u00f6nisvorst tolk 379\"},\"source\":\""
        + "uwv-werk-nl\"}"), "course").records().get(0);
    Profile person = JsonLinesReader.profiles().read(new StringReader(
        "{\"id\":\"P-3104\",\"languages\":[{\"language\":\"fa\",\"level\":\"C2\"},{\"language\""
        + ":\"de\",\"level\":\"A1\"}],\"qualifications\":[],\"experience\":[],\"skills\":[\"Bl"
        + "utabnahme\"],\"desired_occupations\":[{\"isco\":\"7512\"},{\"isco\":\"9333\"}],\"s"
        + "chool\":\"intermediate\",\"birth_year\":1987,\"location\":{\"lat\":51.21545,\"lo"
        + "n\":6.44743,\"postal_code\":\"41061\",\"place\":\"M\u00f6nchengladbach\",\"region\":\"D"
        + "E-NW\",\"country\":\"DE\"},\"mobility\":{\"max_commute_minutes\":30.0,\"driving_"
        + "license\":[],\"car\":false,\"willing_to_relocate\":false},\"residence_obliga"
        + "tion\":{\"region\":\"DE-NW\",\"until\":\"2027-07-06\"},\"work_permit\":{\"status\":"
        + "\"residence_permit\",\"work_ban\":\"none\",\"approval_required\":false},\"avail"
        + "ability\":{\"available_from\":\"2027-01-23\",\"max_hours_per_week\":25.0,\"shi"
        + "ft_ok\":false,\"night_ok\":true,\"weekend_ok\":true},\"family\":{\"children_un"
        + "der_3\":1,\"children_school_age\":0,\"childcare_arranged\":false,\"single_pa"
        + "rent\":false},\"health\":{\"max_physical_demand\":\"low\",\"needs_accessible_w"
        + "orkplace\":true},\"audit\":{\"gender\":\"m\",\"nationality\":\"AF\"}}"), "person").records().get(0);
    MatchOptions options = new MatchOptions(5, TODAY, Locale.ENGLISH);
    try (MatchingEngine engine = MatchingEngine.builder().build()) {
      engine.upsert(course);
      engine.refresh();
      List<Match> own = engine.match(person, options).matches();
      assertThat(own).as("the pair is admitted with a negative score").singleElement()
          .satisfies(m -> assertThat(m.score()).isNegative());

      AssignmentProblem problem = CandidateLists.of(engine, List.of(person), options, 1, d -> {});

      assertThat(problem.listSize(0)).isZero();
    }
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
        List<Match> proposable = own.stream().filter(m -> m.score() >= 0).toList();
        assertThat(listed).as("list of %s", people.get(p).id())
            .isEqualTo(proposable.stream().map(Match::opportunityId).toList());
        assertThat(scores).isEqualTo(proposable.stream().map(Match::score).toList());
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
