package org.passgenau.index;

import static org.passgenau.index.OpportunityFields.ID;
import static org.passgenau.index.OpportunityFields.RECORD;

import java.io.IOException;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.BytesRef;
import org.passgenau.model.Opportunity;

/**
 * Maps an opportunity to its Lucene document and back.
 *
 * <p>The document holds only what the engine reads back: the id as a term, so that an upsert
 * replaces and a delete removes, and the {@linkplain OpportunityCodec record} as binary doc
 * values, from which a segment's columns are built. Nothing is analysed: the engine ranks from
 * its columns and never searches text, and analysing titles, skills and descriptions was most of
 * the cost of indexing.
 */
final class OpportunityDocuments {

  private OpportunityDocuments() {}

  static Document toDocument(Opportunity o) {
    Document doc = new Document();
    doc.add(new StringField(ID, o.id(), Store.NO));
    doc.add(new BinaryDocValuesField(RECORD, new BytesRef(OpportunityCodec.encode(o))));
    return doc;
  }

  /**
   * The records of one segment, read forward in doc id order. Not thread-safe; one per thread
   * and pass.
   */
  static final class Records {
    private final BinaryDocValues values;
    private final String segment;

    Records(LeafReader leaf) throws IOException {
      this.values = leaf.getBinaryDocValues(RECORD);
      this.segment = leaf.toString();
    }

    /**
     * The opportunity of {@code doc}; docs must come in increasing order.
     *
     * @throws IllegalStateException when the document has no record (an index written by an
     *     older version) or a record of another format
     */
    Opportunity read(int doc) throws IOException {
      BytesRef record = record(doc);
      return OpportunityCodec.decode(record.bytes, record.offset, record.length);
    }

    /** The id of {@code doc}, read from the start of its record only. */
    String id(int doc) throws IOException {
      BytesRef record = record(doc);
      return OpportunityCodec.id(record.bytes, record.offset, record.length);
    }

    private BytesRef record(int doc) throws IOException {
      if (values == null || !values.advanceExact(doc)) {
        throw new IllegalStateException("doc " + doc + " of segment " + segment
            + " has no opportunity record; the index was written by an older version: rebuild it"
            + " from the opportunity file");
      }
      return values.binaryValue();
    }
  }
}
