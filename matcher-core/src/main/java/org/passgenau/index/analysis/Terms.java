package org.passgenau.index.analysis;

import com.google.common.base.Preconditions;
import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Runs text through an analyzer and returns the terms, in order, including terms stacked at the
 * same position (compound parts). For tests, explanations and the title classifier; not for hot
 * paths, as it allocates a list and a string per term.
 *
 * <p>Thread-safe if the analyzer is (every Lucene analyzer is).
 */
public final class Terms {

  /** The field name passed to the analyzer; the analyzers of this package treat all alike. */
  public static final String DEFAULT_FIELD = "text";

  private Terms() {}

  /** The terms {@code analyzer} makes of {@code text}, in the order of the token stream. */
  public static List<String> analyze(Analyzer analyzer, String text) {
    return analyze(analyzer, DEFAULT_FIELD, text);
  }

  /** The terms {@code analyzer} makes of {@code text} in {@code field}. */
  public static List<String> analyze(Analyzer analyzer, String field, String text) {
    Preconditions.checkNotNull(analyzer, "analyzer");
    Preconditions.checkNotNull(field, "field");
    Preconditions.checkNotNull(text, "text");
    ImmutableList.Builder<String> terms = ImmutableList.builder();
    try (TokenStream stream = analyzer.tokenStream(field, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      // Analysis of an in-memory string reads no file; Lucene declares the exception regardless.
      throw new UncheckedIOException("cannot analyse '" + text + "'", e);
    }
    return terms.build();
  }
}
