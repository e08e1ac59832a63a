package org.passgenau.index.analysis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.compound.DictionaryCompoundWordTokenFilter;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.de.GermanLightStemFilter;
import org.apache.lucene.analysis.de.GermanNormalizationFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.nl.DutchAnalyzer;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyses job titles, skills and descriptions written in German, Dutch or English, so that a
 * search for the plain form of a title finds postings written with gender markers, feminine forms,
 * compounds or plurals: {@code Pflegehelfer/in (m/w/d)}, {@code Verkäufer*in}, {@code
 * Altenpflegehelferin} and {@code Pflegekräfte} are all found by {@code Pflegehelfer}, {@code
 * Verkäuferin}, {@code Altenpflege} or {@code Pflegekraft}.
 *
 * <p><b>One chain for three languages.</b> Postings and profiles mix languages within one field
 * ({@code Fachkraft Lagerlogistik / warehouse}), titles are too short for reliable language
 * detection, and the three languages share the problems solved here (gender markers, compounds,
 * plural endings). One chain keeps index and query analysis identical whatever language a text is
 * in. The price is light, conservative stemming: German light stemming after English minimal
 * stemming, which conflates plurals in all three languages but never aggressively enough to merge
 * different occupations.
 *
 * <p>The chain:
 *
 * <ol>
 *   <li>character filters remove gender markers ({@code (m/w/d)}, {@code (m/v/x)}, {@code (m/f/d)},
 *       {@code (all genders)}) and written-out feminine suffixes ({@code /in}, {@code /-in}, {@code
 *       *in}, {@code :in}, {@code _in}, {@code (in)}, also {@code -innen}); the tokenizer would
 *       otherwise keep {@code Schweißer:in} and {@code Erzieher_in} as single words;
 *   <li>{@link StandardTokenizer}, lower case, German, Dutch and English stop words;
 *   <li>{@link GermanNormalizationFilter}: umlauts and ß folded ({@code Schweißer} = {@code
 *       Schweisser});
 *   <li>feminine forms mapped to the base form ({@code pflegehelferin}, {@code erzieherinnen},
 *       {@code köchin}, {@code kauffrau});
 *   <li>for indexing only: {@link DictionaryCompoundWordTokenFilter} with a shipped list of
 *       occupational word parts in German and Dutch, adding parts at the position of the whole
 *       word, which is kept;
 *   <li>{@link EnglishMinimalStemFilter} then {@link GermanLightStemFilter} for plurals.
 * </ol>
 *
 * <p>{@link #forIndexing()} splits compounds, so {@code Altenpflegehelferin} is found by {@code
 * Pflegehelfer} and by {@code Altenpflege}. {@link #forQueries()} does not, so that a query for
 * {@code Pflegehelfer} does not also ask for every {@code Helfer}; use it on the query side when
 * precision matters, or {@code forIndexing()} on both sides for recall (the taxonomy's title
 * classifier does the latter).
 *
 * <p>Usage:
 *
 * <pre>{@code
 * Analyzer index = OpportunityAnalyzer.forIndexing();
 * IndexWriterConfig config = new IndexWriterConfig(index);
 * QueryBuilder queries = new QueryBuilder(OpportunityAnalyzer.forQueries());
 * Query query = queries.createBooleanQuery("title", "Pflegehelferin");
 * }</pre>
 *
 * <p>Instances are thread-safe, as every Lucene {@link Analyzer}: token streams are reused per
 * thread. The word lists are loaded once per class.
 */
public final class OpportunityAnalyzer extends Analyzer {

  /** Gender markers in parentheses: (m/w/d), (w/m/d), (m/v/x), (m/f/d), (gn), (all genders). */
  private static final Pattern GENDER_MARKER =
      Pattern.compile(
          "\\(\\s*(?:[mwfdvxi]|div(?:ers|erse)?|gn|all\\s+genders?)"
              + "(?:\\s*[/|,]\\s*(?:[mwfdvxi]|div(?:ers|erse)?))*\\s*\\)"
              + "|(?<![\\p{L}\\p{N}])[mwfdv](?:\\s*/\\s*[mwfdvx]){1,2}(?![\\p{L}\\p{N}/])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** Written-out feminine suffixes: /in, /-in, *in, :in, _in, ·in, (in), (-in), also -innen. */
  private static final Pattern FEMININE_SUFFIX =
      Pattern.compile(
          "(?<=\\p{L})(?:(?:/-?|\\*|:|_|\u00b7)(?:innen|in)|\\(-?(?:innen|in)\\))(?!\\p{L})"
              + "|(?<=mann)/-?frau(?!\\p{L})",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final String DICTIONARY_RESOURCE = "compound-parts.txt";

  private static final int MIN_WORD_SIZE = 6;
  private static final int MIN_SUBWORD_SIZE = 3;
  private static final int MAX_SUBWORD_SIZE = 20;

  private static final CharArraySet STOP_WORDS = stopWords();
  private static final CharArraySet COMPOUND_PARTS = compoundParts();

  private final boolean decompound;

  private OpportunityAnalyzer(boolean decompound) {
    this.decompound = decompound;
  }

  /** An analyzer for indexed text: splits compounds into known word parts, keeping the word. */
  public static OpportunityAnalyzer forIndexing() {
    return new OpportunityAnalyzer(true);
  }

  /** An analyzer for query text: the same chain without splitting compounds. */
  public static OpportunityAnalyzer forQueries() {
    return new OpportunityAnalyzer(false);
  }

  /** Whether this analyzer splits compounds into word parts. */
  public boolean decompounds() {
    return decompound;
  }

  @Override
  protected Reader initReader(String fieldName, Reader reader) {
    return new PatternReplaceCharFilter(
        FEMININE_SUFFIX, "", new PatternReplaceCharFilter(GENDER_MARKER, " ", reader));
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer source = new StandardTokenizer();
    TokenStream stream = new LowerCaseFilter(source);
    stream = new StopFilter(stream, STOP_WORDS);
    stream = new GermanNormalizationFilter(stream);
    stream = new FeminineFormFilter(stream);
    if (decompound) {
      stream =
          new DictionaryCompoundWordTokenFilter(
              stream, COMPOUND_PARTS, MIN_WORD_SIZE, MIN_SUBWORD_SIZE, MAX_SUBWORD_SIZE, false);
    }
    stream = new EnglishMinimalStemFilter(stream);
    stream = new GermanLightStemFilter(stream);
    return new TokenStreamComponents(source, stream);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new GermanNormalizationFilter(new LowerCaseFilter(in));
  }

  private static CharArraySet stopWords() {
    CharArraySet words = new CharArraySet(600, false);
    words.addAll(GermanAnalyzer.getDefaultStopSet());
    words.addAll(DutchAnalyzer.getDefaultStopSet());
    words.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    return CharArraySet.unmodifiableSet(words);
  }

  /**
   * Loads the word parts and folds them as the chain folds tokens before decompounding (lower case,
   * umlauts, feminine forms), so that {@code Schweißer} in the list finds {@code schweisser}.
   */
  private static CharArraySet compoundParts() {
    List<String> lines = new ArrayList<>();
    try (InputStream in = OpportunityAnalyzer.class.getResourceAsStream(DICTIONARY_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + DICTIONARY_RESOURCE);
      }
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String word = line.strip();
        if (!word.isEmpty() && !word.startsWith("#")) {
          lines.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + DICTIONARY_RESOURCE, e);
    }
    CharArraySet parts = new CharArraySet(lines.size(), false);
    try (Analyzer folding = new PartFolding()) {
      for (String word : lines) {
        parts.addAll(Terms.analyze(folding, word));
      }
    }
    return CharArraySet.unmodifiableSet(parts);
  }

  /** The steps of the chain that precede decompounding, applied to one dictionary word. */
  private static final class PartFolding extends Analyzer {
    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
      Tokenizer source = new StandardTokenizer();
      TokenStream stream = new LowerCaseFilter(source);
      stream = new GermanNormalizationFilter(stream);
      stream = new FeminineFormFilter(stream);
      return new TokenStreamComponents(source, stream);
    }
  }
}
