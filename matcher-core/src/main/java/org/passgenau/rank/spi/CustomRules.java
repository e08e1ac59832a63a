package org.passgenau.rank.spi;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.passgenau.rank.RuleSet;

/**
 * The custom rules an engine or a rule-file reader knows, by name: an immutable value. Names are
 * checked (see {@link CustomRule#name()}) and unique.
 *
 * <pre>{@code
 * CustomRules known = CustomRules.installed();          // through ServiceLoader
 * CustomRules mine = CustomRules.of(List.of(new PayScorer()));
 * }</pre>
 */
public final class CustomRules {

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final CustomRules NONE = new CustomRules(ImmutableSortedMap.of());

  private final ImmutableSortedMap<String, CustomRule> byName;

  private CustomRules(Map<String, CustomRule> byName) {
    this.byName = ImmutableSortedMap.copyOf(byName);
  }

  /** No custom rules. */
  public static CustomRules none() {
    return NONE;
  }

  /**
   * The rules that {@link ServiceLoader} finds through the thread's context class loader, each
   * listed in a {@code META-INF/services/org.passgenau.rank.spi.CustomRule} file. Each call loads
   * new instances.
   *
   * @throws IllegalStateException when a listed class cannot be loaded or instantiated
   * @throws IllegalArgumentException when a name is malformed, a built-in name, or used twice
   */
  public static CustomRules installed() {
    try {
      return of(ServiceLoader.load(CustomRule.class).stream().map(ServiceLoader.Provider::get).toList());
    } catch (ServiceConfigurationError e) {
      throw new IllegalStateException("cannot load the custom rules: " + e.getMessage(), e);
    }
  }

  /**
   * These rules.
   *
   * @throws IllegalArgumentException when a name is malformed, a built-in name, or used twice
   */
  public static CustomRules of(Collection<? extends CustomRule> rules) {
    Map<String, CustomRule> byName = new TreeMap<>();
    for (CustomRule rule : rules) {
      Objects.requireNonNull(rule, "custom rule");
      checkName(rule.name(), rule.getClass().getName());
      CustomRule earlier = byName.putIfAbsent(rule.name(), rule);
      checkArgument(earlier == null, "two custom rules are named '%s': %s and %s",
          rule.name(), earlier == null ? null : earlier.getClass().getName(), rule.getClass().getName());
    }
    return new CustomRules(byName);
  }

  /** These rules and {@code rule}, which replaces a rule of the same name. */
  public CustomRules with(CustomRule rule) {
    Objects.requireNonNull(rule, "custom rule");
    checkName(rule.name(), rule.getClass().getName());
    Map<String, CustomRule> byName = new TreeMap<>(this.byName);
    byName.put(rule.name(), rule);
    return new CustomRules(byName);
  }

  /** The rule named {@code name}, if known. */
  public Optional<CustomRule> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** All rules, in name order. */
  public List<CustomRule> all() {
    return byName.values().asList();
  }

  /** The names of the filters, in name order. */
  public SortedSet<String> filterNames() {
    return names(CustomFilter.class);
  }

  /** The names of the scorers, in name order. */
  public SortedSet<String> scorerNames() {
    return names(CustomScorer.class);
  }

  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /**
   * Checks a custom rule's name: lower-case letters, digits and underscores, starting with a
   * letter, at most 64 characters, and not the name of a built-in filter or scorer.
   *
   * @throws IllegalArgumentException naming the value when it is not such a name
   */
  public static void checkName(String name) {
    checkName(name, null);
  }

  private static void checkName(String name, String className) {
    String of = className == null ? "" : " (of " + className + ")";
    checkArgument(name != null && NAME.matcher(name).matches(),
        "a custom rule's name is lower-case letters, digits and '_', starting with a letter, at"
            + " most 64 characters; was '%s'%s", name, of);
    checkArgument(!RuleSet.FILTERS.contains(name) && !RuleSet.SCORERS.contains(name),
        "a custom rule cannot take the built-in rule's name '%s'%s", name, of);
  }

  private SortedSet<String> names(Class<? extends CustomRule> kind) {
    return byName.entrySet().stream()
        .filter(e -> kind.isInstance(e.getValue()))
        .map(Map.Entry::getKey)
        .collect(ImmutableSortedSet.toImmutableSortedSet(String::compareTo));
  }

  @Override
  public String toString() {
    return "CustomRules" + byName.keySet();
  }
}
