package org.passgenau.taxonomy;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.passgenau.index.analysis.OpportunityAnalyzer;
import org.passgenau.index.analysis.Terms;

/**
 * Classifies free titles against the taxonomy's titles with BM25 over an in-memory Lucene index,
 * one document per title. Both sides are analysed with compound splitting, so that an unseen
 * compound ({@code Lagerhelferin}) still meets titles sharing its parts; BM25's length
 * normalisation prefers the shortest title covering the query.
 *
 * <p>The last word of a job title is its head in all three languages ({@code registered
 * <i>nurse</i>}, {@code Alten<i>pflegehelferin</i>}, {@code magazijn<i>medewerker</i>}); the
 * words before narrow it down. Each title's last word is also indexed on its own, and a query's
 * last word asks for it there too, so that {@code registered nurse} prefers {@code ward nurse}
 * over {@code registered dental hygienist}, where BM25 alone would follow the rarer word.
 *
 * <p>Thread-safe: the searcher and analyzer are, and nothing else changes after construction.
 */
final class TitleIndex {

  private static final String FIELD = "title";
  private static final String HEAD = "head";
  private static final String ENTRY = "entry";

  /** Hits looked at per query; enough to see every group that competes for the top. */
  private static final int HITS = 64;

  private final OpportunityAnalyzer analyzer = OpportunityAnalyzer.forIndexing();
  private final ImmutableList<OccupationTaxonomy.TitleEntry> entries;
  private final IndexSearcher searcher;

  TitleIndex(List<OccupationTaxonomy.TitleEntry> entries) {
    this.entries = ImmutableList.copyOf(entries);
    ByteBuffersDirectory directory = new ByteBuffersDirectory();
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (int i = 0; i < this.entries.size(); i++) {
        Document document = new Document();
        String title = this.entries.get(i).title;
        document.add(new TextField(FIELD, title, Field.Store.NO));
        for (String head : headTerms(title)) {
          document.add(new StringField(HEAD, head, Field.Store.NO));
        }
        document.add(new StoredField(ENTRY, i));
        writer.addDocument(document);
      }
      writer.commit();
      this.searcher = new IndexSearcher(DirectoryReader.open(directory));
    } catch (IOException e) {
      // An in-memory directory does no I/O; Lucene declares the exception regardless.
      throw new UncheckedIOException("cannot index taxonomy titles", e);
    }
  }

  Optional<Classification> classify(String title) {
    Set<String> terms = new LinkedHashSet<>(Terms.analyze(analyzer, FIELD, title));
    if (terms.isEmpty() || entries.isEmpty()) {
      return Optional.empty();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    int clauses = 0;
    for (String term : terms) {
      if (clauses++ == IndexSearcher.getMaxClauseCount()) {
        break;
      }
      query.add(new TermQuery(new Term(FIELD, term)), BooleanClause.Occur.SHOULD);
    }
    for (String head : headTerms(title)) {
      if (clauses++ == IndexSearcher.getMaxClauseCount()) {
        break;
      }
      query.add(new TermQuery(new Term(HEAD, head)), BooleanClause.Occur.SHOULD);
    }
    try {
      TopDocs top = searcher.search(query.build(), HITS);
      StoredFields stored = searcher.storedFields();
      OccupationTaxonomy.TitleEntry best = null;
      float bestScore = 0;
      for (ScoreDoc hit : top.scoreDocs) {
        OccupationTaxonomy.TitleEntry entry =
            entries.get(stored.document(hit.doc).getField(ENTRY).numericValue().intValue());
        if (best == null
            || hit.score > bestScore
            || (hit.score == bestScore && isBefore(entry, best))) {
          best = entry;
          bestScore = hit.score;
        }
      }
      return best == null
          ? Optional.empty()
          : Optional.of(new Classification(best.isco, bestScore, best.title, best.level));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot search taxonomy titles for '" + title + "'", e);
    }
  }

  /** The terms at the last position of the analysed title: the last word and its parts. */
  private Set<String> headTerms(String title) {
    Set<String> head = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream(FIELD, title)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        if (increment.getPositionIncrement() > 0) {
          head.clear();
        }
        head.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot analyse '" + title + "'", e);
    }
    return head;
  }

  /** Ties go to the lower code, then the shorter and alphabetically first title. */
  private static boolean isBefore(
      OccupationTaxonomy.TitleEntry a, OccupationTaxonomy.TitleEntry b) {
    int byCode = a.isco.compareTo(b.isco);
    if (byCode != 0) {
      return byCode < 0;
    }
    if (a.title.length() != b.title.length()) {
      return a.title.length() < b.title.length();
    }
    return a.title.compareTo(b.title) < 0;
  }
}
