package org.passgenau.rank;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.FixedBitSet;
import org.apache.lucene.util.SloppyMath;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;

/**
 * The chord pre-check of the commute filter, document by document and in the reach scan,
 * decides exactly as the great-circle distance.
 */
class CommutePrecheckTest {

  @Test
  void theChordPrecheckNeverDecidesOtherwiseThanTheHaversine() {
    SplittableRandom random = new SplittableRandom(20261123);
    Vocabulary vocabulary = new Vocabulary(text -> List.of(text.toLowerCase(Locale.ROOT)));
    int checked = 0;
    for (int home = 0; home < 60; home++) {
      double lat = -69 + random.nextDouble() * 138;
      double lon = -169 + random.nextDouble() * 338;
      double limitKm = 1 + random.nextDouble() * 249;
      Profile p = Profile.builder("P-" + home)
          .location(Location.of(lat, lon, "XX-1", "XX"))
          .mobility(new Mobility(limitKm, null, null, false, false))
          .build();
      List<Opportunity> around = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        // Most points near the limit, where a wrong shortcut would show.
        double km = limitKm * (0.9 + random.nextDouble() * 0.2);
        double bearing = random.nextDouble() * 2 * Math.PI;
        double dLat = km / 111.2 * Math.cos(bearing);
        double dLon = km / (111.2 * Math.cos(Math.toRadians(lat))) * Math.sin(bearing);
        double oLat = Math.max(-89.9, Math.min(89.9, lat + dLat));
        double oLon = Math.max(-179.9, Math.min(179.9, lon + dLon));
        around.add(Opportunity.builder("O-" + i, OpportunityKind.VACANCY, "Stelle")
            .location(Location.of(oLat, oLon, "XX-1", "XX")).build());
      }
      OpportunityColumns c = OpportunityColumns.of(around, vocabulary, o -> -1);
      ProfileQuery q = new ProfileQuery(p, RuleSet.defaults(), LocalDate.of(2026, 11, 23), vocabulary, o -> -1);
      // Every third document deleted, for the scan's live-docs path.
      FixedBitSet live = new FixedBitSet(c.size);
      for (int d = 0; d < c.size; d++) {
        if (d % 3 != 0) {
          live.set(d);
        }
      }
      List<Integer> inReach = new ArrayList<>();
      List<Integer> liveInReach = new ArrayList<>();
      for (int d = 0; d < c.size; d++) {
        double exactKm = SloppyMath.haversinMeters(lat, lon, c.lat[d], c.lon[d]) / 1000;
        assertThat(q.reachable(c, d))
            .as("home %.4f,%.4f limit %.3f km, opportunity at %.4f,%.4f is %.4f km away", lat, lon, limitKm, c.lat[d], c.lon[d], exactKm)
            .isEqualTo(exactKm <= limitKm);
        if (exactKm <= limitKm) {
          inReach.add(d);
          if (live.get(d)) {
            liveInReach.add(d);
          }
        }
        checked++;
      }
      assertThat(scan(q, c, null)).as("scan of home %d", home).isEqualTo(inReach);
      assertThat(scan(q, c, live)).as("scan of home %d, live docs only", home).isEqualTo(liveInReach);
    }
    assertThat(checked).isEqualTo(30_000);
  }

  private static List<Integer> scan(ProfileQuery q, OpportunityColumns c, Bits live) {
    int[] docs = new int[c.size];
    int n = q.scanReachable(c, live, docs);
    return Arrays.stream(docs, 0, n).boxed().toList();
  }
}
