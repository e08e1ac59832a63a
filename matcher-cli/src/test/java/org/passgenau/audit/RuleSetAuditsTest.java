package org.passgenau.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.passgenau.audit.Results.builder;
import static org.passgenau.audit.Results.person;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.passgenau.model.Profile;

/**
 * Two rule sets' audits side by side, top 3, attention 1/log2(r+1), groups of one or more
 * counting. The baseline gives P-1 three matches, P-2 none, P-3 one and P-4 two; the candidate
 * also gives P-2 three. Exposure of everyone 4.7619 and 6.8928, so the men's exposure ratio (P-3
 * alone, a quarter of the profiles) falls from 1 / 4.7619 / 0.25 = 0.840 to 0.580.
 */
class RuleSetAuditsTest {

  private static final FairnessAudit AUDIT = FairnessAudit.builder().topK(3).smallGroup(1).build();
  private static final List<Profile> PEOPLE = List.of(
      person("P-1", "gender", "f", "nationality", "<UA>"),
      person("P-2", "gender", "f"),
      person("P-3", "gender", "m"),
      person("P-4"));

  private static AuditReport baseline;
  private static AuditReport candidate;
  private static RuleSetAudits audits;

  @BeforeAll
  static void auditTwoRuleSets() {
    System.setProperty("java.awt.headless", "true");
    baseline = audit(AUDIT, PEOPLE, "default", 3, 0, 1, 2);
    candidate = audit(AUDIT, PEOPLE, "other", 3, 3, 1, 2);
    audits = RuleSetAudits.of(byLabel("default", baseline, "other", candidate));
  }

  /** Each person's result under one rule set, with as many matches as given, in order. */
  private static AuditReport audit(
      FairnessAudit audit, List<Profile> people, String ruleSet, int... matches) {
    FairnessAudit.Tally tally = audit.newTally();
    for (int i = 0; i < people.size(); i++) {
      String id = people.get(i).id();
      tally.add(people.get(i), builder(id).ruleSet(ruleSet).matches(matches[i])
          .excluded("commute", 5 - matches[i]).build());
    }
    return tally.report();
  }

  private static Map<String, AuditReport> byLabel(
      String first, AuditReport one, String second, AuditReport other) {
    Map<String, AuditReport> map = new LinkedHashMap<>();
    map.put(first, one);
    map.put(second, other);
    return map;
  }

  private interface Table {
    void write(StringWriter out) throws IOException;
  }

  private static List<String> lines(Table table) throws IOException {
    StringWriter out = new StringWriter();
    table.write(out);
    return out.toString().lines().toList();
  }

  @Test
  void theGroupTableIsEachRuleSetsOwnTableAfterARuleSetColumn() throws IOException {
    List<String> together = lines(out -> AuditOutput.writeGroupsCsv(audits, out));
    List<String> base = lines(out -> AuditOutput.writeGroupsCsv(baseline, out));
    List<String> other = lines(out -> AuditOutput.writeGroupsCsv(candidate, out));

    assertThat(together.get(0)).as("header").isEqualTo("rule_set," + base.get(0));
    List<String> expected = new ArrayList<>();
    base.subList(1, base.size()).forEach(row -> expected.add("default," + row));
    other.subList(1, other.size()).forEach(row -> expected.add("other," + row));
    assertThat(together.subList(1, together.size())).as("rows").isEqualTo(expected);
    assertThat(together).extracting(row -> String.join(",", List.of(row.split(",")).subList(0, 3)))
        .as("rule set, attribute and group of each row").containsExactly(
            "rule_set,attribute,group",
            "default,(all),(all)", "default,gender,f", "default,gender,m",
            "default,gender,(unknown)", "default,nationality,<UA>", "default,nationality,(unknown)",
            "other,(all),(all)", "other,gender,f", "other,gender,m",
            "other,gender,(unknown)", "other,nationality,<UA>", "other,nationality,(unknown)");
    assertThat(together).as("the men's rows: ratio 0.84, then 0.58")
        .anyMatch(row -> row.startsWith("default,gender,m,1,0.2500,1,") && row.contains(",0.8400,"))
        .anyMatch(row -> row.startsWith("other,gender,m,1,0.2500,1,") && row.contains(",0.5803,"));
  }

  @Test
  void theExclusionTableIsEachRuleSetsOwnTableAfterARuleSetColumn() throws IOException {
    List<String> together = lines(out -> AuditOutput.writeExclusionsCsv(audits, out));
    List<String> base = lines(out -> AuditOutput.writeExclusionsCsv(baseline, out));
    List<String> other = lines(out -> AuditOutput.writeExclusionsCsv(candidate, out));

    assertThat(together.get(0)).as("header")
        .isEqualTo("rule_set,attribute,group,filter,excluded,mean_per_profile,"
            + "share_of_exclusions,ratio_to_all");
    List<String> expected = new ArrayList<>();
    base.subList(1, base.size()).forEach(row -> expected.add("default," + row));
    other.subList(1, other.size()).forEach(row -> expected.add("other," + row));
    assertThat(together.subList(1, together.size())).as("rows").isEqualTo(expected)
        .contains("default,(all),(all),commute,14,3.5000,1.0000,1.0000",
            "other,(all),(all),commute,11,2.7500,1.0000,1.0000");
  }

  @Test
  void theSummaryNamesEachRuleSetsLeastExposedGroupPerAttribute() throws IOException {
    StringWriter out = new StringWriter();
    AuditOutput.writeText(audits, out);

    assertThat(out.toString()).as("text")
        .startsWith("Fairness by group: top 3, attention 1/log2(r+1), 4 profiles\n")
        .containsPattern("\ndefault +75\\.0% +1\\.50 +gender: m 0\\.840; nationality: ")
        .containsPattern("\nother +100\\.0% +2\\.25 +gender: m 0\\.580; nationality: ")
        .doesNotContain("no groups");
  }

  @Test
  void theSummaryLeavesSmallGroupsOut() throws IOException {
    FairnessAudit usual = FairnessAudit.builder().topK(3).build();
    RuleSetAudits small = RuleSetAudits.of(Map.of(
        "default", audit(usual, PEOPLE, "default", 3, 0, 1, 2)));
    StringWriter out = new StringWriter();
    AuditOutput.writeText(small, out);

    assertThat(out.toString()).as("text, every group under 10 profiles")
        .contains("gender: no group of 10 or more; nationality: no group of 10 or more");
  }

  @Test
  void theHtmlSectionShowsEveryGroupUnderEveryRuleSetWithAChartPerAttribute() throws IOException {
    String html = AuditOutput.toHtmlSection(audits);

    assertThat(html).startsWith("<h2 id=\"fairness\">Fairness by group</h2>")
        .contains("<h3>By gender</h3>", "<h3>By nationality</h3>")
        .contains("&lt;UA&gt;").doesNotContain("<UA>")
        .doesNotContainPattern("(?i)(src|href)\\s*=\\s*\"?(https?:)?//")
        .doesNotContainPattern("(?i)<(script|link|iframe|style)");
    assertThat(html).as("the men under the candidate: marked red, 0.260 below the baseline")
        .contains("<td style=\"color:#b00020;font-weight:600\">0.580</td><td>-0.260</td>");
    assertThat(html).as("the men under the baseline: not marked, no change")
        .contains("<td>0.840</td><td>&ndash;</td>");
    List<byte[]> images = images(html);
    assertThat(images).as("one chart per attribute").hasSize(2);
    for (byte[] png : images) {
      assertThat(ImageIO.read(new ByteArrayInputStream(png))).as("a readable PNG").isNotNull();
    }
  }

  @Test
  void withoutAuditFieldsTheSectionSaysThereAreNoGroups() throws IOException {
    List<Profile> plain = List.of(person("P-1"), person("P-2"));
    RuleSetAudits none = RuleSetAudits.of(byLabel(
        "default", audit(AUDIT, plain, "default", 1, 0),
        "other", audit(AUDIT, plain, "other", 1, 1)));
    StringWriter text = new StringWriter();
    AuditOutput.writeText(none, text);

    assertThat(none.hasGroups()).isFalse();
    assertThat(AuditOutput.toHtmlSection(none))
        .contains("No groups: none of the 2 profiles carries audit fields")
        .doesNotContain("<img", "<h3>By ");
    assertThat(text.toString()).contains("no groups: none of the 2 profiles carries audit fields");
    assertThat(lines(out -> AuditOutput.writeGroupsCsv(none, out)))
        .extracting(row -> row.substring(0, row.indexOf(',', row.indexOf(',') + 1)))
        .as("only the row of all profiles per rule set")
        .containsExactly("rule_set,attribute", "default,(all)", "other,(all)");
  }

  @Test
  void auditsOfOtherProfilesAreRefused() {
    AuditReport fewer = audit(AUDIT, PEOPLE.subList(0, 3), "other", 3, 3, 1);
    AuditReport regrouped = audit(AUDIT, List.of(PEOPLE.get(0), person("P-2", "gender", "m"),
        PEOPLE.get(2), PEOPLE.get(3)), "other", 3, 3, 1, 2);

    assertThatThrownBy(() -> RuleSetAudits.of(byLabel("default", baseline, "other", fewer)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the audits of default and other differ in profiles: 4 and 3");
    assertThatThrownBy(() -> RuleSetAudits.of(byLabel("default", baseline, "other", regrouped)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("the audits of default and other differ in group 1:"
            + " gender=f (2) and gender=f (1)");
  }

  @Test
  void auditsUnderOtherSettingsAreRefused() {
    AuditReport top2 = audit(FairnessAudit.builder().topK(2).smallGroup(1).build(), PEOPLE,
        "other", 3, 3, 1, 2);
    AuditReport geometric = audit(FairnessAudit.builder().topK(3).smallGroup(1)
        .attention(Attention.geometric(0.5)).build(), PEOPLE, "other", 3, 3, 1, 2);

    assertThatThrownBy(() -> RuleSetAudits.of(byLabel("default", baseline, "other", top2)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("top k: 3 and 2");
    assertThatThrownBy(() -> RuleSetAudits.of(byLabel("default", baseline, "other", geometric)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("attention: log and geometric:0.5");
    assertThatThrownBy(() -> RuleSetAudits.of(Map.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no rule set");
  }

  @Test
  void ruleSetsKeepTheOrderGiven() {
    RuleSetAudits reversed = RuleSetAudits.of(byLabel("other", candidate, "default", baseline));

    assertThat(reversed.ruleSets()).containsExactly("other", "default");
    assertThat(reversed.report("default")).isSameAs(baseline);
    assertThatThrownBy(() -> reversed.report("third"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("third");
  }

  @Test
  void theSameAuditsGiveTheSameSection() throws IOException {
    RuleSetAudits again = RuleSetAudits.of(byLabel("default",
        audit(AUDIT, PEOPLE, "default", 3, 0, 1, 2), "other", audit(AUDIT, PEOPLE, "other", 3, 3,
            1, 2)));

    assertThat(AuditOutput.toHtmlSection(again)).isEqualTo(AuditOutput.toHtmlSection(audits));
  }

  private static List<byte[]> images(String html) {
    List<byte[]> found = new ArrayList<>();
    Matcher m = Pattern.compile("src=\"data:image/png;base64,([A-Za-z0-9+/=]+)\"").matcher(html);
    while (m.find()) {
      found.add(Base64.getDecoder().decode(m.group(1)));
    }
    return found;
  }
}
