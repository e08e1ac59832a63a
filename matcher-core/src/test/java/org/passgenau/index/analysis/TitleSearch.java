package org.passgenau.index.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.QueryBuilder;

/**
 * A real in-memory Lucene index of posting titles, analysed as the engine analyses them, and
 * searched as a caseworker would search it.
 */
final class TitleSearch {

  private static final String FIELD = "title";

  private final IndexSearcher searcher;
  private final QueryBuilder queries;

  private TitleSearch(IndexSearcher searcher, QueryBuilder queries) {
    this.searcher = searcher;
    this.queries = queries;
  }

  /** Indexes the titles with {@link OpportunityAnalyzer#forIndexing()}, one posting each. */
  static TitleSearch of(String... titles) {
    try {
      ByteBuffersDirectory directory = new ByteBuffersDirectory();
      try (IndexWriter writer =
          new IndexWriter(directory, new IndexWriterConfig(OpportunityAnalyzer.forIndexing()))) {
        for (String title : titles) {
          Document posting = new Document();
          posting.add(new TextField(FIELD, title, Field.Store.NO));
          posting.add(new StoredField("raw", title));
          writer.addDocument(posting);
        }
      }
      return new TitleSearch(
          new IndexSearcher(DirectoryReader.open(directory)),
          new QueryBuilder(OpportunityAnalyzer.forQueries()));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The titles of the postings a search for {@code text} finds, best first. */
  List<String> search(String text) {
    Query query = queries.createBooleanQuery(FIELD, text, BooleanClause.Occur.MUST);
    List<String> found = new ArrayList<>();
    if (query == null) {
      return found;
    }
    try {
      for (ScoreDoc hit : searcher.search(query, 100).scoreDocs) {
        found.add(searcher.storedFields().document(hit.doc).get("raw"));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return found;
  }
}
