package org.passgenau.audit;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.List;
import java.util.Map;

/**
 * The fairness audits of several rule sets over the same profiles, side by side: what {@code
 * compare} reports next to the metrics, so that one report says both whether people are placed
 * better and whether some groups are served worse. Each rule set's {@link AuditReport} is exactly
 * what {@code audit --rules} gives for it; this class only lines them up, and refuses audits that
 * cannot be compared (other settings, other profiles).
 *
 * <pre>{@code
 * Map<String, AuditReport> byRuleSet = new LinkedHashMap<>();
 * for (RuleSet rules : ruleSets) {
 *   FairnessAudit.Tally tally = audit.newTally();
 *   runner.rank(rules, profiles, tally::add);   // ranked once, for the metrics and the audit
 *   byRuleSet.put(rules.name(), tally.report());
 * }
 * RuleSetAudits audits = RuleSetAudits.of(byRuleSet);
 * AuditOutput.writeGroupsCsv(audits, writer);
 * }</pre>
 *
 * <p>Immutable; rule sets keep the order given, the baseline first.
 */
public final class RuleSetAudits {

  private final ImmutableMap<String, AuditReport> byRuleSet;
  private final AuditReport first;

  private RuleSetAudits(ImmutableMap<String, AuditReport> byRuleSet) {
    this.byRuleSet = byRuleSet;
    this.first = byRuleSet.values().iterator().next();
  }

  /**
   * The audits of the rule sets, keyed by the label reports show (which may differ from {@link
   * AuditReport#ruleSet()}, as when one rule set is compared with a copy of itself), in the map's
   * order, the baseline first.
   *
   * @throws IllegalArgumentException when there is no audit, a label is blank, or two audits
   *     differ in top k, attention model, small-group threshold, number of profiles, attributes
   *     or groups: they would not be of the same profiles under the same settings
   */
  public static RuleSetAudits of(Map<String, AuditReport> byRuleSet) {
    checkNotNull(byRuleSet, "byRuleSet");
    checkArgument(!byRuleSet.isEmpty(), "no rule set's audit to compare");
    ImmutableMap<String, AuditReport> copy = ImmutableMap.copyOf(byRuleSet);
    String firstLabel = copy.keySet().iterator().next();
    AuditReport first = copy.get(firstLabel);
    copy.forEach((label, report) -> {
      checkArgument(!label.isBlank(), "a rule set's label must not be blank");
      same(firstLabel, label, "top k", first.topK(), report.topK());
      same(firstLabel, label, "attention", first.attention(), report.attention());
      same(firstLabel, label, "small-group threshold", first.smallGroup(), report.smallGroup());
      same(firstLabel, label, "profiles", first.profiles(), report.profiles());
      same(firstLabel, label, "attributes", first.attributes(), report.attributes());
      sameGroups(firstLabel, label, sizes(first), sizes(report));
    });
    return new RuleSetAudits(copy);
  }

  private static void same(String firstLabel, String label, String what, Object a, Object b) {
    checkArgument(a.equals(b), "the audits of %s and %s differ in %s: %s and %s",
        firstLabel, label, what, a, b);
  }

  /** Names the first group that differs, rather than every group. */
  private static void sameGroups(String firstLabel, String label, List<String> a, List<String> b) {
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      String one = i < a.size() ? a.get(i) : "no group";
      String other = i < b.size() ? b.get(i) : "no group";
      same(firstLabel, label, "group " + (i + 1), one, other);
    }
  }

  /** Every group as attribute, group and size: equal for audits of the same profiles. */
  private static List<String> sizes(AuditReport report) {
    return report.groups().stream()
        .map(g -> g.attribute() + "=" + g.group() + " (" + g.profiles() + ")")
        .toList();
  }

  /** The rule sets' labels, the baseline first. */
  public List<String> ruleSets() {
    return byRuleSet.keySet().asList();
  }

  /** Each rule set's audit, in {@link #ruleSets()} order. */
  public Map<String, AuditReport> reports() {
    return byRuleSet;
  }

  /**
   * The audit of one rule set.
   *
   * @throws IllegalArgumentException naming the labels when there is none of that label
   */
  public AuditReport report(String ruleSet) {
    AuditReport report = byRuleSet.get(ruleSet);
    checkArgument(report != null, "no audit of rule set %s; there are %s", ruleSet, ruleSets());
    return report;
  }

  /** How many matches of each profile count, the same for every rule set. */
  public int topK() {
    return first.topK();
  }

  /** The attention model, the same for every rule set. */
  public Attention attention() {
    return first.attention();
  }

  /** Groups with fewer profiles are flagged, the same for every rule set. */
  public int smallGroup() {
    return first.smallGroup();
  }

  /** How many profiles each rule set ranked. */
  public int profiles() {
    return first.profiles();
  }

  /** The audit fields found in any profile, by name; empty when the profiles carry none. */
  public List<String> attributes() {
    return first.attributes();
  }

  /** Whether the profiles carry audit fields at all, so that there are groups to compare. */
  public boolean hasGroups() {
    return !first.attributes().isEmpty();
  }

  /** The groups of one attribute, in report order ({@link AuditReport#UNKNOWN} last). */
  public List<String> groupsOf(String attribute) {
    return ImmutableList.copyOf(
        first.groupsOf(attribute).stream().map(GroupStats::group).toList());
  }

  @Override
  public String toString() {
    return "RuleSetAudits" + ruleSets() + "[top " + topK() + ", attention " + attention() + ", "
        + profiles() + " profiles, attributes " + attributes() + "]";
  }
}
