package org.passgenau.index;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.lucene.document.LatLonPoint;
import org.apache.lucene.geo.Rectangle;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.passgenau.model.OpportunityKind;

/**
 * Queries that select candidate opportunities by the indexed fields. They are meant as {@code
 * FILTER} or {@code SHOULD} clauses of a {@link org.apache.lucene.search.BooleanQuery}; their
 * scores carry no meaning. Arguments are checked at once, and messages name the bad value.
 */
public final class CandidateQueries {

  private static final Pattern ISCO_PREFIX = Pattern.compile("\\d{1,4}");

  private CandidateQueries() {}

  /** Opportunities whose location lies within {@code km} great-circle kilometres of the point. */
  public static Query withinKm(double lat, double lon, double km) {
    checkPoint(lat, lon, km);
    return LatLonPoint.newDistanceQuery(OpportunityFields.GEO, lat, lon, km * 1000);
  }

  private static void checkPoint(double lat, double lon, double km) {
    if (!(lat >= -90 && lat <= 90)) {
      throw new IllegalArgumentException("lat must be between -90 and 90, was " + lat);
    }
    if (!(lon >= -180 && lon <= 180)) {
      throw new IllegalArgumentException("lon must be between -180 and 180, was " + lon);
    }
    if (!(km >= 0) || Double.isInfinite(km)) {
      throw new IllegalArgumentException("km must be finite and not negative, was " + km);
    }
  }

  /**
   * Opportunities in the smallest latitude/longitude box that holds the circle of {@code km}
   * around the point (across the date line where it reaches it): a superset of {@link
   * #withinKm}, cheaper to run, for callers that check the exact distance themselves.
   */
  public static Query boxAroundKm(double lat, double lon, double km) {
    checkPoint(lat, lon, km);
    Rectangle box = Rectangle.fromPointDistance(lat, lon, km * 1000);
    return LatLonPoint.newBoxQuery(OpportunityFields.GEO, box.minLat, box.maxLat, box.minLon, box.maxLon);
  }

  /** Fully remote opportunities. */
  public static Query remote() {
    return new TermQuery(new Term(OpportunityFields.REMOTE, OpportunityDocuments.TRUE));
  }

  /** Opportunities without coordinates, which no distance query can find. */
  public static Query withoutCoordinates() {
    return new TermQuery(new Term(OpportunityFields.UNLOCATED, OpportunityDocuments.TRUE));
  }

  /** Opportunities of any of these kinds; none for an empty set. */
  public static Query kinds(Set<OpportunityKind> kinds) {
    Objects.requireNonNull(kinds, "kinds must not be null");
    if (kinds.isEmpty()) {
      return new MatchNoDocsQuery("no kinds asked");
    }
    List<BytesRef> codes = new ArrayList<>(kinds.size());
    for (OpportunityKind kind : kinds) {
      codes.add(new BytesRef(Objects.requireNonNull(kind, "kinds must not contain null").code()));
    }
    return new TermInSetQuery(OpportunityFields.KIND, codes);
  }

  /** Opportunities located in an ISO 3166-2 region, such as {@code DE-NW}. */
  public static Query region(String region) {
    return new TermQuery(new Term(OpportunityFields.REGION, requireCode("region", region)));
  }

  /** Opportunities located in an ISO 3166-1 alpha-2 country, such as {@code DE}. */
  public static Query country(String country) {
    return new TermQuery(new Term(OpportunityFields.COUNTRY, requireCode("country", country)));
  }

  /**
   * Opportunities whose ISCO-08 code starts with {@code prefix}: {@code "53"} finds {@code 5321}
   * and {@code 532}, not {@code 5}.
   */
  public static Query iscoPrefix(String prefix) {
    Objects.requireNonNull(prefix, "isco prefix must not be null");
    if (!ISCO_PREFIX.matcher(prefix).matches()) {
      throw new IllegalArgumentException("isco prefix must have 1 to 4 digits, was '" + prefix + "'");
    }
    return new TermQuery(new Term(OpportunityFields.ISCO, prefix));
  }

  /** Every opportunity. */
  public static Query all() {
    return new MatchAllDocsQuery();
  }

  private static String requireCode(String name, String value) {
    Objects.requireNonNull(value, () -> name + " must not be null");
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank, was '" + value + "'");
    }
    return value;
  }
}
