package org.passgenau.rank;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.google.common.collect.Iterables;
import java.io.Closeable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import org.passgenau.index.OpportunityIndex;
import org.passgenau.index.Segment;
import org.passgenau.index.Snapshot;
import org.passgenau.index.analysis.OpportunityAnalyzer;
import org.passgenau.index.analysis.Terms;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
import org.passgenau.rank.spi.CustomRule;
import org.passgenau.rank.spi.CustomRules;
import org.passgenau.taxonomy.IscoCode;
import org.passgenau.taxonomy.OccupationTaxonomy;

/**
 * The matching engine: an index of opportunities, a rule set, and ranked, explained matches for a
 * profile. The one entry point of the library.
 *
 * <pre>{@code
 * try (MatchingEngine engine = MatchingEngine.builder()
 *     .taxonomy(OccupationTaxonomy.fromTsv(Path.of("data/taxonomy/occupations.tsv")))
 *     .build()) {
 *   engine.upsertAll(opportunities);
 *   engine.refresh();
 *   MatchResult result = engine.match(profile, MatchOptions.defaults().withTopK(10));
 * }
 * }</pre>
 *
 * <p>How a query runs, segment by segment of the index snapshot: one sequential scan over the
 * segment's coordinate columns keeps the live opportunities within the person's reach, the rule
 * set's other hard filters run over the survivors' primitive columns, the admitted are scored
 * into a bounded top-k heap, and only the k results are explained, from the columns alone. Each opportunity is counted once in {@link
 * MatchResult#excluded()}, under the first filter (in {@link RuleSet#FILTERS} order) that
 * excludes it.
 *
 * <p>Custom rules ({@link org.passgenau.rank.spi}) that the rule set names join the built-in
 * ones: their values are extracted into columns beside the built-in features when segments are
 * built, their filters count exclusions after the built-in filters, and their scorers explain
 * after the built-in scorers. They come from {@link Builder#customRule} and, for names not given
 * there, from {@link java.util.ServiceLoader}.
 *
 * <p>Thread-safe: any number of threads may match while others upsert, delete and refresh; each
 * match sees one consistent snapshot of the index as of the last {@link #refresh()}.
 */
public final class MatchingEngine implements Closeable {

  private final CompiledRules rules;
  private final OccupationTaxonomy taxonomy;
  private final Vocabulary vocabulary;
  private final OpportunityAnalyzer analyzer;
  private final OpportunityIndex<OpportunityColumns> index;
  /**
   * Classified titles. Segments are rebuilt when Lucene merges them, and titles repeat across
   * postings, so classifying each distinct title once saves most of the cost.
   */
  private final LoadingCache<String, Integer> titleCodes;
  /** Resolved occupations of profiles (which often carry only a title), for the same reason. */
  private final LoadingCache<Occupation, Integer> occupationCodes;
  /** The people that {@link #candidates} ranks. */
  private final ProfileStore profiles;
  /** Their rules, bound for reverse matching and kept between queries. */
  private final BoundPeople.Pool boundPeople;

  private MatchingEngine(Builder b) {
    this.rules = new CompiledRules(b.ruleSet, b.customRules);
    this.profiles = new ProfileStore(b.ruleSet);
    this.taxonomy = b.taxonomy;
    this.titleCodes =
        Caffeine.newBuilder()
            .maximumSize(200_000)
            .build(
                title -> taxonomy.classify(title).map(c -> IscoCode.encode(c.isco())).orElse(IscoCode.NONE));
    this.occupationCodes =
        Caffeine.newBuilder()
            .maximumSize(200_000)
            .build(occupation -> resolve(occupation).map(IscoCode::encode).orElse(IscoCode.NONE));
    this.analyzer = OpportunityAnalyzer.forIndexing();
    this.vocabulary = new Vocabulary(text -> Terms.analyze(analyzer, text));
    this.boundPeople = new BoundPeople.Pool(
        Runtime.getRuntime().availableProcessors(), rules, vocabulary, this::isco);
    OpportunityIndex.Builder<OpportunityColumns> index =
        OpportunityIndex.builder(
                docs -> OpportunityColumns.of(docs, vocabulary, this::isco, rules.custom.extracted));
    if (b.indexingThreads != null) {
      index.indexingThreads(b.indexingThreads);
    }
    if (b.directory != null) {
      index.directory(b.directory);
    }
    if (b.readOnly) {
      index.readOnly();
    }
    try {
      this.index = index.build();
    } catch (RuntimeException e) {
      analyzer.close();
      throw e;
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  public RuleSet ruleSet() {
    return rules.ruleSet;
  }

  /** The index, for the benchmarks' SnapshotProbe (in this package there). */
  OpportunityIndex<OpportunityColumns> index() {
    return index;
  }

  /** Adds an opportunity or replaces the one with its id; visible after {@link #refresh()}. */
  public void upsert(Opportunity opportunity) {
    index.upsert(opportunity);
  }

  /**
   * Adds or replaces many, in order (a later one with the same id wins); visible after {@link
   * #refresh()}. Large inputs are indexed on {@link Builder#indexingThreads} threads.
   */
  public void upsertAll(Iterable<Opportunity> opportunities) {
    index.upsertAll(opportunities);
  }

  /**
   * Starts a bulk upsert fed one opportunity at a time, for loading a stream without holding it:
   * each opportunity accepted is indexed on one of {@link Builder#indexingThreads} threads while
   * the caller reads the next, and {@code close()} returns when all are indexed. A later
   * opportunity with the same id wins, as with {@link #upsertAll}. Visible after {@link
   * #refresh()}.
   *
   * <pre>{@code
   * try (MatchingEngine.BulkUpsert load = engine.bulkUpsert()) {
   *   JsonLinesReader.opportunities().read(file, load, rejects::add);
   * }
   * engine.refresh();
   * }</pre>
   *
   * <p>One thread feeds the returned object; the engine stays usable by others meanwhile.
   *
   * @throws IllegalStateException if the engine is {@linkplain Builder#readOnly() read-only}
   */
  public BulkUpsert bulkUpsert() {
    OpportunityIndex.Bulk bulk = index.bulk();
    return new BulkUpsert() {
      @Override
      public void accept(Opportunity opportunity) {
        bulk.accept(opportunity);
      }

      @Override
      public void close() {
        bulk.close();
      }
    };
  }

  /**
   * A bulk upsert under way: {@link #accept} each opportunity, then {@link #close()}. An
   * exception from indexing is rethrown, as it was thrown, by the next {@code accept} or by
   * {@code close}.
   */
  public interface BulkUpsert extends java.util.function.Consumer<Opportunity>, AutoCloseable {
    /** Waits until every accepted opportunity is indexed. */
    @Override
    void close();
  }

  /** Removes the opportunity with this id, if any; takes effect at {@link #refresh()}. */
  public void delete(String id) {
    index.delete(id);
  }

  /**
   * Adds a person for {@link #candidates} to rank, or replaces the one with its id; visible after
   * {@link #refresh()}. Profiles are held in memory, also by a read-only engine, and never saved.
   */
  public void upsertProfile(Profile profile) {
    profiles.upsert(profile);
  }

  /** Adds or replaces many people, in order (a later one with the same id wins). */
  public void upsertProfiles(Iterable<Profile> people) {
    for (Profile profile : people) {
      profiles.upsert(profile);
    }
  }

  /** Removes the person with this id, if any; takes effect at {@link #refresh()}. */
  public void deleteProfile(String id) {
    profiles.delete(id);
  }

  /** People visible to {@link #candidates}. */
  public int profileCount() {
    return profiles.published().size();
  }

  /**
   * Makes all changes so far, to opportunities and people, visible to the queries that start
   * afterwards. A {@linkplain Builder#readOnly() read-only} engine moves on to the last commit of
   * the saved index, so that it sees what the engine writing the index has committed since.
   */
  public void refresh() {
    index.refresh();
    profiles.refresh();
  }

  /** Makes all changes durable, for an engine on disk. */
  public void commit() {
    index.commit();
  }

  /**
   * Closes the engine without saving: an engine on disk discards the changes to opportunities
   * made since its last {@link #commit()}, so that a run that fails or is stopped half-way
   * leaves the saved index as it was ({@link #close()} saves them). Closing afterwards does
   * nothing.
   */
  public void rollback() {
    try {
      index.rollback();
    } finally {
      analyzer.close();
    }
  }

  /** Opportunities visible to matches. */
  public int size() {
    return index.size();
  }

  /**
   * The segment and segment doc id of the visible opportunity with this id.
   *
   * @throws NoSuchElementException naming the id when there is none
   */
  private static int[] find(Snapshot<OpportunityColumns> snapshot, String opportunityId) {
    int[] found = snapshot.find(opportunityId);
    if (found == null) {
      throw new NoSuchElementException(
          "no opportunity with id '" + opportunityId + "' in the index");
    }
    return found;
  }

  /** The visible opportunity with this id, as it was upserted. */
  public Optional<Opportunity> opportunity(String id) {
    Objects.requireNonNull(id, "id");
    try (Snapshot<OpportunityColumns> snapshot = index.acquire()) {
      int[] found = snapshot.find(id);
      if (found == null) {
        return Optional.empty();
      }
      int docBase = snapshot.segments().get(found[0]).docBase();
      return Optional.of(snapshot.opportunity(docBase + found[1]));
    }
  }

  /** Ranks the visible opportunities for {@code profile}. */
  public MatchResult match(Profile profile, MatchOptions options) {
    return rank(profile, options, (bound, best, excluded) -> {
      Messages messages = new Messages(options.locale(), this::label);
      List<Match> matches = new ArrayList<>();
      for (int i = 0; i < best.length; i++) {
        TopK.Entry e = best[i];
        // Explained from the columns alone: no stored document is loaded and decoded.
        matches.add(new Match(i + 1, e.id, e.written,
            bound.explain(e.columns, e.doc, messages)));
      }
      List<NextStep> nextSteps =
          matches.size() < options.topK() ? nextSteps(excluded, messages) : List.of();
      return new MatchResult(profile.id(), rules.ruleSet.name(), matches, counts(excluded), nextSteps);
    });
  }

  /**
   * Ranks the visible people ({@link #upsertProfile}) who may take the visible opportunity with
   * this id: the same hard rules, scores and explanations as {@link #match} gives for each pair,
   * best first, equal scores in profile id order, with the people each filter excluded counted
   * under the first filter that excludes the pair.
   *
   * <p>The first query after a refresh binds every person's rules (some microseconds a person)
   * and arranges them by classes of people with equal facts, kept for the next queries (a few
   * hundred bytes a person), once for each thread that ranks candidates at the same time; see
   * {@code docs/placement.md}.
   *
   * <pre>{@code
   * engine.upsertProfiles(registered);
   * engine.refresh();
   * CandidateResult result = engine.candidates("A-0042", MatchOptions.defaults().withTopK(10));
   * }</pre>
   *
   * @throws java.util.NoSuchElementException naming the id when no visible opportunity has it
   */
  public CandidateResult candidates(String opportunityId, MatchOptions options) {
    Objects.requireNonNull(opportunityId, "opportunityId");
    Objects.requireNonNull(options, "options");
    ProfileSet people = profiles.published();
    try (Snapshot<OpportunityColumns> snapshot = index.acquire()) {
      int[] found = find(snapshot, opportunityId);
      OpportunityColumns c = snapshot.segments().get(found[0]).columns();
      BoundPeople bound = boundPeople.take(people, snapshot.version(), options.asOf());
      CandidateRanker ranker = new CandidateRanker(rules, bound, options, c, c.rowOf(found[1]));
      int[] excluded = ranker.rank();
      CandidateResult result = new CandidateResult(opportunityId, rules.ruleSet.name(),
          ranker.candidates(this::label), counts(excluded));
      // Only after a query that ended well: one that failed may leave its scratch unclean.
      boundPeople.giveBack(bound);
      return result;
    }
  }

  /**
   * The match of one pair, as {@link #match} would rank and explain it, or empty when a filter
   * excludes the pair; its rank is 1, since the pair is ranked alone. For explaining a proposal
   * made elsewhere, such as an assignment, without ranking the person's whole list again.
   *
   * @throws NoSuchElementException naming the id when no visible opportunity has it
   */
  public Optional<Match> matchPair(Profile profile, String opportunityId, MatchOptions options) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(opportunityId, "opportunityId");
    Objects.requireNonNull(options, "options");
    try (Snapshot<OpportunityColumns> snapshot = index.acquire()) {
      int[] found = find(snapshot, opportunityId);
      OpportunityColumns c = snapshot.segments().get(found[0]).columns();
      int row = c.rowOf(found[1]);
      CompiledRules.Bound bound = rules.bind(new ProfileQuery(
          profile, rules.ruleSet, options.asOf(), vocabulary, this::isco, false));
      if (bound.firstExclusion(c, row) >= 0) {
        return Optional.empty();
      }
      Messages messages = new Messages(options.locale(), this::label);
      return Optional.of(new Match(1, opportunityId, CompiledRules.round(bound.score(c, row)),
          bound.explain(c, row, messages)));
    }
  }

  /**
   * The raw value of every feature (every built-in scorer, weighed or not, then the custom
   * scorers the rule set weighs) for the best {@code options.topK()} admitted opportunities, in
   * the order {@link #match} ranks them, for training ranking models elsewhere. The locale of
   * {@code options} is not used.
   */
  public Features features(Profile profile, MatchOptions options) {
    return rank(profile, options, (bound, best, excluded) -> {
      List<Features.Candidate> candidates = new ArrayList<>();
      for (int i = 0; i < best.length; i++) {
        TopK.Entry e = best[i];
        candidates.add(new Features.Candidate(i + 1, e.id, e.score,
            bound.featureValues(e.columns, e.doc)));
      }
      return new Features(profile.id(), rules.ruleSet.name(), rules.featureNames(), candidates);
    });
  }

  /**
   * The single changes that would open opportunities to this person, as of {@code
   * options.asOf()}, explained in {@code options.locale()}: for each change the rules know for
   * the person (a CEFR level more in a language asked, recognition completed, a driving licence
   * class, a longer commute, arranged childcare, more weekly hours, the end of a work ban; see
   * {@code docs/gaps.md}), how many opportunities {@link #match} would admit for the changed
   * profile and not for this one, and the best of them. The ids of the opened opportunities are
   * included, for {@link GapCohort}. {@code topK} of {@code options} is not used. Same thread
   * safety as {@link #match}.
   *
   * <pre>{@code
   * Gaps gaps = engine.gaps(profile, MatchOptions.defaults().in(Locale.GERMAN));
   * gaps.gaps().forEach(gap -> System.out.println(gap.explanation()));
   * }</pre>
   */
  public Gaps gaps(Profile profile, MatchOptions options) {
    return gaps(profile, options, true);
  }

  /**
   * As {@link #gaps(Profile, MatchOptions)}, with the ids of the opened opportunities only when
   * {@code withOpenedIds}: without them a person's gaps cost less, but cannot be added to a
   * {@link GapCohort}.
   */
  public Gaps gaps(Profile profile, MatchOptions options, boolean withOpenedIds) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
    try (Snapshot<OpportunityColumns> snapshot = index.acquire()) {
      // Bound inside, after the snapshot is taken, as rank does.
      Messages messages = new Messages(options.locale(), this::label);
      return new GapFinder(rules, vocabulary, this::isco, messages)
          .find(profile, options.asOf(), snapshot.segments(), withOpenedIds);
    }
  }

  /** What {@link #rank(Profile, MatchOptions, Ranked)} hands over while its snapshot is open. */
  @FunctionalInterface
  private interface Ranked<T> {
    T result(CompiledRules.Bound bound, TopK.Entry[] bestFirst, int[] excluded);
  }

  /**
   * Ranks the visible opportunities for {@code profile} into the best {@code options.topK()},
   * counting exclusions per filter slot, and turns them into a result with {@code then} before the
   * snapshot closes (the entries point into its columns).
   */
  private <T> T rank(Profile profile, MatchOptions options, Ranked<T> then) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
    TopK top = new TopK(options.topK());
    int[] excluded = new int[rules.exclusionSlots()];
    try (Snapshot<OpportunityColumns> snapshot = index.acquire()) {
      // Compiled after the snapshot is taken: the profile's languages and skills are looked up
      // in the vocabulary that the snapshot's segments filled, so none of them is missed.
      ProfileQuery q = new ProfileQuery(profile, rules.ruleSet, options.asOf(), vocabulary, this::isco);
      CompiledRules.Bound bound = rules.bind(q);
      Scratch scratch = SCRATCH.get();
      for (Segment<OpportunityColumns> segment : snapshot.segments()) {
        rank(bound, segment, scratch, top, excluded);
      }
      return then.result(bound, top.drainBestFirst(), excluded);
    }
  }

  /** The names of the features {@link #features} gives, in order. */
  public List<String> featureNames() {
    return List.copyOf(rules.featureNames());
  }

  /**
   * Ranks one segment: the reach scan picks the live opportunities within the person's reach
   * (all live ones when the commute filter is off or cannot exclude), the other filters run over
   * them one after the other, and the admitted are scored into the heap. Working filter by
   * filter keeps each loop monomorphic and over a few arrays at a time.
   */
  private void rank(
      CompiledRules.Bound bound, Segment<OpportunityColumns> segment,
      Scratch scratch, TopK top, int[] excluded) {
    OpportunityColumns c = segment.columns();
    int[] docs = scratch.docs(c.size);
    int live = segment.context().reader().numDocs();
    int n = bound.reachable(c, segment.liveDocs(), docs, excluded, live);
    n = bound.retainAdmitted(c, docs, n, excluded);
    bound.scoreInto(c, docs, n, scratch.scores, top);
  }

  /** The three filters that excluded most, with the step that would open their opportunities. */
  private List<NextStep> nextSteps(int[] excluded, Messages messages) {
    Integer[] slots = new Integer[excluded.length];
    for (int i = 0; i < slots.length; i++) {
      slots[i] = i;
    }
    // Most excluded first; equal counts in rule-set order, so the output is deterministic.
    Arrays.sort(slots, (a, b) -> excluded[a] != excluded[b]
        ? Integer.compare(excluded[b], excluded[a])
        : Integer.compare(a, b));
    List<NextStep> steps = new ArrayList<>();
    for (int i = 0; i < slots.length && steps.size() < 3 && excluded[slots[i]] > 0; i++) {
      int slot = slots[i];
      String filter = rules.filterName(slot);
      steps.add(new NextStep(filter, excluded[slot], rules.nextStep(slot, excluded[slot], messages)));
    }
    return steps;
  }

  /** Exclusion counts of the filters that are on, in counting order: built-in, then custom. */
  Map<String, Integer> counts(int[] excluded) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int slot : rules.slotsOn()) {
      counts.put(rules.filterName(slot), excluded[slot]);
    }
    return counts;
  }

  /** Per-thread buffers of candidate doc ids and scores, grown as needed and reused. */
  private static final class Scratch {
    int[] docs = new int[4096];
    double[] scores = new double[4096];

    /** The doc buffer, at least {@code size} long. */
    int[] docs(int size) {
      if (docs.length < size) {
        docs = new int[Math.max(size, docs.length * 2)];
        scores = new double[docs.length];
      }
      return docs;
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** ISCO code of an opportunity (classifying its title when it has no code), encoded. */
  private int isco(Opportunity o) {
    Optional<String> code = o.occupation() == null ? Optional.empty() : resolve(o.occupation());
    return code.isPresent() ? IscoCode.encode(code.get()) : titleCodes.get(o.title());
  }

  private int isco(Occupation occupation) {
    return occupationCodes.get(occupation);
  }

  private Optional<String> resolve(Occupation occupation) {
    return taxonomy.resolveIsco(occupation);
  }

  private Optional<String> label(String isco, Locale locale) {
    return taxonomy.label(isco, locale.getLanguage());
  }

  @Override
  public void close() {
    try {
      index.close();
    } finally {
      analyzer.close();
    }
  }

  /** Configures a {@link MatchingEngine}; fails fast on bad values. Not thread-safe. */
  public static final class Builder {
    private RuleSet ruleSet = RuleSet.defaults();
    private OccupationTaxonomy taxonomy;
    private Path directory;
    /** Null for the index's default. */
    private Integer indexingThreads;
    private boolean readOnly;
    private final Map<String, CustomRule> explicit = new LinkedHashMap<>();
    /** What build() resolved: the explicit rules, and installed ones the rule set names. */
    private CustomRules customRules = CustomRules.none();

    private Builder() {}

    public Builder ruleSet(RuleSet ruleSet) {
      this.ruleSet = Objects.requireNonNull(ruleSet, "ruleSet must not be null");
      return this;
    }

    /**
     * The occupation taxonomy that resolves KldB codes and titles to ISCO-08 and labels
     * occupations in explanations. Default: none, so only given ISCO codes count.
     */
    public Builder taxonomy(OccupationTaxonomy taxonomy) {
      this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy must not be null");
      return this;
    }

    /** Keeps the index on disk; an index already there is reopened. Default: in memory. */
    public Builder directory(Path directory) {
      this.directory = Objects.requireNonNull(directory, "directory must not be null");
      return this;
    }

    /**
     * Ranks from the index saved in {@link #directory} by another engine, without changing it:
     * the engine reads the index's last commit and takes no write lock, so any number of
     * processes may rank from one saved index at once, also while one engine writes to it (they
     * see its commits as of their own start, and later ones after {@link MatchingEngine#refresh}).
     * {@code upsert}, {@code upsertAll}, {@code bulkUpsert}, {@code delete} and {@code commit}
     * throw an {@link IllegalStateException}. Matching is thread-safe as on any engine.
     *
     * <pre>{@code
     * try (MatchingEngine engine = MatchingEngine.builder()
     *     .directory(Path.of("var/opportunities"))
     *     .readOnly()
     *     .build()) {
     *   MatchResult result = engine.match(profile, MatchOptions.defaults());
     * }
     * }</pre>
     *
     * <p>{@link #build()} then throws an {@link IllegalStateException} naming the directory when
     * none is set, or when it does not exist or holds no saved index.
     */
    public Builder readOnly() {
      this.readOnly = true;
      return this;
    }

    /**
     * How many threads {@link MatchingEngine#upsertAll} indexes large inputs on (each id always on
     * the same one, so the outcome does not depend on it) and {@link MatchingEngine#refresh}
     * builds the columns of new segments on; 1 does both on the calling thread only. Default: the
     * available processors, at most 4.
     *
     * @throws IllegalArgumentException if {@code threads} is not between 1 and 64
     */
    public Builder indexingThreads(int threads) {
      if (threads < 1 || threads > 64) {
        throw new IllegalArgumentException("indexingThreads must be between 1 and 64, was " + threads);
      }
      this.indexingThreads = threads;
      return this;
    }

    /**
     * Registers a custom rule, for the rule set to name; it replaces a rule of the same name that
     * {@link java.util.ServiceLoader} would find. Custom rules the rule set names but that are not
     * registered here are looked up through {@link CustomRules#installed()} when the engine is
     * built.
     *
     * @throws IllegalArgumentException when the name is malformed, a built-in rule's, or was
     *     registered before
     */
    public Builder customRule(CustomRule rule) {
      Objects.requireNonNull(rule, "rule must not be null");
      CustomRules.checkName(rule.name());
      CustomRule earlier = explicit.putIfAbsent(rule.name(), rule);
      if (earlier != null) {
        throw new IllegalArgumentException("a custom rule named '" + rule.name()
            + "' is registered already: " + earlier.getClass().getName());
      }
      return this;
    }

    /**
     * Builds the engine.
     *
     * @throws IllegalArgumentException when the rule set names a custom rule that is neither
     *     registered nor installed, or names a filter as a scorer or a scorer as a filter
     * @throws IllegalStateException when an installed custom rule cannot be loaded, or a
     *     read-only engine has no saved index to read
     * @throws java.io.UncheckedIOException naming the directory when the index cannot be opened,
     *     for example because another engine writes to it
     */
    public MatchingEngine build() {
      if (taxonomy == null) {
        taxonomy = OccupationTaxonomy.builder().build();
      }
      customRules = CustomRules.of(explicit.values());
      boolean missing = false;
      for (String name : Iterables.concat(ruleSet.customFilters(), ruleSet.customWeights().keySet())) {
        missing |= !explicit.containsKey(name);
      }
      if (missing) {
        // Only now: a rule set without custom rules never loads classes it does not use.
        CustomRules known = CustomRules.installed();
        for (CustomRule rule : explicit.values()) {
          known = known.with(rule);
        }
        customRules = known;
      }
      return new MatchingEngine(this);
    }
  }
}
