package org.passgenau.taxonomy;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.passgenau.index.analysis.OpportunityAnalyzer;
import org.passgenau.index.analysis.Terms;
import org.passgenau.model.Level;

/**
 * Turns a job title in German, Dutch or English into the words that name the occupation, and
 * reads the requirement level it states.
 *
 * <p>Before the project's analysis chain (gender markers, umlauts, feminine forms, stop words,
 * plurals; see {@link OpportunityAnalyzer}) it removes what postings add around the occupation:
 * hours ({@code 32 uur}, {@code 20-30 Std.}), percentages, the second half of gender pairs
 * ({@code Verkäufer/Verkäuferin}, {@code kapper/kapster}, {@code medewerker/ster}), and after it
 * words that say nothing about the occupation ({@code Minijob}, {@code ab sofort}, {@code
 * fulltime}, numbers). Compounds stay whole; the classifier compares character n-grams, which
 * meet {@code magazijnmedewerker} and {@code medewerker magazijn} alike.
 *
 * <p>Stateless and thread-safe.
 */
final class TitleNormalizer {

  private static final Analyzer ANALYZER = OpportunityAnalyzer.forQueries();

  /** Hours and percentages: {@code 32 uur}, {@code 20-30 Std.}, {@code 38,5 h}, {@code 80 %}. */
  private static final Pattern HOURS =
      Pattern.compile(
          "\\d+(?:[.,]\\d+)?\\s*(?:(?:-|–|bis|tot|to)\\s*\\d+(?:[.,]\\d+)?\\s*)?"
              + "(?:%|(?:uur|u|std|stunden|wochenstunden|h|hrs?|hours?)(?![\\p{L}]))\\.?",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** A feminine or plural ending written after a slash: {@code medewerker/ster}, {@code /e}. */
  private static final Pattern SLASH_ENDING =
      Pattern.compile(
          "(?<=\\p{L})\\s*/\\s*-?(?:ster|sters|e|es|in|innen|frau|vrouw)(?!\\p{L})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Two words joined by a slash, the second possibly the first's other gender. */
  private static final Pattern PAIR =
      Pattern.compile("(\\p{L}+)\\s*/\\s*(\\p{L}+)", Pattern.UNICODE_CASE);

  /** Words of postings that name no occupation, analysed as titles are. */
  private static final Set<String> NOISE = analysedSet(
      "minijob", "midijob", "nebenjob", "aushilfsjob", "vollzeit", "teilzeit", "sofort", "ab",
      "befristet", "unbefristet", "festanstellung", "quereinsteiger", "quereinstieg", "gesucht",
      "stelle", "job", "jobs", "stellenangebot", "fulltime", "parttime", "full", "part", "time",
      "remote", "homeoffice", "hybrid", "vacature", "gezocht", "per", "direct", "uur", "std",
      "stunden", "wochenstunden", "hours", "week", "woche", "mbo", "hbo", "niveau", "level",
      "wanted", "urgent", "dringend", "nl", "de", "en", "gn", "m", "w", "d", "v", "x", "f");

  private static final Pattern DIGITS = Pattern.compile("\\d+");

  /** Level words, searched in the lower-cased, umlaut-folded title. */
  private static final Pattern MBO = Pattern.compile("\\b(?:mbo|niveau)[\\s-]*([1-4])\\b");

  private static final Pattern HELPER =
      Pattern.compile("helfer|hilfskraft|aushilf|\\p{L}hilfe\\b|\\bhulp|hulp\\b|\\bhelper\\b"
          + "|\\bungelernt|\\bungeschult|\\bunskilled\\b|\\blabou?rer\\b");
  private static final Pattern SKILLED =
      Pattern.compile("fachkraft|fachkrafte|facharbeiter|geselle|gesellin|fachangestellte"
          + "|vakkracht|vakman|\\bskilled\\b|\\bjourney(?:man|woman)\\b");
  private static final Pattern SPECIALIST =
      Pattern.compile("meister(?!schaft)|techniker|fachwirt|\\bbachelor\\b|\\bhbo\\b"
          + "|\\bforeman\\b|\\bforewoman\\b");
  private static final Pattern EXPERT =
      Pattern.compile("\\bmaster\\b|\\bmsc\\b|\\bdiplom|\\buniversitair\\b|\\bwo[\\s-]niveau\\b");

  private TitleNormalizer() {}

  /** The words of a title that name its occupation, in order, each once. */
  static List<String> words(String title) {
    String text = HOURS.matcher(title).replaceAll(" ");
    text = SLASH_ENDING.matcher(text).replaceAll("");
    text = dropSecondOfPairs(text);
    Set<String> words = new LinkedHashSet<>();
    for (String term : Terms.analyze(ANALYZER, text)) {
      if (!NOISE.contains(term) && !DIGITS.matcher(term).matches()) {
        words.add(term);
      }
    }
    return new ArrayList<>(words);
  }

  /**
   * The requirement level a title states: {@code Helfer}, {@code Küchenhilfe}, {@code hulp},
   * {@code MBO 1} helper; {@code Fachkraft}, {@code Geselle}, {@code MBO 2-4} skilled; {@code
   * Meister}, {@code Techniker}, {@code HBO}, {@code Bachelor} specialist; {@code Master},
   * {@code Diplom} expert. Null when it states none.
   */
  static Level level(String title) {
    String text = fold(title);
    Matcher mbo = MBO.matcher(text);
    if (mbo.find()) {
      return mbo.group(1).equals("1") ? Level.HELPER : Level.SKILLED;
    }
    if (HELPER.matcher(text).find()) {
      return Level.HELPER;
    }
    if (EXPERT.matcher(text).find()) {
      return Level.EXPERT;
    }
    if (SPECIALIST.matcher(text).find()) {
      return Level.SPECIALIST;
    }
    if (SKILLED.matcher(text).find()) {
      return Level.SKILLED;
    }
    return null;
  }

  /**
   * Drops the second word of a pair when it is the first word's other gender: the two share a
   * beginning at least half as long as the first ({@code Verkäufer/Verkäuferin}, {@code
   * kapper/kapster}, {@code Arzt/Ärztin}). Pairs of different words ({@code Maler/Lackierer})
   * stay.
   */
  private static String dropSecondOfPairs(String text) {
    Matcher pair = PAIR.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (pair.find()) {
      String first = fold(pair.group(1));
      String second = fold(pair.group(2));
      int shared = 0;
      while (shared < first.length() && shared < second.length()
          && first.charAt(shared) == second.charAt(shared)) {
        shared++;
      }
      boolean sameWord = shared >= 3 && shared * 2 >= first.length();
      pair.appendReplacement(out, Matcher.quoteReplacement(
          sameWord ? pair.group(1) : pair.group(1) + " " + pair.group(2)));
    }
    pair.appendTail(out);
    return out.toString();
  }

  /** Lower case with umlauts and ß folded, as the analysis chain folds them. */
  static String fold(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lower.length());
    for (int i = 0; i < lower.length(); i++) {
      char c = lower.charAt(i);
      switch (c) {
        case 'ä', 'à', 'á', 'â' -> out.append('a');
        case 'ö', 'ò', 'ó', 'ô' -> out.append('o');
        case 'ü', 'ù', 'ú', 'û' -> out.append('u');
        case 'é', 'è', 'ê', 'ë' -> out.append('e');
        case 'ï', 'î', 'í' -> out.append('i');
        case 'ß' -> out.append("ss");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static Set<String> analysedSet(String... words) {
    Set<String> set = new java.util.HashSet<>();
    for (String word : words) {
      set.add(word);
      set.addAll(Terms.analyze(ANALYZER, word));
    }
    return Set.copyOf(set);
  }
}
