package org.passgenau.index;

/** Names of the Lucene fields of an indexed opportunity; internal to the index. */
final class OpportunityFields {

  /** The id: indexed as one term (not analysed), for updates and deletes. */
  static final String ID = "id";

  /** The opportunity as an {@link OpportunityCodec} record, in binary doc values. */
  static final String RECORD = "record";

  private OpportunityFields() {}
}
