package org.passgenau.index;

import static org.passgenau.index.OpportunityFields.COUNTRY;
import static org.passgenau.index.OpportunityFields.DESCRIPTION;
import static org.passgenau.index.OpportunityFields.GEO;
import static org.passgenau.index.OpportunityFields.ID;
import static org.passgenau.index.OpportunityFields.ISCO;
import static org.passgenau.index.OpportunityFields.KIND;
import static org.passgenau.index.OpportunityFields.OPPORTUNITY;
import static org.passgenau.index.OpportunityFields.REGION;
import static org.passgenau.index.OpportunityFields.REMOTE;
import static org.passgenau.index.OpportunityFields.UNLOCATED;
import static org.passgenau.index.OpportunityFields.SKILLS;
import static org.passgenau.index.OpportunityFields.TITLE;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field.Store;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.StoredFieldVisitor;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.BytesRef;
import org.passgenau.io.Json;
import org.passgenau.model.Location;
import org.passgenau.model.Opportunity;

/** Maps an opportunity to its Lucene document and back. */
final class OpportunityDocuments {

  static final String TRUE = "true";

  private OpportunityDocuments() {}

  static Document toDocument(Opportunity o) {
    Document doc = new Document();
    doc.add(new StringField(ID, o.id(), Store.NO));
    // Doc values give the id of a hit without decoding the stored JSON, and sort by id for ties.
    doc.add(new SortedDocValuesField(ID, new BytesRef(o.id())));
    doc.add(new StringField(KIND, o.kind().code(), Store.NO));
    Location location = o.location();
    if (location != null) {
      addTerm(doc, REGION, location.region());
      addTerm(doc, COUNTRY, location.country());
    }
    if (location != null && location.hasCoordinates()) {
      doc.add(new LatLonPoint(GEO, location.lat(), location.lon()));
    } else {
      // Marked so that a distance-bounded candidate query can still include what it cannot place.
      doc.add(new StringField(UNLOCATED, TRUE, Store.NO));
    }
    if (Boolean.TRUE.equals(o.remote())) {
      doc.add(new StringField(REMOTE, TRUE, Store.NO));
    }
    if (o.occupation() != null) {
      String isco = o.occupation().isco();
      if (isco != null) {
        for (int length = 1; length <= isco.length(); length++) {
          doc.add(new StringField(ISCO, isco.substring(0, length), Store.NO));
        }
      }
      addText(doc, TITLE, o.occupation().title());
    }
    addText(doc, TITLE, o.title());
    for (String skill : o.skills()) {
      addText(doc, SKILLS, skill);
    }
    addText(doc, DESCRIPTION, o.description());
    doc.add(new StoredField(OPPORTUNITY, Json.toBytes(o)));
    return doc;
  }

  private static void addTerm(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new StringField(field, value, Store.NO));
    }
  }

  private static void addText(Document doc, String field, String value) {
    if (value != null && !value.isBlank()) {
      doc.add(new TextField(field, value, Store.NO));
    }
  }

  /**
   * Reads the stored JSON of one document at a time, skipping every other stored field. Not
   * thread-safe; reuse one per thread and segment pass.
   */
  static final class Reader extends StoredFieldVisitor {
    private byte[] json;

    Opportunity read(StoredFields storedFields, int doc) throws IOException {
      json = null;
      storedFields.document(doc, this);
      if (json == null) {
        throw new IllegalStateException("doc " + doc + " has no stored field '" + OPPORTUNITY + "'");
      }
      return Json.fromBytes(json, 0, json.length, Opportunity.class);
    }

    @Override
    public Status needsField(FieldInfo fieldInfo) {
      if (json != null) {
        return Status.STOP;
      }
      return OPPORTUNITY.equals(fieldInfo.name) ? Status.YES : Status.NO;
    }

    @Override
    public void binaryField(FieldInfo fieldInfo, byte[] value) {
      json = value;
    }
  }
}
