package org.passgenau.taxonomy;

import com.google.common.base.Preconditions;
import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableListMultimap;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.passgenau.model.Level;
import org.passgenau.model.Occupation;

/**
 * Occupations by ISCO-08 group: labels and job titles per language, the KldB 2010 codes that map
 * to them, ESCO occupations, and classification of free job titles written in German, Dutch or
 * English to a unit group.
 *
 * <p>Built from the project's hand-written TSV file, from ESCO CSV downloads, or both:
 *
 * <pre>{@code
 * OccupationTaxonomy taxonomy = OccupationTaxonomy.builder()
 *     .loadTsv(Path.of("data/taxonomy/occupations.tsv"))
 *     .loadEsco(Path.of("esco"))            // optional: an ESCO download, any languages
 *     .build();
 * taxonomy.classify("Pflegehelfer/in (m/w/d)");  // 5321, level helper
 * taxonomy.resolveIsco(Occupation.titled("Verkäuferin")); // 5223
 * }</pre>
 *
 * <p>Where sources overlap, the first source loaded wins for labels and KldB mappings; titles are
 * merged.
 *
 * <p>Instances are immutable and thread-safe; {@link #classify(String)} and {@link
 * #classifyTitle(String, String)} may be called from many threads at once. Building indexes all
 * titles for classification, which takes about a second for the 76,000 German, Dutch and English
 * ESCO labels; build once and share.
 */
public final class OccupationTaxonomy {

  /** The language labels fall back to. */
  public static final String FALLBACK_LANGUAGE = "en";

  private static final Pattern KLDB = Pattern.compile("\\d{5}");

  /**
   * The shipped TSV, a resource of this class's package: the build copies it from the
   * repository's data/taxonomy into the jar.
   */
  static final String SHIPPED_RESOURCE = "occupations.tsv";

  // Memoised rather than a holder class: a failed load is thrown to every caller, not turned
  // into a NoClassDefFoundError after the first.
  private static final Supplier<OccupationTaxonomy> SHIPPED =
      Suppliers.memoize(OccupationTaxonomy::loadShipped);

  private final ImmutableSortedMap<String, Group> groups;
  private final ImmutableListMultimap<String, String> kldbToIsco;
  private final ImmutableMap<String, String> escoToIsco;
  private final TitleClassifier classifier;

  private OccupationTaxonomy(Builder builder) {
    ImmutableSortedMap.Builder<String, Group> groups = ImmutableSortedMap.naturalOrder();
    builder.groups.forEach((code, group) -> groups.put(code, group.build()));
    this.groups = groups.build();
    ImmutableListMultimap.Builder<String, String> kldb = ImmutableListMultimap.builder();
    builder.kldbToIsco.forEach((code, iscos) -> kldb.putAll(code, iscos));
    this.kldbToIsco = kldb.build();
    this.escoToIsco = ImmutableMap.copyOf(builder.escoToIsco);
    this.classifier = new TitleClassifier(builder.titles);
  }

  /** A builder to load sources into. */
  public static Builder builder() {
    return new Builder();
  }

  /** A taxonomy of the project's TSV file alone. */
  public static OccupationTaxonomy fromTsv(Path tsv) throws IOException {
    return builder().loadTsv(tsv).build();
  }

  /**
   * The taxonomy that ships with the library: the project's hand-written TSV of unit groups
   * typical for refugees' job search, read from the jar, so that it does not depend on the
   * working directory. Read on first use, then shared; safe to call from many threads.
   *
   * <pre>{@code
   * MatchingEngine engine = MatchingEngine.builder()
   *     .taxonomy(OccupationTaxonomy.shipped())
   *     .build();
   * OccupationTaxonomy.shipped().classify("Kok (m/v/x)");  // 5120
   * }</pre>
   *
   * @throws IllegalStateException if the jar lacks the resource
   * @throws UncheckedIOException if it cannot be read
   */
  public static OccupationTaxonomy shipped() {
    return SHIPPED.get();
  }

  private static OccupationTaxonomy loadShipped() {
    return builder().loadShipped().build();
  }

  /** All known ISCO-08 group codes of every level, in code order. */
  public SortedSet<String> groups() {
    return groups.keySet();
  }

  /** Whether the ISCO-08 group is known. */
  public boolean contains(String isco) {
    return groups.containsKey(isco);
  }

  /**
   * The label of an ISCO-08 group in {@code lang}, else in English, else empty. Labels are the
   * ESCO group names or, for the TSV file, the first title per group and language.
   */
  public Optional<String> label(String isco, String lang) {
    Preconditions.checkNotNull(lang, "lang");
    Group group = groups.get(checkIsco(isco));
    if (group == null) {
      return Optional.empty();
    }
    String label = group.labels.get(lang);
    return Optional.ofNullable(label != null ? label : group.labels.get(FALLBACK_LANGUAGE));
  }

  /** The job titles of a unit group in {@code lang}, preferred first; empty if none are known. */
  public List<String> titles(String isco, String lang) {
    Preconditions.checkNotNull(lang, "lang");
    Group group = groups.get(checkIsco(isco));
    return group == null ? ImmutableList.of() : group.titles.getOrDefault(lang, ImmutableList.of());
  }

  /** The languages of the known titles, such as {@code [de, en, nl]}. */
  public SortedSet<String> languages() {
    SortedSet<String> languages = new TreeSet<>();
    groups.values().forEach(group -> languages.addAll(group.titles.keySet()));
    return Collections.unmodifiableSortedSet(languages);
  }

  /**
   * The ISCO-08 unit group a KldB 2010 code maps to, where the sources give one. The mapping is
   * many-to-many in general; this is the first mapping loaded.
   */
  public Optional<String> iscoForKldb(String kldb) {
    checkKldb(kldb);
    ImmutableList<String> iscos = kldbToIsco.get(kldb);
    return iscos.isEmpty() ? Optional.empty() : Optional.of(iscos.get(0));
  }

  /** ESCO occupation URIs and the ISCO-08 unit group each sits under. */
  public Map<String, String> escoOccupations() {
    return escoToIsco;
  }

  /**
   * The requirement level a KldB 2010 code states in its fifth digit (1 helper to 4 expert), or
   * empty for a fifth digit outside 1 to 4.
   *
   * @throws IllegalArgumentException naming the value if it is not 5 digits
   */
  public static Optional<Level> kldbLevel(String kldb) {
    checkKldb(kldb);
    int digit = kldb.charAt(4) - '0';
    return digit >= 1 && digit <= 4 ? Optional.of(Level.values()[digit - 1]) : Optional.empty();
  }

  /**
   * Classifies a free job title in German, Dutch or English, with gender markers, feminine forms
   * or compounds, to a unit group: the known answer of {@link #classifyTitle(String, String)} in
   * any language, with the known title that decided it. Empty when the title is unknown.
   */
  public Optional<Classification> classify(String title) {
    Preconditions.checkNotNull(title, "title");
    TitleClassifier.Result result = classifier.classify(title, null);
    TitleClassification c = result.classification();
    if (!c.known()) {
      return Optional.empty();
    }
    return Optional.of(new Classification(
        c.isco(), c.confidence(), result.matched().title, c.level()));
  }

  /**
   * Classifies a free job title, in {@code language} ({@code de}, {@code nl}, {@code en}) or,
   * when null, in any: the best unit group with a confidence, the runners-up, the level the title
   * states ({@code Helfer}, {@code Fachkraft}, {@code MBO 2}) or, failing that, the level of the
   * matched title, and the reason; unknown when no unit group is likely enough. The language
   * only breaks near ties in favour of titles in it; titles of all languages are compared.
   */
  public TitleClassification classifyTitle(String title, String language) {
    Preconditions.checkNotNull(title, "title");
    return classifier.classify(title, language).classification();
  }

  /**
   * The ISCO-08 code of an occupation: its {@code isco} if given, else the unit group of its ESCO
   * URI, else of its KldB code, else the classification of its title.
   */
  public Optional<String> resolveIsco(Occupation occupation) {
    Preconditions.checkNotNull(occupation, "occupation");
    if (occupation.isco() != null) {
      return Optional.of(occupation.isco());
    }
    if (occupation.esco() != null && escoToIsco.containsKey(occupation.esco())) {
      return Optional.of(escoToIsco.get(occupation.esco()));
    }
    if (occupation.kldb() != null) {
      Optional<String> isco = iscoForKldb(occupation.kldb());
      if (isco.isPresent()) {
        return isco;
      }
    }
    if (occupation.title() != null && !occupation.title().isBlank()) {
      return classify(occupation.title()).map(Classification::isco);
    }
    return Optional.empty();
  }

  private static String checkIsco(String isco) {
    Preconditions.checkArgument(
        IscoCode.isValid(isco), "isco must have 1 to 4 digits, was '%s'", isco);
    return isco;
  }

  private static void checkKldb(String kldb) {
    Preconditions.checkArgument(
        kldb != null && KLDB.matcher(kldb).matches(), "kldb must have 5 digits, was '%s'", kldb);
  }

  /**
   * Collects sources for an {@link OccupationTaxonomy}. Not thread-safe; {@link #build()} may be
   * called more than once.
   */
  public static final class Builder {

    private final Map<String, GroupBuilder> groups = new TreeMap<>();
    private final Map<String, LinkedHashSet<String>> kldbToIsco = new LinkedHashMap<>();
    private final Map<String, String> escoToIsco = new LinkedHashMap<>();
    private final List<TitleEntry> titles = new ArrayList<>();
    private final Set<String> titleKeys = new HashSet<>();

    private Builder() {}

    /**
     * Loads the project's TSV format: UTF-8, tab-separated, {@code #} comments, header {@code
     * isco kldb level lang title}, one row per title, the first row per group and language giving
     * the preferred label.
     *
     * @throws TaxonomyFormatException naming file, line and field of a malformed row
     */
    public Builder loadTsv(Path tsv) throws IOException {
      TsvLoader.load(tsv, this);
      return this;
    }

    /**
     * Loads the TSV file that ships with the library, as {@link #shipped()} does, so that other
     * sources can be added to it: {@code builder().loadShipped().loadEsco(dir).build()}.
     *
     * @throws IllegalStateException if the jar lacks the resource
     * @throws UncheckedIOException if it cannot be read
     */
    public Builder loadShipped() {
      String name = "org/passgenau/taxonomy/" + SHIPPED_RESOURCE;
      InputStream in = OccupationTaxonomy.class.getResourceAsStream(SHIPPED_RESOURCE);
      if (in == null) {
        throw new IllegalStateException("the shipped taxonomy " + name
            + " is not on the class path; was the jar built without data/taxonomy?");
      }
      try {
        TsvLoader.load(new InputStreamReader(in, StandardCharsets.UTF_8), name, this);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the shipped taxonomy " + name, e);
      }
      return this;
    }

    /**
     * Loads an ESCO download from a directory, in every language it holds: the ISCO-08 groups of
     * {@code ISCOGroups_xx.csv} (official export) or {@code ISCOGroups.csv} (Tabiya layout), the
     * occupation titles that {@link EscoLabels#read} finds ({@code occupations_xx.csv} of the
     * official export with alternative and hidden labels, {@code occupations.csv} of the Tabiya
     * layout, label files {@code occupations_xx.tsv} here or in {@code labels/}), and the unit
     * group of each ESCO occupation URI. When the directory has group files, every occupation
     * must sit under one of its groups; other sources loaded into this builder do not count, so
     * that ESCO adds to the shipped file: {@code builder().loadShipped().loadEsco(dir)}.
     *
     * @throws TaxonomyFormatException naming file, line and column of a malformed record
     * @throws IOException if the directory holds no ESCO files or cannot be read
     */
    public Builder loadEsco(Path directory) throws IOException {
      EscoLoader.loadDirectory(directory, this);
      return this;
    }

    /**
     * Adds occupation titles, such as those {@link EscoLabels#read} gives, to classify against;
     * each unit group becomes known.
     */
    public Builder addLabels(Collection<OccupationLabel> labels) {
      for (OccupationLabel label : labels) {
        addGroup(label.isco());
        addTitle(label.isco(), label.language(), label.text(), null, label.occupation());
      }
      return this;
    }

    /** A taxonomy of everything loaded so far. */
    public OccupationTaxonomy build() {
      return new OccupationTaxonomy(this);
    }

    boolean hasGroup(String isco) {
      return groups.containsKey(isco);
    }

    boolean hasGroups() {
      return !groups.isEmpty();
    }

    void addGroup(String isco) {
      groups.computeIfAbsent(isco, code -> new GroupBuilder());
    }

    void addLabel(String isco, String lang, String label) {
      groups.computeIfAbsent(isco, code -> new GroupBuilder()).labels.putIfAbsent(lang, label);
    }

    void addTitle(String isco, String lang, String title, Level level) {
      addTitle(isco, lang, title, level, null);
    }

    void addTitle(String isco, String lang, String title, Level level, String occupation) {
      GroupBuilder group = groups.computeIfAbsent(isco, code -> new GroupBuilder());
      group.titles.computeIfAbsent(lang, l -> new LinkedHashSet<>()).add(title);
      // The same title under one group in one language from several sources is indexed once.
      if (titleKeys.add(isco + '\t' + lang + '\t' + title)) {
        titles.add(new TitleEntry(isco, lang, title, level, occupation));
      }
    }

    void addKldb(String kldb, String isco) {
      kldbToIsco.computeIfAbsent(kldb, k -> new LinkedHashSet<>()).add(isco);
    }

    void addEsco(String uri, String isco) {
      escoToIsco.putIfAbsent(uri, isco);
    }
  }

  /**
   * A title to classify against: its unit group, language, and where known its requirement level
   * and occupation.
   */
  static final class TitleEntry {
    final String isco;
    final String lang;
    final String title;
    final Level level;
    final String occupation;

    TitleEntry(String isco, String lang, String title, Level level, String occupation) {
      this.isco = isco;
      this.lang = lang;
      this.title = title;
      this.level = level;
      this.occupation = occupation;
    }
  }

  private static final class GroupBuilder {
    final Map<String, String> labels = new HashMap<>();
    final Map<String, LinkedHashSet<String>> titles = new TreeMap<>();

    Group build() {
      ImmutableMap.Builder<String, ImmutableList<String>> byLanguage = ImmutableMap.builder();
      titles.forEach((lang, list) -> byLanguage.put(lang, ImmutableList.copyOf(list)));
      return new Group(ImmutableMap.copyOf(labels), byLanguage.build());
    }
  }

  private static final class Group {
    final ImmutableMap<String, String> labels;
    final ImmutableMap<String, ImmutableList<String>> titles;

    Group(ImmutableMap<String, String> labels, ImmutableMap<String, ImmutableList<String>> titles) {
      this.labels = labels;
      this.titles = titles;
    }
  }
}
