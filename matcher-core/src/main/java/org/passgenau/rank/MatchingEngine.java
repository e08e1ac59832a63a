package org.passgenau.rank;

import com.google.common.cache.CacheBuilder;
import com.google.common.cache.CacheLoader;
import com.google.common.cache.LoadingCache;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.passgenau.index.CandidateQueries;
import org.passgenau.index.OpportunityIndex;
import org.passgenau.index.Snapshot;
import org.passgenau.index.analysis.OpportunityAnalyzer;
import org.passgenau.index.analysis.Terms;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.Profile;
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
 * <p>How a query runs: the index yields the candidates within the person's reach (a geo-distance
 * query when the person cannot move; all opportunities otherwise), the rule set's hard filters
 * run over the segment's primitive columns, the admitted are scored into a bounded top-k heap,
 * and only the k results are loaded and explained. Each opportunity is counted once in {@link
 * MatchResult#excluded()}, under the first filter (in {@link RuleSet#FILTERS} order) that
 * excludes it.
 *
 * <p>Thread-safe: any number of threads may match while others upsert, delete and refresh; each
 * match sees one consistent snapshot of the index as of the last {@link #refresh()}.
 */
public final class MatchingEngine implements Closeable {

  private static final int COMMUTE_SLOT = RuleSet.FILTERS.indexOf("commute");

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

  private MatchingEngine(Builder b) {
    this.rules = new CompiledRules(b.ruleSet);
    this.taxonomy = b.taxonomy;
    this.titleCodes =
        CacheBuilder.newBuilder()
            .maximumSize(200_000)
            .build(CacheLoader.from(
                title -> taxonomy.classify(title).map(c -> IscoCode.encode(c.isco())).orElse(IscoCode.NONE)));
    this.occupationCodes =
        CacheBuilder.newBuilder()
            .maximumSize(200_000)
            .build(CacheLoader.from(
                occupation -> resolve(occupation).map(IscoCode::encode).orElse(IscoCode.NONE)));
    this.analyzer = OpportunityAnalyzer.forIndexing();
    this.vocabulary = new Vocabulary(text -> Terms.analyze(analyzer, text));
    OpportunityIndex.Builder<OpportunityColumns> index =
        OpportunityIndex.builder(docs -> OpportunityColumns.of(docs, vocabulary, this::isco))
            .analyzer(analyzer);
    if (b.directory != null) {
      index.directory(b.directory);
    }
    this.index = index.build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public RuleSet ruleSet() {
    return rules.ruleSet;
  }

  /** The index, for {@link SnapshotProbe}. */
  OpportunityIndex<OpportunityColumns> index() {
    return index;
  }

  /** Adds an opportunity or replaces the one with its id; visible after {@link #refresh()}. */
  public void upsert(Opportunity opportunity) {
    index.upsert(opportunity);
  }

  /** Adds or replaces many; visible after {@link #refresh()}. */
  public void upsertAll(Iterable<Opportunity> opportunities) {
    index.upsertAll(opportunities);
  }

  /** Removes the opportunity with this id, if any; takes effect at {@link #refresh()}. */
  public void delete(String id) {
    index.delete(id);
  }

  /** Makes all changes so far visible to the matches that start afterwards. */
  public void refresh() {
    index.refresh();
  }

  /** Makes all changes durable, for an engine on disk. */
  public void commit() {
    index.commit();
  }

  /** Opportunities visible to matches. */
  public int size() {
    return index.size();
  }

  /** Ranks the visible opportunities for {@code profile}. */
  public MatchResult match(Profile profile, MatchOptions options) {
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(options, "options");
    TopK top = new TopK(options.topK());
    int[] excluded = new int[RuleSet.FILTERS.size()];
    Messages messages = new Messages(options.locale(), this::label);
    try (Snapshot<OpportunityColumns> snapshot = index.acquire()) {
      // Compiled after the snapshot is taken: the profile's languages and skills are looked up
      // in the vocabulary that the snapshot's segments filled, so none of them is missed.
      ProfileQuery q = new ProfileQuery(profile, rules.ruleSet, options.asOf(), vocabulary, this::isco);
      CandidateCollector collector = new CandidateCollector(snapshot, q, top, excluded);
      snapshot.searcher().search(candidates(q), collector);
      collector.finishSegment();
      if (rules.ruleSet.filterOn("commute")) {
        excluded[COMMUTE_SLOT] += snapshot.size() - collector.seen;
      }
      List<Match> matches = new ArrayList<>();
      TopK.Entry[] best = top.drainBestFirst();
      for (int i = 0; i < best.length; i++) {
        TopK.Entry e = best[i];
        // Explained from the columns alone: no stored document is loaded and decoded.
        matches.add(new Match(i + 1, e.id, CompiledRules.round(e.score),
            rules.explain(q, e.columns, e.doc, messages)));
      }
      List<NextStep> nextSteps =
          matches.size() < options.topK() ? nextSteps(excluded, messages) : List.of();
      return new MatchResult(profile.id(), rules.ruleSet.name(), matches, counts(excluded), nextSteps);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The three filters that excluded most, with the step that would open their opportunities. */
  private static List<NextStep> nextSteps(int[] excluded, Messages messages) {
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
      String filter = RuleSet.FILTERS.get(slots[i]);
      steps.add(new NextStep(filter, excluded[slots[i]],
          messages.text("next." + filter, excluded[slots[i]])));
    }
    return steps;
  }

  /** Exclusion counts of the filters that are on, in rule-set order. */
  Map<String, Integer> counts(int[] excluded) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int slot : rules.filterSlots) {
      counts.put(RuleSet.FILTERS.get(slot), excluded[slot]);
    }
    return counts;
  }

  /**
   * The index query for the person's reach. When the person cannot or will not move, only
   * opportunities in the box around the commuting circle (a little wider, since the index rounds
   * coordinates; the commute filter then decides exactly on the columns), remote ones and those
   * without coordinates can pass; otherwise every opportunity is a candidate. A box, not a
   * distance query: its weight is cheap to build, and the exact check follows anyway.
   */
  private Query candidates(ProfileQuery q) {
    if (!rules.ruleSet.filterOn("commute") || !q.located || q.willingToRelocate) {
      return CandidateQueries.all();
    }
    double radius = q.maxCommuteKm() * 1.001 + 0.05;
    return new BooleanQuery.Builder()
        .add(CandidateQueries.boxAroundKm(q.lat, q.lon, radius), BooleanClause.Occur.SHOULD)
        .add(CandidateQueries.remote(), BooleanClause.Occur.SHOULD)
        .add(CandidateQueries.withoutCoordinates(), BooleanClause.Occur.SHOULD)
        .build();
  }

  /**
   * Gathers each segment's candidates, then runs the filters over them one after the other and
   * scores the admitted into the heap. Working filter by filter keeps each loop monomorphic and
   * over a few arrays at a time.
   */
  private final class CandidateCollector extends SimpleCollector {
    private final Snapshot<OpportunityColumns> snapshot;
    private final ProfileQuery q;
    private final TopK top;
    private final int[] excluded;
    private final Scratch scratch = SCRATCH.get();
    private OpportunityColumns columns;
    private int docBase;
    private int buffered;
    int seen;

    CandidateCollector(Snapshot<OpportunityColumns> snapshot, ProfileQuery q, TopK top, int[] excluded) {
      this.snapshot = snapshot;
      this.q = q;
      this.top = top;
      this.excluded = excluded;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) {
      finishSegment();
      columns = snapshot.segment(context).columns();
      docBase = context.docBase;
    }

    @Override
    public void collect(int doc) {
      if (buffered == scratch.docs.length) {
        scratch.grow();
      }
      scratch.docs[buffered++] = doc;
    }

    /** Filters and scores the buffered candidates of the current segment. */
    void finishSegment() {
      if (buffered == 0) {
        return;
      }
      seen += buffered;
      int[] docs = scratch.docs;
      int admitted = rules.retainAdmitted(q, columns, docs, buffered, excluded);
      double[] scores = scratch.scores;
      rules.scoreAll(q, columns, docs, admitted, scores);
      for (int i = 0; i < admitted; i++) {
        top.offer(scores[i], columns, docs[i], docBase + docs[i]);
      }
      buffered = 0;
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }
  }

  /** Per-thread buffers of candidate doc ids and scores, grown as needed and reused. */
  private static final class Scratch {
    int[] docs = new int[4096];
    double[] scores = new double[4096];

    void grow() {
      docs = Arrays.copyOf(docs, docs.length * 2);
      scores = new double[docs.length];
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

  /** ISCO code of an opportunity (classifying its title when it has no code), encoded. */
  private int isco(Opportunity o) {
    Optional<String> code = o.occupation() == null ? Optional.empty() : resolve(o.occupation());
    return code.isPresent() ? IscoCode.encode(code.get()) : titleCodes.getUnchecked(o.title());
  }

  private int isco(Occupation occupation) {
    return occupationCodes.getUnchecked(occupation);
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

    public MatchingEngine build() {
      if (taxonomy == null) {
        taxonomy = OccupationTaxonomy.builder().build();
      }
      return new MatchingEngine(this);
    }
  }
}
