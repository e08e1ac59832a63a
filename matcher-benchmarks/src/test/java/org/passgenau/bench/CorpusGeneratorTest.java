package org.passgenau.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.Profile;

class CorpusGeneratorTest {

  @Test
  void sameSeedGivesEqualCorpora() {
    CorpusGenerator a = new CorpusGenerator(42);
    CorpusGenerator b = new CorpusGenerator(42);

    assertThat(a.opportunities(2_000)).isEqualTo(b.opportunities(2_000));
    assertThat(a.profiles(500)).isEqualTo(b.profiles(500));
  }

  @Test
  void otherSeedGivesAnotherCorpus() {
    assertThat(new CorpusGenerator(1).opportunities(100))
        .isNotEqualTo(new CorpusGenerator(2).opportunities(100));
  }

  @Test
  void aSmallCorpusIsAPrefixOfALargeOne() {
    CorpusGenerator g = new CorpusGenerator(7);
    List<Opportunity> large = g.opportunities(3_000);

    assertThat(g.opportunities(1_000)).isEqualTo(large.subList(0, 1_000));
    assertThat(g.opportunityStream(3_000).get(2_999)).isEqualTo(large.get(2_999));
  }

  @Test
  void idsAreUnique() {
    List<Opportunity> all = new CorpusGenerator().opportunities(10_000);

    assertThat(all).extracting(Opportunity::id).doesNotHaveDuplicates();
    assertThat(new CorpusGenerator().profiles(1_000)).extracting(Profile::id)
        .doesNotHaveDuplicates();
  }

  @Test
  void kindsHaveTheIntendedShares() {
    int n = 20_000;
    Map<OpportunityKind, Integer> counts = new EnumMap<>(OpportunityKind.class);
    for (Opportunity o : new CorpusGenerator().opportunityStream(n)) {
      counts.merge(o.kind(), 1, Integer::sum);
    }

    assertThat(share(counts, OpportunityKind.VACANCY, n)).isCloseTo(0.50, within(0.02));
    assertThat(share(counts, OpportunityKind.APPRENTICESHIP, n)).isGreaterThanOrEqualTo(0.25);
    assertThat(counts).containsKeys(OpportunityKind.values());
  }

  @Test
  void placesAreClusteredAroundTheTable() {
    List<Opportunity> all = new CorpusGenerator().opportunities(5_000);

    // Every point lies within a few km of a table place (jitter is cut at 9 km).
    for (Opportunity o : all) {
      double nearest = CorpusGenerator.PLACES.stream()
          .mapToDouble(p -> km(p.lat(), p.lon(), o.location().lat(), o.location().lon()))
          .min().orElseThrow();
      assertThat(nearest).as(o.id()).isLessThan(15);
    }
    long groningen = all.stream().filter(o -> "NL".equals(o.location().country())).count();
    assertThat(groningen).isBetween(500L, 1_500L);
  }

  @Test
  void profilesVaryInTheirConstraints() {
    List<Profile> profiles = new CorpusGenerator().profiles(2_000);

    assertThat(profiles).anyMatch(p -> p.workPermit().workBan() != null
        && p.workPermit().workBan().code().equals("absolute"));
    assertThat(profiles).anyMatch(p -> p.residenceObligation() != null);
    assertThat(profiles).anyMatch(p -> Boolean.TRUE.equals(p.mobility().willingToRelocate()));
    long withCar = profiles.stream().filter(p -> Boolean.TRUE.equals(p.mobility().car())).count();
    assertThat(withCar).isLessThan(profiles.size() / 4);
  }

  private static double share(Map<OpportunityKind, Integer> counts, OpportunityKind k, int n) {
    return counts.getOrDefault(k, 0) / (double) n;
  }

  private static double km(double lat1, double lon1, double lat2, double lon2) {
    double dLat = Math.toRadians(lat2 - lat1);
    double dLon = Math.toRadians(lon2 - lon1);
    double a = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(lat1))
        * Math.cos(Math.toRadians(lat2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * 6371 * Math.asin(Math.sqrt(a));
  }
}
