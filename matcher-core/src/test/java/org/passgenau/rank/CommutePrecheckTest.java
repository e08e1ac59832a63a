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
import org.passgenau.model.HoursRange;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;
import org.passgenau.model.ResidenceObligation;

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
      // Every third document deleted, for the scan's live-docs path; live docs are by segment
      // doc id, while the columns and the scan's output are by row.
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
        assertThat(q.reach.reachable(c, d))
            .as("home %.4f,%.4f limit %.3f km, opportunity at %.4f,%.4f is %.4f km away", lat, lon, limitKm, c.lat[d], c.lon[d], exactKm)
            .isEqualTo(exactKm <= limitKm);
        if (exactKm <= limitKm) {
          inReach.add(d);
          if (live.get(c.segmentDoc[d])) {
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

  /**
   * The scan decides whole areas at once (taken, skipped, or for a person who may move checked for
   * a possible move alone); it must keep exactly the rows that the filter, row by row, admits.
   * Clustered places of mixed kinds, hours and regions around homes anywhere on earth, the poles
   * and the date line included, remote and unlocated opportunities, persons who stay and persons
   * who would move but are bound to a region.
   */
  @Test
  void theAreaScanKeepsExactlyTheRowsTheCommuteFilterAdmits() {
    SplittableRandom random = new SplittableRandom(4711);
    Vocabulary vocabulary = new Vocabulary(text -> List.of(text.toLowerCase(Locale.ROOT)));
    OpportunityKind[] kinds = OpportunityKind.values();
    int areasTaken = 0;
    int areasSkipped = 0;
    for (int home = 0; home < 40; home++) {
      double lat = home < 4 ? (home % 2 == 0 ? 89.5 : -89.5) : -80 + random.nextDouble() * 160;
      double lon = home < 8 && home >= 4 ? (home % 2 == 0 ? 179.9 : -179.9) : -180 + random.nextDouble() * 360;
      boolean wouldMove = home % 3 == 0;
      Profile p = Profile.builder("P-" + home)
          .location(Location.of(lat, lon, "XX-1", "XX"))
          .mobility(new Mobility(home % 4 == 0 ? null : 5 + random.nextDouble() * 80, null, null,
              false, wouldMove))
          .residenceObligation(new ResidenceObligation("XX-1", null))
          .build();
      List<Opportunity> around = new ArrayList<>();
      for (int i = 0; i < 3000; i++) {
        // A few towns with most opportunities, the rest spread over 400 km.
        double spread = i % 4 == 0 ? 400 : 15;
        double townLat = lat + (i % 7 - 3) * 0.4;
        double townLon = lon + (i % 5 - 2) * 0.6;
        double oLat = Math.max(-90, Math.min(90, townLat + (random.nextDouble() - 0.5) * spread / 111.2));
        double oLon = townLon + (random.nextDouble() - 0.5) * spread / 60;
        oLon = oLon > 180 ? oLon - 360 : oLon < -180 ? oLon + 360 : oLon;
        Opportunity.Builder o = Opportunity.builder("O-" + i, kinds[i % kinds.length], "Stelle")
            .location(i % 97 == 0 ? null : Location.of(oLat, oLon, i % 2 == 0 ? "XX-1" : "XX-2", "XX"))
            .remote(i % 89 == 0 ? true : null)
            .hoursPerWeek(new HoursRange(15.0 + i % 25, 20.0 + i % 25))
            .monthlyGrossEur(i % 3 == 0 ? null : 900.0 + i % 1500);
        around.add(o.build());
      }
      OpportunityColumns c = OpportunityColumns.of(around, vocabulary, o -> -1);
      ProfileQuery q = new ProfileQuery(p, RuleSet.defaults(), LocalDate.of(2026, 11, 23), vocabulary, o -> -1);
      FixedBitSet live = new FixedBitSet(c.size);
      for (int d = 0; d < c.size; d++) {
        if (d % 5 != 0) {
          live.set(d);
        }
      }
      List<Integer> admitted = new ArrayList<>();
      List<Integer> liveAdmitted = new ArrayList<>();
      for (int r = 0; r < c.size; r++) {
        if (q.reach.reachable(c, r)) {
          admitted.add(r);
          if (live.get(c.segmentDoc[r])) {
            liveAdmitted.add(r);
          }
        }
      }
      assertThat(scan(q, c, null)).as("scan of home %d", home).isEqualTo(admitted);
      assertThat(scan(q, c, live)).as("scan of home %d, live docs only", home).isEqualTo(liveAdmitted);
      for (double[] bounds : List.of(c.cells.blockBounds, c.cells.cellBounds)) {
        for (int i = 0; i < bounds.length / 4; i++) {
          int area = q.reach.classify(bounds, i);
          areasTaken += area == Reach.SURELY_INSIDE ? 1 : 0;
          areasSkipped += area == Reach.SURELY_OUTSIDE ? 1 : 0;
        }
      }
    }
    // Not a vacuous pass: both shortcuts were taken.
    assertThat(areasTaken).isPositive();
    assertThat(areasSkipped).isPositive();
  }

  private static List<Integer> scan(ProfileQuery q, OpportunityColumns c, Bits live) {
    int[] docs = new int[c.size];
    int n = q.reach.scanReachable(c, live, docs);
    return Arrays.stream(docs, 0, n).boxed().toList();
  }
}
