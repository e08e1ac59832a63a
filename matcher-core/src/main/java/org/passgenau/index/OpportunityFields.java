package org.passgenau.index;

/** Names of the Lucene fields of an indexed opportunity; internal to the index. */
final class OpportunityFields {

  /** The id: indexed as one term (not analysed) and as sorted doc values. */
  public static final String ID = "id";

  /** The kind's contract code, such as {@code apprenticeship}; one term. */
  public static final String KIND = "kind";

  /** The ISO 3166-2 region of the location, such as {@code DE-NW}; one term, when present. */
  public static final String REGION = "region";

  /** The ISO 3166-1 country of the location, such as {@code DE}; one term, when present. */
  public static final String COUNTRY = "country";

  /** The term {@code true} for fully remote opportunities; absent otherwise. */
  public static final String REMOTE = "remote";

  /** Every prefix of the ISCO-08 code ({@code 5}, {@code 53}, {@code 532}, {@code 5321}). */
  public static final String ISCO = "isco";

  /** The location as a {@link org.apache.lucene.document.LatLonPoint}, when coordinates exist. */
  public static final String GEO = "geo";

  /** {@code "true"} for opportunities without coordinates. */
  public static final String UNLOCATED = "unlocated";

  /** The posted title and, when given, the occupation's title; analysed text. */
  public static final String TITLE = "title";

  /** Each skill as one value; analysed text. */
  public static final String SKILLS = "skills";

  /** The description; analysed text. */
  public static final String DESCRIPTION = "description";

  /** The opportunity in the contract's JSON; stored only. */
  public static final String OPPORTUNITY = "opportunity";

  private OpportunityFields() {}
}
