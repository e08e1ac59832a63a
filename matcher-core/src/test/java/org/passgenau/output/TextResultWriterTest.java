package org.passgenau.output;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableMap;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Employer;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.rank.Match;
import org.passgenau.rank.MatchResult;
import org.passgenau.rank.NextStep;
import org.passgenau.rank.Reason;

class TextResultWriterTest {

  private static String write(MatchResult result) {
    StringWriter out = new StringWriter();
    ResultWriter.of(ResultFormat.TEXT, out).write(result);
    return out.toString();
  }

  @Test
  void aPersonReadsEachMatchWithItsReasonsAndEffects() {
    String text = write(new MatchResult("P-17", "default",
        List.of(new Match(1, "V-203", 0.812, List.of(
            new Reason("language", -0.05, "German A2, B1 asked; the employer offers language training")))),
        ImmutableMap.of("commute", 412, "work_permit", 0)));

    assertThat(text)
        .contains("Profile P-17 (rule set default): 1 matches")
        .contains("   1. V-203        score 0.8120")
        .contains("-0.050 language: German A2, B1 asked; the employer offers language training")
        .contains("Excluded: commute 412")
        .doesNotContain("work_permit 0");
  }

  @Test
  void longReasonsAreWrappedUnderTheirRule() {
    String detail = "word ".repeat(40).trim();
    String text = write(new MatchResult("P-1", "default",
        List.of(new Match(1, "V-1", 0.5, List.of(new Reason("occupation", 0.3, detail)))), ImmutableMap.of()));
    assertThat(text.lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(100));
    assertThat(text.lines().filter(l -> l.startsWith("              word"))).isNotEmpty();
  }

  @Test
  void nextStepsAreListedWhenNothingFits() {
    String text = write(new MatchResult("P-1", "default", List.of(), ImmutableMap.of("language_floor", 37),
        List.of(new NextStep("language_floor", 37, "37 ask a higher language level"))));
    assertThat(text).contains("0 matches").contains("Next step: 37 ask a higher language level");
  }

  private static String writeNamed(MatchResult result, Map<String, Opportunity> opportunities) {
    StringWriter out = new StringWriter();
    ResultWriter.text(out, LocalDate.of(2026, 12, 2), id -> Optional.ofNullable(opportunities.get(id)))
        .write(result);
    return out.toString();
  }

  private static Opportunity opportunity(String id, String title, Employer employer, Location location) {
    return Opportunity.builder(id, OpportunityKind.VACANCY, title)
        .employer(employer).location(location).build();
  }

  @Test
  void aCaseworkerReadsTitleEmployerAndPlaceOfEachMatchAndTheDateOfReference() {
    Opportunity nursing = opportunity("V-203", "Pflegehelfer/in (m/w/d)",
        new Employer("E-1", "Klinikum Nord"), new Location(null, null, "41747", "Viersen", "DE-NW", "DE"));
    String text = writeNamed(new MatchResult("P-17", "default",
        List.of(new Match(1, "V-203", 0.812, List.of())), ImmutableMap.of()), Map.of("V-203", nursing));

    assertThat(text)
        .contains("Profile P-17 (rule set default, as of 2026-12-02): 1 matches")
        .contains("   1. V-203        score 0.8120\n      Pflegehelfer/in (m/w/d), Klinikum Nord, 41747 Viersen\n");
  }

  @Test
  void whatARecordLacksIsLeftOutAndAnUnknownIdKeepsItsBareLine() {
    Opportunity bare = opportunity("V-1", "Lagerhelfer", null, null);
    String text = writeNamed(new MatchResult("P-1", "default",
        List.of(new Match(1, "V-1", 0.5, List.of()), new Match(2, "V-2", 0.4, List.of())),
        ImmutableMap.of()), Map.of("V-1", bare));

    assertThat(text.lines()).containsExactly(
        "Profile P-1 (rule set default, as of 2026-12-02): 2 matches",
        "   1. V-1          score 0.5000",
        "      Lagerhelfer",
        "   2. V-2          score 0.4000",
        "");
  }

  @Test
  void aLineBreakInATitleCannotForgeALineOfTheReport() {
    Opportunity forged = opportunity("V-1", "Koch\n   2. V-999        score 0.9999\r\u2028x", null, null);
    String text = writeNamed(new MatchResult("P-1", "default",
        List.of(new Match(1, "V-1", 0.5, List.of())), ImmutableMap.of()), Map.of("V-1", forged));

    assertThat(text.lines()).as("one line per part").hasSize(4)
        .noneMatch(line -> line.startsWith("   2."));
    assertThat(text).contains("      Koch 2. V-999 score 0.9999 x\n");
  }
}
