package org.passgenau.rank;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import org.passgenau.model.Experience;
import org.passgenau.model.Occupation;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.Recognition;
import org.passgenau.taxonomy.IscoCode;

/**
 * The occupations one person brings, for one query: qualifications (with their recognition),
 * experience and wishes as ISCO codes, and how close the rule set holds two codes to be. Shared by
 * the occupation scorer, the recognition filter and the recognition signal; the best recognition
 * per job code is decided once per query for the latter two.
 *
 * <p>Confined to the thread that runs the query.
 */
final class BroughtOccupations {

  /** Source of an occupation the person brings, for explanations. */
  static final byte FROM_QUALIFICATION = 0;
  static final byte FROM_EXPERIENCE = 1;
  static final byte FROM_WISH = 2;

  private static final int UNDECIDED = Integer.MIN_VALUE;

  /** Every occupation the person brings, with how much it counts and where it comes from. */
  final int[] isco;
  /** In double: the rules state tenths, which a float would log as 0.8999999761581421. */
  final double[] weight;
  final byte[] source;
  /** The qualifications' codes and recognition ({@link Recognition} ordinals). */
  private final int[] qualIsco;
  private final byte[] qualRecognition;
  /** Sorted {@link #pairKey} of the rule set's occupation bridges. */
  private final long[] bridges;
  private final int bridgeLevels;
  /** Sorted {@link #pairKey} of the rule set's recognition equivalences. */
  private final long[] equivalences;
  private final int recognitionLevels;
  /**
   * The best recognition per {@link OpportunityColumns#occupationClass} ({@link #UNDECIDED} while
   * not computed); sized when the query is bound, after its snapshot was taken.
   */
  private final int[] recognitionMemo;

  BroughtOccupations(Profile p, RuleSet rules, Vocabulary vocabulary,
      ToIntFunction<Occupation> toIsco, boolean memoize) {
    // A qualification counts fully, an experience more with more years, a wish a little less
    // than a qualification.
    List<Brought> brought = new ArrayList<>();
    this.qualIsco = new int[p.qualifications().size()];
    this.qualRecognition = new byte[p.qualifications().size()];
    for (int i = 0; i < p.qualifications().size(); i++) {
      Qualification q = p.qualifications().get(i);
      qualIsco[i] = toIsco.applyAsInt(q.occupation());
      // An unknown status is treated as not applied for: it proves nothing.
      qualRecognition[i] = (byte) (q.recognition() == null
          ? Recognition.NOT_APPLIED : q.recognition()).ordinal();
      brought.add(new Brought(qualIsco[i], 1.0, FROM_QUALIFICATION));
    }
    for (Experience e : p.experience()) {
      double years = e.years() == null ? 1 : e.years();
      // (6 + years) / 10 rather than 0.6 + 0.1 * years, which is 0.9000000000000001 for 3.
      brought.add(new Brought(toIsco.applyAsInt(e.occupation()),
          Math.min(1.0, (6 + years) / 10), FROM_EXPERIENCE));
    }
    for (Occupation wish : p.desiredOccupations()) {
      brought.add(new Brought(toIsco.applyAsInt(wish), 0.9, FROM_WISH));
    }
    brought.removeIf(b -> b.isco() == IscoCode.NONE);
    this.isco = new int[brought.size()];
    this.weight = new double[brought.size()];
    this.source = new byte[brought.size()];
    for (int i = 0; i < brought.size(); i++) {
      isco[i] = brought.get(i).isco();
      weight[i] = brought.get(i).weight();
      source[i] = brought.get(i).source();
    }
    this.bridges = pairKeys(rules.occupationBridges());
    this.bridgeLevels = rules.bridgeLevels();
    this.equivalences = pairKeys(rules.recognitionEquivalences());
    this.recognitionLevels = rules.recognitionSharedLevels();
    this.recognitionMemo = new int[memoize ? vocabulary.occupations.size() : 0];
    Arrays.fill(recognitionMemo, UNDECIDED);
  }

  /**
   * The facts {@link #closeness} weighs, for share keys: two people with equal keys are equally
   * close to every occupation (where each occupation came from changes only the explanation).
   */
  List<Object> closenessKey() {
    return Rule.key(isco, weight);
  }

  /**
   * The facts {@link #bestRecognitionFor} reads, for share keys: two people with equal keys are
   * equally recognised for every occupation.
   */
  List<Object> recognitionKey() {
    return Rule.key(qualIsco, qualRecognition);
  }

  /**
   * Occupational closeness in shared ISCO levels (4 = same unit group), raised for pairs the
   * rule set bridges, such as nurse and care helper, which the ISCO tree puts far apart.
   */
  int closeness(int personIsco, int jobIsco) {
    int shared = IscoCode.sharedLevels(personIsco, jobIsco);
    return shared >= bridgeLevels || !bridged(personIsco, jobIsco) ? shared : bridgeLevels;
  }

  private boolean bridged(int a, int b) {
    return Arrays.binarySearch(bridges, pairKey(a, b)) >= 0;
  }

  /**
   * The best recognition status (lowest {@link Recognition} ordinal) among the person's
   * qualifications close enough to the ISCO code of opportunity {@code d} to count, or -1 when
   * none is. Memoised per occupation class; the lookup is kept apart from the computation so that
   * it stays small enough to inline in the ranking loops.
   */
  int bestRecognitionFor(OpportunityColumns c, int d) {
    int id = c.occupationClass[d];
    int best = id < recognitionMemo.length ? recognitionMemo[id] : UNDECIDED;
    return best != UNDECIDED ? best : decideBestRecognition(c, d);
  }

  private int decideBestRecognition(OpportunityColumns c, int d) {
    int best = computeBestRecognition(c.isco[d]);
    int id = c.occupationClass[d];
    if (id < recognitionMemo.length) { // else the columns were built after the query was bound
      recognitionMemo[id] = best;
    }
    return best;
  }

  private int computeBestRecognition(int jobIsco) {
    int best = -1;
    for (int i = 0; i < qualIsco.length; i++) {
      if (recognitionCounts(qualIsco[i], jobIsco) && (best == -1 || qualRecognition[i] < best)) {
        best = qualRecognition[i]; // Recognition is ordered from FULL (0) downwards
      }
    }
    return best;
  }

  /**
   * Whether a recognition of a qualification in {@code qualificationIsco} counts for a job in
   * {@code jobIsco}: recognition is granted for one profession, so the same unit group (or as
   * close as the rule set allows), or a pair the rule set lists as equivalent.
   */
  boolean recognitionCounts(int qualificationIsco, int jobIsco) {
    return closeness(qualificationIsco, jobIsco) >= recognitionLevels
        || Arrays.binarySearch(equivalences, pairKey(qualificationIsco, jobIsco)) >= 0;
  }

  /** The key of an unordered pair of codes. */
  static long pairKey(int a, int b) {
    return ((long) Math.min(a, b) << 32) | (Math.max(a, b) & 0xffffffffL);
  }

  /**
   * Sorted pair keys per list of pairs of a rule set, by identity: a rule set's lists are
   * immutable, and reverse matching binds a query per person, where encoding and sorting the
   * same pairs again each time cost more than the rest of the binding.
   */
  private static final LoadingCache<List<List<String>>, long[]> PAIR_KEYS =
      Caffeine.newBuilder().weakKeys().build(BroughtOccupations::encodePairKeys);

  /** The sorted keys of {@code pairs}; shared, never to be changed. */
  private static long[] pairKeys(List<List<String>> pairs) {
    return PAIR_KEYS.get(pairs);
  }

  private static long[] encodePairKeys(List<List<String>> pairs) {
    return pairs.stream()
        .mapToLong(pair -> pairKey(IscoCode.encode(pair.get(0)), IscoCode.encode(pair.get(1))))
        .sorted()
        .toArray();
  }

  /** An occupation the person brings, before it is spread into the arrays. */
  private record Brought(int isco, double weight, byte source) {}
}
