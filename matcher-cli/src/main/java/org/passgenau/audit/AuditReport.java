package org.passgenau.audit;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableList;
import java.util.List;
import java.util.Objects;

/**
 * The result of a fairness audit: per audit attribute and group, what the engine showed its
 * members ({@link GroupStats}) and which filters ruled out most for them ({@link
 * FilterExclusion}). Immutable; lists come in a fixed order (attributes by name, groups by value
 * with {@link #UNKNOWN} last, filters by name), so the same results give the same report.
 *
 * @param topK the list length the audit looked at
 * @param attention the attention model that weighs ranks
 * @param ruleSet the name of the rule set that ranked
 * @param profiles how many profiles were audited, at least one
 * @param everyone the row for all profiles (attribute and group {@link #ALL})
 * @param attributes the audit fields found in any profile, by name
 * @param groups per attribute in {@code attributes} order, its groups
 * @param exclusions per group in {@code groups} order after the row for everyone, every filter
 *     that excluded anything for anyone
 * @param smallGroup groups with fewer profiles are flagged as too small to read much into
 */
public record AuditReport(
    int topK,
    Attention attention,
    String ruleSet,
    int profiles,
    GroupStats everyone,
    List<String> attributes,
    List<GroupStats> groups,
    List<FilterExclusion> exclusions,
    int smallGroup) {

  /** Attribute and group of the row for all profiles. */
  public static final String ALL = "(all)";

  /** The group of profiles that have no value (or a blank one) for an attribute. */
  public static final String UNKNOWN = "(unknown)";

  public AuditReport {
    checkArgument(topK >= 1, "topK must be at least 1, was %s", topK);
    Objects.requireNonNull(attention, "attention");
    Objects.requireNonNull(ruleSet, "ruleSet");
    checkArgument(profiles >= 1, "an audit covers at least one profile, was %s", profiles);
    Objects.requireNonNull(everyone, "everyone");
    attributes = ImmutableList.copyOf(attributes);
    groups = ImmutableList.copyOf(groups);
    exclusions = ImmutableList.copyOf(exclusions);
  }

  /** The exposure of a full top-k list: the most a single profile can receive. */
  public double fullListExposure() {
    return attention.ofFullList(topK);
  }

  /** The groups of one attribute, in report order; empty for an attribute nobody has. */
  public List<GroupStats> groupsOf(String attribute) {
    return groups.stream().filter(g -> g.attribute().equals(attribute)).toList();
  }

  /** The exclusions of one group, by filter name. */
  public List<FilterExclusion> exclusionsOf(String attribute, String group) {
    return exclusions.stream()
        .filter(e -> e.attribute().equals(attribute) && e.group().equals(group))
        .toList();
  }

  /** Whether a group is below {@link #smallGroup()} profiles. */
  public boolean isSmall(GroupStats group) {
    return group.profiles() < smallGroup;
  }
}
