package org.passgenau.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.passgenau.model.Level;

/**
 * Classifies free job titles to ISCO-08 unit groups by their nearest known titles.
 *
 * <p>Every known title becomes a TF-IDF vector of its normalised words ({@link TitleNormalizer})
 * and of their character 3- to 5-grams, so that compounds meet their parts in any order ({@code
 * Lagerlogistik}, {@code Logistik im Lager}) and spelling variants still overlap. A query is
 * compared by cosine with every title sharing a feature, through an inverted index of primitive
 * arrays; the {@value #NEIGHBOURS} nearest titles vote for their unit groups, each with its
 * similarity to the fourth power, each occupation once (its nearest title). The raw confidence is
 * the winner's share of the votes times the similarity of the winner's nearest title: a title
 * unlike anything known gets a low confidence even when its few neighbours agree. A monotone table, fit on held-out ESCO labels (see
 * docs/classification.md), turns it into an estimated probability; below a threshold per
 * language ({@link #unknownBelow}) the title is unknown.
 *
 * <p>Building is linear in the number of titles and deterministic: ties between titles go to the
 * one added first, ties between groups to the lower code.
 *
 * <p>Thread-safe: nothing changes after construction; the per-query scratch arrays are per
 * thread.
 */
final class TitleClassifier {

  /** Nearest titles that vote. */
  static final int NEIGHBOURS = 10;

  /**
   * Titles whose calibrated confidence is below this are unknown, unless their language has a
   * threshold of its own ({@link #unknownBelow}).
   */
  static final double UNKNOWN_BELOW = 0.35;

  /**
   * The threshold below which a title is unknown, by its language: the query's, else that of its
   * nearest title. The calibration is pooled over the languages, so its confidence is too low
   * for German titles and too high for Dutch and English ones: German keeps {@link
   * #UNKNOWN_BELOW}; Dutch and English get the highest threshold, in steps of 0.05, that still
   * classifies at least 85 % of their held-out ESCO labels (setting 1 of docs/classification.md),
   * to say "unknown" rather than guess.
   */
  static double unknownBelow(String language) {
    if (language == null) {
      return UNKNOWN_BELOW;
    }
    return switch (language) {
      case "nl" -> 0.45;
      case "en" -> 0.40;
      default -> UNKNOWN_BELOW;
    };
  }

  /** Weight of a title in another language than the query's, when the query names one. */
  static final float OTHER_LANGUAGE = 0.9f;

  /**
   * Features in more than this share of the titles ({@code er$}, {@code ing}) are dropped: they
   * say little and their long posting lists would dominate the time of a query.
   */
  static final double MAX_DF_SHARE = 0.1;

  /**
   * A neighbour's vote is its similarity to this power: an exact match (1.0) outweighs three
   * titles that share most of its words (0.75), yet neighbours that agree still add up.
   */
  static final double VOTE_POWER = 4;

  /**
   * Features in at most this share of the titles find the candidates; the commoner ones are only
   * added to the scores of the best {@value #CANDIDATES} candidates, which keeps a query fast.
   */
  static final double RARE_DF_SHARE = 0.005;

  static final int CANDIDATES = 256;

  private static final int MIN_GRAM = 3;
  private static final int MAX_GRAM = 5;

  /**
   * Raw confidence to estimated probability of being right, piecewise linear; fit by {@code
   * ClassifierEvaluation}: an isotonic fit of the share right at unit level on the raw
   * confidence, setting 1 (label held out), the three languages pooled, read at these points.
   */
  private static final double[] RAW =
      {0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0};
  private static final double[] CALIBRATED =
      {0.0, 0.146, 0.256, 0.348, 0.419, 0.496, 0.587, 0.647, 0.749, 0.791, 0.902, 0.957, 0.982,
          0.994, 1.0};

  private final List<OccupationTaxonomy.TitleEntry> entries;
  private final int[] entryGroup;
  private final String[] groupCodes;
  private final Map<String, Integer> featureIds;
  private final float[] idf;
  private final float unseenIdf;
  private final int[][] postingEntries;
  private final float[][] postingWeights;
  private final int[][] entryFeatures;
  private final float[] entryInverseNorm;
  private final int rareDf;
  private final ThreadLocal<Scratch> scratch;

  TitleClassifier(List<OccupationTaxonomy.TitleEntry> entries) {
    this.entries = List.copyOf(entries);
    int n = this.entries.size();
    Map<String, Integer> groups = new HashMap<>();
    List<String> codes = new ArrayList<>();
    entryGroup = new int[n];
    featureIds = new HashMap<>();
    int[] df = new int[1024];
    entryFeatures = new int[n][];
    for (int e = 0; e < n; e++) {
      OccupationTaxonomy.TitleEntry entry = this.entries.get(e);
      entryGroup[e] = groups.computeIfAbsent(entry.isco, code -> {
        codes.add(code);
        return codes.size() - 1;
      });
      List<String> features = features(TitleNormalizer.words(entry.title));
      int[] ids = new int[features.size()];
      for (int i = 0; i < ids.length; i++) {
        Integer id = featureIds.putIfAbsent(features.get(i), featureIds.size());
        ids[i] = id == null ? featureIds.size() - 1 : id;
        if (ids[i] >= df.length) {
          df = Arrays.copyOf(df, df.length * 2);
        }
        df[ids[i]]++;
      }
      Arrays.sort(ids);
      entryFeatures[e] = ids;
    }
    groupCodes = codes.toArray(new String[0]);
    int features = featureIds.size();
    idf = new float[features];
    int maxDf = Math.max(100, (int) (MAX_DF_SHARE * n));
    for (int f = 0; f < features; f++) {
      idf[f] = (float) Math.log(1.0 + (double) n / df[f]);
      if (df[f] > maxDf) {
        df[f] = 0;
        idf[f] = 0;
      }
    }
    for (int e = 0; e < n; e++) {
      entryFeatures[e] = Arrays.stream(entryFeatures[e]).filter(f -> idf[f] > 0).toArray();
    }
    unseenIdf = (float) Math.log(1.0 + n);
    postingEntries = new int[features][];
    postingWeights = new float[features][];
    for (int f = 0; f < features; f++) {
      postingEntries[f] = new int[df[f]];
      postingWeights[f] = new float[df[f]];
    }
    int[] fill = new int[features];
    entryInverseNorm = new float[n];
    rareDf = Math.max(50, (int) (RARE_DF_SHARE * n));
    for (int e = 0; e < n; e++) {
      double norm = 0;
      for (int f : entryFeatures[e]) {
        norm += (double) idf[f] * idf[f];
      }
      float inverse = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
      entryInverseNorm[e] = inverse;
      for (int f : entryFeatures[e]) {
        postingEntries[f][fill[f]] = e;
        postingWeights[f][fill[f]++] = idf[f] * inverse;
      }
    }
    int size = n;
    int groupCount = groupCodes.length;
    scratch = ThreadLocal.withInitial(() -> new Scratch(size, groupCount));
  }

  /** The result of one classification and the known title that decided it, if any. */
  record Result(TitleClassification classification, OccupationTaxonomy.TitleEntry matched) {}

  /**
   * Classifies {@code title}; {@code language} ({@code de}, {@code nl}, {@code en}) or null for
   * any prefers titles of that language slightly.
   */
  Result classify(String title, String language) {
    List<String> words = TitleNormalizer.words(title);
    Level stated = TitleNormalizer.level(title);
    List<String> features = features(words);
    if (features.isEmpty() || entries.isEmpty()) {
      return unknown(title, stated, "no word of the title names an occupation");
    }
    Scratch s = scratch.get();
    double queryNorm = 0;
    int[] rare = new int[features.size()];
    int[] common = new int[features.size()];
    int rareCount = 0;
    int commonCount = 0;
    for (String feature : features) {
      Integer id = featureIds.get(feature);
      if (id == null) {
        queryNorm += (double) unseenIdf * unseenIdf;
      } else if (idf[id] > 0) {
        queryNorm += (double) idf[id] * idf[id];
        if (postingEntries[id].length <= rareDf) {
          rare[rareCount++] = id;
        } else {
          common[commonCount++] = id;
        }
      }
    }
    if (rareCount == 0) {
      // Only common features: score with all of them, as there is nothing rarer to go by.
      System.arraycopy(common, 0, rare, 0, commonCount);
      rareCount = commonCount;
      commonCount = 0;
    }
    // Candidates are the titles sharing a rare feature; common features (long posting lists)
    // are then added for the best candidates only, by lookup in their sorted features.
    int touched = 0;
    for (int r = 0; r < rareCount; r++) {
      int id = rare[r];
      float weight = idf[id];
      int[] postings = postingEntries[id];
      float[] weights = postingWeights[id];
      for (int i = 0; i < postings.length; i++) {
        int e = postings[i];
        if (s.scores[e] == 0) {
          s.touched[touched++] = e;
        }
        s.scores[e] += weight * weights[i];
      }
    }
    if (touched == 0) {
      return unknown(title, stated, "no known title shares a word part with it");
    }
    if (commonCount > 0 && touched > CANDIDATES) {
      touched = keepBest(s, touched, CANDIDATES);
    }
    for (int t = 0; t < touched && commonCount > 0; t++) {
      int e = s.touched[t];
      int[] own = entryFeatures[e];
      float extra = 0;
      for (int c = 0; c < commonCount; c++) {
        if (Arrays.binarySearch(own, common[c]) >= 0) {
          extra += idf[common[c]] * idf[common[c]];
        }
      }
      s.scores[e] += extra * entryInverseNorm[e];
    }
    float inverseNorm = (float) (1 / Math.sqrt(queryNorm));
    // The nearest titles, by a partial selection over the touched ones.
    int k = Math.min(NEIGHBOURS, touched);
    int[] top = new int[k];
    float[] topScores = new float[k];
    int filled = 0;
    for (int t = 0; t < touched; t++) {
      int e = s.touched[t];
      float score = s.scores[e] * inverseNorm;
      s.scores[e] = 0;
      if (language != null && !language.equals(entries.get(e).lang)) {
        score *= OTHER_LANGUAGE;
      }
      if (filled < k || score > topScores[filled - 1]
          || (score == topScores[filled - 1] && e < top[filled - 1])) {
        int at = filled < k ? filled++ : filled - 1;
        while (at > 0 && (score > topScores[at - 1]
            || (score == topScores[at - 1] && e < top[at - 1]))) {
          top[at] = top[at - 1];
          topScores[at] = topScores[at - 1];
          at--;
        }
        top[at] = e;
        topScores[at] = score;
      }
    }
    // Votes per unit group.
    double total = 0;
    int[] voted = new int[k];
    int groupsVoted = 0;
    for (int i = 0; i < k; i++) {
      int g = entryGroup[top[i]];
      if (sameOccupationBefore(top, i)) {
        // One occupation, one vote: its alternative labels must not outvote an exact match.
        continue;
      }
      double vote = Math.pow(topScores[i], VOTE_POWER);
      if (s.votes[g] == 0) {
        voted[groupsVoted++] = g;
      }
      s.votes[g] += vote;
      total += vote;
    }
    Integer[] order = new Integer[groupsVoted];
    double[] shares = new double[groupsVoted];
    for (int i = 0; i < groupsVoted; i++) {
      order[i] = i;
      shares[i] = s.votes[voted[i]] / total;
      s.votes[voted[i]] = 0;
    }
    Arrays.sort(order, (a, b) -> shares[a] != shares[b]
        ? Double.compare(shares[b], shares[a])
        : groupCodes[voted[a]].compareTo(groupCodes[voted[b]]));
    int winner = voted[order[0]];
    double share = shares[order[0]];
    int best = -1;
    for (int i = 0; i < k && best < 0; i++) {
      if (entryGroup[top[i]] == winner) {
        best = top[i];
      }
    }
    float similarity = 0;
    for (int i = 0; i < k; i++) {
      if (top[i] == best) {
        similarity = topScores[i];
      }
    }
    double raw = share * Math.min(1.0, similarity);
    double confidence = calibrate(raw);
    double threshold = unknownBelow(language != null ? language : entries.get(best).lang);
    boolean known = confidence >= threshold;
    List<TitleClassification.Alternative> alternatives = new ArrayList<>();
    if (!known) {
      // Unknown: the best candidate leads the list, so that callers can still see it.
      alternatives.add(new TitleClassification.Alternative(groupCodes[winner], clamp(confidence)));
    }
    for (int i = 1; i < groupsVoted; i++) {
      // Scaled as the winner's share was, and never above what the winner leaves over.
      double alternative = Math.min(shares[order[i]] * confidence / share, 1 - confidence);
      alternatives.add(new TitleClassification.Alternative(
          groupCodes[voted[order[i]]], clamp(alternative)));
    }
    OccupationTaxonomy.TitleEntry matched = entries.get(best);
    Level level = stated != null ? stated : matched.level;
    String code = groupCodes[winner];
    int agreeing = 0;
    for (int i = 0; i < k; i++) {
      agreeing += entryGroup[top[i]] == winner ? 1 : 0;
    }
    String because = String.format(Locale.ROOT,
        "words %s matched '%s' (%s, %s, similarity %.2f); %d of %d nearest titles are in %s%s",
        matchedWords(words, best), matched.title, matched.lang == null ? "?" : matched.lang,
        code, similarity, agreeing, k, code,
        stated != null ? "; level " + stated.code() + " stated in the title"
            : matched.level != null ? "; level " + matched.level.code() + " of the matched title"
            : "");
    TitleClassification result = new TitleClassification(title, known ? code : null, level,
        clamp(confidence), alternatives,
        known ? because : "unknown: confidence " + String.format(Locale.ROOT, "%.2f", confidence)
            + " is below " + threshold + "; best candidate " + because);
    return new Result(result, known ? matched : null);
  }

  /**
   * Keeps the {@code keep} touched titles of highest score at the front of {@code s.touched},
   * clearing the scores of the others; returns {@code keep}. Ties go to the lower index.
   */
  private static int keepBest(Scratch s, int touched, int keep) {
    // A min-heap of the best so far, on primitive arrays.
    int[] heap = s.heap;
    int size = 0;
    for (int t = 0; t < touched; t++) {
      int e = s.touched[t];
      if (size < keep) {
        heap[size] = e;
        int at = size++;
        while (at > 0 && worse(s, heap[at], heap[(at - 1) / 2])) {
          swap(heap, at, (at - 1) / 2);
          at = (at - 1) / 2;
        }
      } else if (worse(s, heap[0], e)) {
        s.scores[heap[0]] = 0;
        heap[0] = e;
        int at = 0;
        while (true) {
          int child = 2 * at + 1;
          if (child >= size) {
            break;
          }
          if (child + 1 < size && worse(s, heap[child + 1], heap[child])) {
            child++;
          }
          if (!worse(s, heap[child], heap[at])) {
            break;
          }
          swap(heap, at, child);
          at = child;
        }
      } else {
        s.scores[e] = 0;
      }
    }
    System.arraycopy(heap, 0, s.touched, 0, size);
    return size;
  }

  private static boolean worse(Scratch s, int a, int b) {
    return s.scores[a] < s.scores[b] || (s.scores[a] == s.scores[b] && a > b);
  }

  private static void swap(int[] heap, int i, int j) {
    int t = heap[i];
    heap[i] = heap[j];
    heap[j] = t;
  }

  /** Whether a nearer neighbour than the i-th names the same occupation. */
  private boolean sameOccupationBefore(int[] top, int i) {
    String occupation = entries.get(top[i]).occupation;
    if (occupation == null) {
      return false;
    }
    for (int j = 0; j < i; j++) {
      if (occupation.equals(entries.get(top[j]).occupation)) {
        return true;
      }
    }
    return false;
  }

  /** The raw confidence as an estimated probability of being right. */
  static double calibrate(double raw) {
    if (raw <= RAW[0]) {
      return CALIBRATED[0];
    }
    for (int i = 1; i < RAW.length; i++) {
      if (raw <= RAW[i]) {
        double t = (raw - RAW[i - 1]) / (RAW[i] - RAW[i - 1]);
        return CALIBRATED[i - 1] + t * (CALIBRATED[i] - CALIBRATED[i - 1]);
      }
    }
    return CALIBRATED[CALIBRATED.length - 1];
  }

  /** The query words sharing a feature with the known title, quoted. */
  private List<String> matchedWords(List<String> words, int entry) {
    List<String> matched = new ArrayList<>();
    for (String word : words) {
      for (String feature : features(List.of(word))) {
        Integer id = featureIds.get(feature);
        if (id != null && Arrays.binarySearch(entryFeatures[entry], id) >= 0) {
          matched.add("'" + word + "'");
          break;
        }
      }
    }
    return matched;
  }

  private static Result unknown(String title, Level level, String why) {
    return new Result(
        new TitleClassification(title, null, level, 0.0, List.of(), "unknown: " + why), null);
  }

  private static double clamp(double p) {
    return Math.max(0, Math.min(1, p));
  }

  /**
   * The features of normalised words, each once: the word itself and the character n-grams of
   * the word between boundary marks.
   */
  static List<String> features(List<String> words) {
    List<String> features = new ArrayList<>();
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String word : words) {
      if (seen.add(word)) {
        features.add(word);
      }
      String marked = "^" + word + "$";
      for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
        for (int i = 0; i + n <= marked.length(); i++) {
          // "#" keeps n-grams apart from whole words of the same letters.
          String gram = "#" + marked.substring(i, i + n);
          if (seen.add(gram)) {
            features.add(gram);
          }
        }
      }
    }
    return features;
  }

  /** Per-thread arrays, cleared after each query. */
  private static final class Scratch {
    final float[] scores;
    final int[] touched;
    final double[] votes;
    final int[] heap = new int[CANDIDATES];

    Scratch(int entries, int groups) {
      scores = new float[entries];
      touched = new int[entries];
      votes = new double[groups];
    }
  }
}
