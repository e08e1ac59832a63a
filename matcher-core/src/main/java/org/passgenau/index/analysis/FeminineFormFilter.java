package org.passgenau.index.analysis;

import java.io.IOException;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Maps German feminine job titles onto the masculine base form, so that {@code pflegehelferin},
 * {@code erzieherinnen}, {@code kochin} (after umlaut folding) and {@code kauffrau} index the same
 * term as {@code pflegehelfer}, {@code erzieher}, {@code koch} and {@code kaufmann}.
 *
 * <p>Expects lower-case, umlaut-folded input. A suffix {@code -in}/{@code -innen} is only removed
 * after an ending that forms agent nouns ({@code -er}, {@code -ist}, {@code -ent}, ...) and when at
 * least four letters remain, which keeps words such as {@code medizin}, {@code termin} or {@code
 * login} intact; the few remaining false friends are listed in {@link #PROTECTED}. Works in the
 * term buffer, allocating nothing per token.
 */
final class FeminineFormFilter extends TokenFilter {

  /** Words that look like feminine forms but are not. */
  private static final CharArraySet PROTECTED =
      CharArraySet.unmodifiableSet(
          new CharArraySet(
              java.util.List.of("platin", "gratin", "kristin", "konstantin", "sardin"), false));

  /** Endings of masculine agent nouns that take the feminine suffix -in. */
  private static final char[][] AGENT_ENDINGS = {
    "er".toCharArray(), "ist".toCharArray(), "ant".toCharArray(), "ent".toCharArray(),
    "eur".toCharArray(), "or".toCharArray(), "og".toCharArray(), "ar".toCharArray(),
    "och".toCharArray(), "zt".toCharArray(), "alt".toCharArray(), "at".toCharArray(),
    "ot".toCharArray(), "eut".toCharArray(), "irt".toCharArray(), "ekt".toCharArray(),
    "urg".toCharArray(), "eg".toCharArray(), "amt".toCharArray()
  };

  private static final int MIN_STEM = 4;

  private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
  private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

  FeminineFormFilter(TokenStream input) {
    super(input);
  }

  @Override
  public boolean incrementToken() throws IOException {
    if (!input.incrementToken()) {
      return false;
    }
    if (keywordAtt.isKeyword()) {
      return true;
    }
    char[] buffer = termAtt.buffer();
    int length = termAtt.length();
    if (PROTECTED.contains(buffer, 0, length)) {
      return true;
    }
    if (endsWith(buffer, length, "frau") && length > 4 + 2) {
      // Kauffrau, Fachfrau, Pflegefachfrau: the masculine form ends in -mann.
      termAtt.setLength(length - 4).append("mann");
      return true;
    }
    int stem = stemLength(buffer, length);
    if (stem != length) {
      termAtt.setLength(stem);
    }
    return true;
  }

  private static int stemLength(char[] buffer, int length) {
    int stem;
    if (endsWith(buffer, length, "innen")) {
      stem = length - 5;
    } else if (endsWith(buffer, length, "in")) {
      stem = length - 2;
    } else {
      return length;
    }
    if (stem < MIN_STEM) {
      return length;
    }
    for (char[] ending : AGENT_ENDINGS) {
      if (endsWith(buffer, stem, ending)) {
        return stem;
      }
    }
    return length;
  }

  private static boolean endsWith(char[] buffer, int length, String suffix) {
    int start = length - suffix.length();
    if (start < 0) {
      return false;
    }
    for (int i = 0; i < suffix.length(); i++) {
      if (buffer[start + i] != suffix.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static boolean endsWith(char[] buffer, int length, char[] suffix) {
    int start = length - suffix.length;
    if (start < 0) {
      return false;
    }
    for (int i = 0; i < suffix.length; i++) {
      if (buffer[start + i] != suffix[i]) {
        return false;
      }
    }
    return true;
  }
}
