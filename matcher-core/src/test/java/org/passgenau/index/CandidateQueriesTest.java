package org.passgenau.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passgenau.index.Fixtures.idsMatching;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;

class CandidateQueriesTest {

  private static final double VIERSEN_LAT = 51.2562;
  private static final double VIERSEN_LON = 6.3905;
  /** The mean earth radius Lucene's haversine uses. */
  private static final double EARTH_RADIUS_KM = 6371.0087714;

  private final List<Opportunity> opportunities = new ArrayList<>();
  private OpportunityIndex<String[]> index;
  private Snapshot<String[]> snapshot;

  @BeforeEach
  void indexOpportunitiesAroundTheLowerRhine() {
    Random random = new Random(7);
    OpportunityKind[] kinds = OpportunityKind.values();
    String[] isco = {"5321", "532", "5", "2221", "9412"};
    for (int i = 0; i < 300; i++) {
      boolean dutch = i % 3 == 0;
      Opportunity.Builder b =
          Opportunity.builder("O-" + i, kinds[i % kinds.length], "Stelle " + i)
              .occupation(Occupation.isco(isco[i % isco.length]))
              .location(
                  Location.of(
                      VIERSEN_LAT + (random.nextDouble() - 0.5) * 2,
                      VIERSEN_LON + (random.nextDouble() - 0.5) * 3,
                      dutch ? "NL-LI" : "DE-NW",
                      dutch ? "NL" : "DE"));
      if (i % 7 == 0) {
        b.remote(true);
      }
      opportunities.add(b.build());
    }
    opportunities.add(
        Opportunity.builder("O-nowhere", OpportunityKind.TRAINING, "Online-Sprachkurs")
            .remote(true)
            .build());
    index = Fixtures.memoryIndex();
    index.upsertAll(opportunities);
    index.refresh();
    snapshot = index.acquire();
  }

  @AfterEach
  void close() {
    snapshot.close();
    index.close();
  }

  @Test
  void theDistanceQueryFindsExactlyTheOpportunitiesWithinTheRadius() {
    double km = 40;
    Set<String> expected = new TreeSet<>();
    Set<String> onTheEdge = new TreeSet<>();
    for (Opportunity o : opportunities) {
      Location at = o.location();
      if (at == null || !at.hasCoordinates()) {
        continue;
      }
      double distance = haversineKm(VIERSEN_LAT, VIERSEN_LON, at.lat(), at.lon());
      if (Math.abs(distance - km) < 0.001) {
        onTheEdge.add(o.id()); // Lucene rounds coordinates to about a centimetre.
      } else if (distance < km) {
        expected.add(o.id());
      }
    }
    Set<String> found = idsMatching(snapshot, CandidateQueries.withinKm(VIERSEN_LAT, VIERSEN_LON, km));
    found.removeAll(onTheEdge);

    assertThat(expected).as("the fixture has opportunities inside and outside").hasSizeBetween(20, 250);
    assertThat(found).as("hits agree with the great-circle distance").isEqualTo(expected);
  }

  @Test
  void theBoxQueryHoldsTheWholeCircleButNotFarBeyondIt() {
    double km = 25;
    Set<String> box = idsMatching(snapshot, CandidateQueries.boxAroundKm(VIERSEN_LAT, VIERSEN_LON, km));
    Set<String> circle = idsMatching(snapshot, CandidateQueries.withinKm(VIERSEN_LAT, VIERSEN_LON, km));

    assertThat(box).as("every opportunity within the circle is in the box").containsAll(circle);
    assertThat(box.size()).as("the box adds only its corners").isGreaterThan(circle.size())
        .isLessThan(circle.size() * 2);
    for (Opportunity o : opportunities) {
      if (box.contains(o.id())) {
        double distance = haversineKm(VIERSEN_LAT, VIERSEN_LON, o.location().lat(), o.location().lon());
        assertThat(distance).as("%s lies within the box's corners", o.id()).isLessThan(km * Math.sqrt(2) + 0.1);
      }
    }
  }

  @Test
  void kindsKeepOnlyTheAskedKinds() {
    Set<OpportunityKind> asked = EnumSet.of(OpportunityKind.APPRENTICESHIP, OpportunityKind.TRAINING);
    assertThat(idsMatching(snapshot, CandidateQueries.kinds(asked)))
        .as("apprenticeships and training measures")
        .isEqualTo(idsWhere(o -> asked.contains(o.kind())));
    assertThat(idsMatching(snapshot, CandidateQueries.kinds(EnumSet.noneOf(OpportunityKind.class))))
        .as("no kinds, no candidates")
        .isEmpty();
  }

  @Test
  void regionAndCountryMatchTheLocationCodes() {
    assertThat(idsMatching(snapshot, CandidateQueries.region("NL-LI")))
        .as("Dutch Limburg")
        .isEqualTo(idsWhere(o -> o.location() != null && "NL-LI".equals(o.location().region())))
        .isNotEmpty();
    assertThat(idsMatching(snapshot, CandidateQueries.country("DE")))
        .as("Germany")
        .isEqualTo(idsWhere(o -> o.location() != null && "DE".equals(o.location().country())))
        .isNotEmpty();
  }

  @Test
  void anIscoPrefixFindsTheFinerCodesBelowIt() {
    assertThat(idsMatching(snapshot, CandidateQueries.iscoPrefix("53")))
        .as("care workers 5321 and 532, not the whole major group 5")
        .isEqualTo(idsWhere(o -> iscoStartsWith(o, "53")));
    assertThat(idsMatching(snapshot, CandidateQueries.iscoPrefix("5")))
        .as("the major group holds all of them")
        .isEqualTo(idsWhere(o -> iscoStartsWith(o, "5")));
  }

  @Test
  void remoteOpportunitiesAreFoundWhereverTheyAre() {
    BooleanQuery nearOrRemote =
        new BooleanQuery.Builder()
            .add(CandidateQueries.withinKm(VIERSEN_LAT, VIERSEN_LON, 5), Occur.SHOULD)
            .add(CandidateQueries.remote(), Occur.SHOULD)
            .add(CandidateQueries.kinds(EnumSet.of(OpportunityKind.TRAINING)), Occur.FILTER)
            .setMinimumNumberShouldMatch(1)
            .build();
    assertThat(idsMatching(snapshot, CandidateQueries.remote()))
        .isEqualTo(idsWhere(o -> Boolean.TRUE.equals(o.remote())));
    assertThat(idsMatching(snapshot, nearOrRemote))
        .as("a remote course without a location is still a candidate")
        .contains("O-nowhere");
    assertThat(idsMatching(snapshot, CandidateQueries.all())).hasSize(opportunities.size());
  }

  @Test
  void badArgumentsAreNamed() {
    assertThatThrownBy(() -> CandidateQueries.iscoPrefix("53a")).hasMessageContaining("'53a'");
    assertThatThrownBy(() -> CandidateQueries.withinKm(51, 6, -1)).hasMessageContaining("-1");
    assertThatThrownBy(() -> CandidateQueries.withinKm(91, 6, 10)).hasMessageContaining("91");
    assertThatThrownBy(() -> CandidateQueries.region(" ")).hasMessageContaining("region");
    assertThatThrownBy(() -> CandidateQueries.kinds(null)).hasMessageContaining("kinds");
  }

  private Set<String> idsWhere(Predicate<Opportunity> test) {
    Set<String> ids = new TreeSet<>();
    for (Opportunity o : opportunities) {
      if (test.test(o)) {
        ids.add(o.id());
      }
    }
    return ids;
  }

  private static boolean iscoStartsWith(Opportunity o, String prefix) {
    return o.occupation() != null && o.occupation().isco().startsWith(prefix);
  }

  private static double haversineKm(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double h =
        Math.pow(Math.sin(dLat / 2), 2)
            + Math.cos(Math.toRadians(lat1)) * Math.cos(Math.toRadians(lat2))
                * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.sqrt(h));
  }
}
