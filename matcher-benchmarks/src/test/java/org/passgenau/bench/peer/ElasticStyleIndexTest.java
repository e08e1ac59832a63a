package org.passgenau.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.passgenau.bench.CorpusGenerator;
import org.passgenau.io.Json;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;

class ElasticStyleIndexTest {

  static final int N = 1_000;

  @TempDir static Path dir;
  static List<Opportunity> corpus;

  @BeforeAll
  static void indexTheCorpusOnTwoThreads() throws IOException {
    corpus = new CorpusGenerator(CorpusGenerator.DEFAULT_SEED).opportunities(N);
    try (ElasticStyleIndex index = ElasticStyleIndex.create(dir.resolve("peer"))) {
      index.indexAll(corpus, 2);
      assertThat(index.size()).isEqualTo(N);
    }
  }

  @Test
  void theIndexHoldsEveryOpportunityOnce() throws IOException {
    try (DirectoryReader reader = open()) {
      assertThat(reader.numDocs()).isEqualTo(N);
      assertThat(reader.maxDoc()).isEqualTo(N);
    }
  }

  @Test
  void aKeywordTermFindsEveryApprenticeship() throws IOException {
    long apprenticeships = corpus.stream()
        .filter(o -> o.kind() == OpportunityKind.APPRENTICESHIP).count();
    String region = corpus.get(0).location().region();
    long inRegion = corpus.stream()
        .filter(o -> o.location() != null && region.equals(o.location().region())).count();

    try (DirectoryReader reader = open()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertThat(apprenticeships).isPositive();
      assertThat(searcher.count(new TermQuery(
          new Term("kind", OpportunityKind.APPRENTICESHIP.code())))).isEqualTo(apprenticeships);
      assertThat(searcher.count(new TermQuery(new Term("location.region", region))))
          .isEqualTo(inRegion);
    }
  }

  @Test
  void aWordOfTheTitleFindsTheRecordWithItsSource() throws IOException {
    Opportunity wanted = corpus.get(123);
    String word = wanted.title().split("[^\\p{L}]+")[0].toLowerCase(Locale.ROOT);

    try (DirectoryReader reader = open()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      ScoreDoc[] hits = searcher.search(new TermQuery(new Term("title", word)), N).scoreDocs;
      StoredFields stored = reader.storedFields();
      List<String> ids = new ArrayList<>();
      Opportunity source = null;
      for (ScoreDoc hit : hits) {
        String id = stored.document(hit.doc).get("_id");
        ids.add(id);
        if (id.equals(wanted.id())) {
          BytesRef bytes = stored.document(hit.doc).getBinaryValue("_source");
          source = Json.fromBytes(bytes.bytes, bytes.offset, bytes.length, Opportunity.class);
        }
      }
      assertThat(ids).contains(wanted.id());
      assertThat(source).isEqualTo(wanted);
    }
  }

  @Test
  void keywordsHaveDocValuesAndDatesAndLocationsArePoints() throws IOException {
    Opportunity first = corpus.get(0);
    long day = first.postedDate().toEpochDay();
    long postedThatDay = corpus.stream()
        .filter(o -> o.postedDate() != null && o.postedDate().toEpochDay() == day).count();
    Location at = corpus.stream().map(Opportunity::location)
        .filter(l -> l != null && l.hasCoordinates()).findFirst().orElseThrow();
    long within10Km = corpus.stream().filter(o -> o.location() != null
        && o.location().hasCoordinates()
        && haversineMetres(at, o.location()) <= 10_000).count();

    try (DirectoryReader reader = open()) {
      IndexSearcher searcher = new IndexSearcher(reader);
      SortedSetDocValues kinds = MultiDocValues.getSortedSetValues(reader, "kind");
      assertThat(kinds).isNotNull();
      assertThat(kinds.getValueCount()).isEqualTo(OpportunityKind.values().length);
      assertThat(searcher.count(LongPoint.newExactQuery("posted_date", day)))
          .isEqualTo(postedThatDay);
      // Lucene's distance is a haversine on its encoded points: the counts may differ only for a
      // record within a few metres of the circle, which a generated corpus does not place.
      assertThat(searcher.count(
          LatLonPoint.newDistanceQuery("location", at.lat(), at.lon(), 10_000)))
          .isEqualTo(within10Km);
    }
  }

  @Test
  void aLaterRecordWithTheSameIdReplacesTheEarlier(@TempDir Path other) throws IOException {
    Opportunity original = corpus.get(0);
    Opportunity renamed = original.toBuilder().title("Zweiradmechatroniker").build();
    try (ElasticStyleIndex index = ElasticStyleIndex.create(other)) {
      index.indexAll(List.of(original, corpus.get(1), renamed), 2);
    }
    try (DirectoryReader reader = DirectoryReader.open(FSDirectory.open(other))) {
      IndexSearcher searcher = new IndexSearcher(reader);
      assertThat(reader.numDocs()).isEqualTo(2);
      assertThat(searcher.count(new TermQuery(new Term("title", "zweiradmechatroniker"))))
          .isEqualTo(1);
    }
  }

  @Test
  void theRamBufferIsAtLeastElasticsearchsMinimum() {
    assertThat(ElasticStyleIndex.ramBufferMb())
        .isGreaterThanOrEqualTo(48)
        .isGreaterThanOrEqualTo(Runtime.getRuntime().maxMemory() / 10.0 / (1 << 20));
  }

  private static DirectoryReader open() throws IOException {
    return DirectoryReader.open(FSDirectory.open(dir.resolve("peer")));
  }

  private static double haversineMetres(Location a, Location b) {
    double earth = 6_371_008.7714; // Lucene's GeoUtils.EARTH_MEAN_RADIUS_METERS
    double dLat = Math.toRadians(b.lat() - a.lat());
    double dLon = Math.toRadians(b.lon() - a.lon());
    double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(Math.toRadians(a.lat()))
        * Math.cos(Math.toRadians(b.lat())) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * earth * Math.asin(Math.sqrt(h));
  }
}
