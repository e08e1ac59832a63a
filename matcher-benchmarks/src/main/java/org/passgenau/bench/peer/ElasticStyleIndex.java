package org.passgenau.bench.peer;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.FloatPoint;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.NumericUtils;
import org.passgenau.io.Json;
import org.passgenau.model.Coded;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.QualificationRequirement;

/**
 * The peer of the engine's indexing: the same parsed {@link Opportunity} records in a plain Lucene
 * index, mapped the way an Elasticsearch or OpenSearch user would map them, so that the engine's
 * bulk load can be compared with what a search server does per document.
 *
 * <p>The mapping, field by field as Elasticsearch's mappers write it:
 *
 * <ul>
 *   <li>{@code _id}: an indexed, stored keyword; {@code _source}: the record's JSON ({@link
 *       Json#toBytes}) as a stored field; {@code _seq_no} (point and doc values), {@code _version}
 *       and {@code _primary_term} (doc values), the metadata every Elasticsearch document carries.
 *   <li>{@code text}: {@code title}, {@code description}, {@code skills} and {@code
 *       occupation.title}, analysed with the standard analyzer, as Elasticsearch's {@code
 *       standard} analyzer does (tokenizer and lower case, no stop words).
 *   <li>{@code keyword}: kind, level, codes (ISCO, KldB, ESCO), region, country, postal code,
 *       place, driving licence, school, demand, recognition, language codes and levels, employer,
 *       source: an untokenised term plus sorted-set doc values (keywords have doc values by
 *       default).
 *   <li>{@code boolean}: the term {@code T} or {@code F} plus numeric doc values 1 or 0.
 *   <li>numbers: hours per week ({@code float}), pay ({@code double}), open positions ({@code
 *       integer}) and the dates (as epoch days, {@code long}): a point plus sorted-numeric doc
 *       values.
 *   <li>{@code geo_point}: the location as {@link LatLonPoint} plus {@link LatLonDocValuesField}.
 * </ul>
 *
 * <p>One {@link IndexWriter} with Lucene's defaults except the RAM buffer, which is sized as
 * Elasticsearch sizes the indexing buffer of a node with one active shard: 10% of the maximum
 * heap, at least 48 MB ({@code indices.memory.index_buffer_size} and {@code
 * min_index_buffer_size}). Documents are added with {@code updateDocument} on {@code _id}, the
 * engine's upsert (a later record with the same id wins); Elasticsearch, too, looks each explicit
 * id up before it adds. {@link #indexAll} splits the records over threads by id, so one id is
 * always indexed by the same thread and the outcome does not depend on the thread count.
 *
 * <p>Not included: what Elasticsearch does around Lucene (parsing the bulk request, the
 * translog, the live version map, replication, refresh scheduling) and {@code _recovery_source}.
 * The peer therefore flatters the search server; it is the Lucene work per document only.
 */
public final class ElasticStyleIndex implements Closeable {

  /** Elasticsearch's {@code indices.memory.min_index_buffer_size}. */
  static final double MIN_BUFFER_MB = 48;

  private final Directory directory;
  private final IndexWriter writer;
  private final AtomicLong seqNo = new AtomicLong();

  private ElasticStyleIndex(Directory directory, IndexWriter writer) {
    this.directory = directory;
    this.writer = writer;
  }

  /**
   * A new, empty index in {@code dir} (an index already there is replaced).
   *
   * @throws UncheckedIOException naming the directory when it cannot be created
   */
  public static ElasticStyleIndex create(Path dir) {
    Directory directory = null;
    try {
      directory = FSDirectory.open(dir);
      IndexWriterConfig config = new IndexWriterConfig(new StandardAnalyzer())
          .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
          .setRAMBufferSizeMB(ramBufferMb());
      return new ElasticStyleIndex(directory, new IndexWriter(directory, config));
    } catch (IOException e) {
      closeQuietly(directory);
      throw new UncheckedIOException("cannot create an index in " + dir + ": " + e.getMessage(), e);
    }
  }

  /** The RAM buffer: 10% of the maximum heap, at least 48 MB, as Elasticsearch's default. */
  public static double ramBufferMb() {
    return Math.max(MIN_BUFFER_MB, Runtime.getRuntime().maxMemory() / 10.0 / (1 << 20));
  }

  /** The thread count of the engine's bulk load by default: the processors, at most 4. */
  public static int defaultThreads() {
    return Math.min(Runtime.getRuntime().availableProcessors(), 4);
  }

  /**
   * Indexes {@code records} on {@code threads} threads (1: on the calling thread) and commits.
   *
   * @throws UncheckedIOException when Lucene fails
   */
  public void indexAll(List<Opportunity> records, int threads) {
    if (threads < 1 || threads > 64) {
      throw new IllegalArgumentException("threads must be between 1 and 64, was " + threads);
    }
    if (threads == 1) {
      indexSlice(records, 0, 1);
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(threads);
      try {
        List<Future<?>> slices = new ArrayList<>(threads);
        for (int t = 0; t < threads; t++) {
          int slice = t;
          slices.add(pool.submit(() -> indexSlice(records, slice, threads)));
        }
        for (Future<?> slice : slices) {
          slice.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while indexing", e);
      } catch (ExecutionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
      } finally {
        pool.shutdownNow();
      }
    }
    commit();
  }

  /** Makes everything added so far durable. */
  public void commit() {
    try {
      writer.commit();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot commit: " + e.getMessage(), e);
    }
  }

  /** Documents in the index, deleted ones not counted, as of the last commit or flush. */
  public int size() {
    return writer.getDocStats().numDocs;
  }

  private void indexSlice(List<Opportunity> records, int slice, int slices) {
    try {
      for (Opportunity record : records) {
        if (Math.floorMod(record.id().hashCode(), slices) == slice) {
          writer.updateDocument(new Term("_id", record.id()), document(record));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot index: " + e.getMessage(), e);
    }
  }

  /** The Lucene document Elasticsearch's mappers would write for {@code o}. */
  Document document(Opportunity o) {
    Document doc = new Document();
    doc.add(new StringField("_id", o.id(), Store.YES));
    doc.add(new StoredField("_source", Json.toBytes(o)));
    long seq = seqNo.getAndIncrement();
    doc.add(new LongPoint("_seq_no", seq));
    doc.add(new NumericDocValuesField("_seq_no", seq));
    doc.add(new NumericDocValuesField("_version", 1));
    doc.add(new NumericDocValuesField("_primary_term", 1));

    text(doc, "title", o.title());
    text(doc, "description", o.description());
    for (String skill : o.skills()) {
      text(doc, "skills", skill);
    }
    keyword(doc, "kind", o.kind());
    keyword(doc, "level", o.level());
    Occupation occupation = o.occupation();
    if (occupation != null) {
      keyword(doc, "occupation.isco", occupation.isco());
      keyword(doc, "occupation.kldb", occupation.kldb());
      keyword(doc, "occupation.esco", occupation.esco());
      text(doc, "occupation.title", occupation.title());
    }
    for (LanguageRequirement language : o.languageRequirements()) {
      keyword(doc, "language_requirements.language", language.language());
      keyword(doc, "language_requirements.min_level", language.minLevel());
    }
    bool(doc, "language_support", o.languageSupport());
    QualificationRequirement qualification = o.qualification();
    if (qualification != null) {
      bool(doc, "qualification.required", qualification.required());
      bool(doc, "qualification.regulated", qualification.regulated());
      keyword(doc, "qualification.recognition_required", qualification.recognitionRequired());
    }
    bool(doc, "recognition_partnership", o.recognitionPartnership());
    keyword(doc, "min_school", o.minSchool());
    Location location = o.location();
    if (location != null) {
      if (location.hasCoordinates()) {
        doc.add(new LatLonPoint("location", location.lat(), location.lon()));
        doc.add(new LatLonDocValuesField("location", location.lat(), location.lon()));
      }
      keyword(doc, "location.postal_code", location.postalCode());
      keyword(doc, "location.place", location.place());
      keyword(doc, "location.region", location.region());
      keyword(doc, "location.country", location.country());
    }
    bool(doc, "remote", o.remote());
    HoursRange hours = o.hoursPerWeek();
    if (hours != null) {
      floatNumber(doc, "hours_per_week.min", hours.min());
      floatNumber(doc, "hours_per_week.max", hours.max());
    }
    bool(doc, "shift_work", o.shiftWork());
    bool(doc, "night_work", o.nightWork());
    bool(doc, "weekend_work", o.weekendWork());
    bool(doc, "flexible_hours", o.flexibleHours());
    bool(doc, "childcare_support", o.childcareSupport());
    keyword(doc, "driving_license", o.drivingLicense());
    keyword(doc, "physical_demand", o.physicalDemand());
    bool(doc, "accessible", o.accessible());
    if (o.monthlyGrossEur() != null) {
      double pay = o.monthlyGrossEur();
      doc.add(new DoublePoint("monthly_gross_eur", pay));
      doc.add(new SortedNumericDocValuesField(
          "monthly_gross_eur", NumericUtils.doubleToSortableLong(pay)));
    }
    date(doc, "start_date", o.startDate());
    date(doc, "application_deadline", o.applicationDeadline());
    date(doc, "posted_date", o.postedDate());
    if (o.openPositions() != null) {
      doc.add(new IntPoint("open_positions", o.openPositions()));
      doc.add(new SortedNumericDocValuesField("open_positions", o.openPositions()));
    }
    if (o.employer() != null) {
      keyword(doc, "employer.id", o.employer().id());
      text(doc, "employer.name", o.employer().name());
    }
    keyword(doc, "source", o.source());
    return doc;
  }

  private static void text(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new TextField(field, value, Store.NO));
    }
  }

  private static void keyword(Document doc, String field, Coded value) {
    if (value != null) {
      keyword(doc, field, value.code());
    }
  }

  private static void keyword(Document doc, String field, String value) {
    if (value != null) {
      doc.add(new StringField(field, value, Store.NO));
      doc.add(new SortedSetDocValuesField(field, new BytesRef(value)));
    }
  }

  private static void bool(Document doc, String field, Boolean value) {
    if (value != null) {
      doc.add(new StringField(field, value ? "T" : "F", Store.NO));
      doc.add(new SortedNumericDocValuesField(field, value ? 1 : 0));
    }
  }

  private static void floatNumber(Document doc, String field, Double value) {
    if (value != null) {
      float f = value.floatValue();
      doc.add(new FloatPoint(field, f));
      doc.add(new SortedNumericDocValuesField(field, NumericUtils.floatToSortableInt(f)));
    }
  }

  private static void date(Document doc, String field, LocalDate value) {
    if (value != null) {
      long day = value.toEpochDay();
      doc.add(new LongPoint(field, day));
      doc.add(new SortedNumericDocValuesField(field, day));
    }
  }

  @Override
  public void close() throws IOException {
    try {
      writer.close();
    } finally {
      directory.close();
    }
  }

  private static void closeQuietly(Directory directory) {
    if (directory != null) {
      try {
        directory.close();
      } catch (IOException | RuntimeException suppressed) {
        // The creation error is the one worth reporting.
      }
    }
  }
}
