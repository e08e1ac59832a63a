package org.passgenau.bench;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.RandomAccess;
import java.util.SplittableRandom;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Employer;
import org.passgenau.model.Experience;
import org.passgenau.model.Family;
import org.passgenau.model.Health;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.PermitStatus;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.ResidenceObligation;
import org.passgenau.model.School;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/**
 * Synthetic but plausible opportunities and profiles around the Lower Rhine, the Bergisch Land
 * and Groningen, for benchmarks and load tests.
 *
 * <p>Deterministic: record {@code i} depends only on the seed and {@code i} (each record draws
 * from its own {@link SplittableRandom} derived from both), so the same seed gives the same
 * corpus, any prefix of a large corpus equals the smaller corpus, and a million opportunities can
 * be streamed through {@link #opportunityStream(int)} without holding them all in memory.
 *
 * <p>Dates are drawn around the fixed {@link #REFERENCE_DAY}, never around today, so results do
 * not drift with the calendar.
 */
public final class CorpusGenerator {

  /** The day the corpus is "as of"; benchmarks match with this date. */
  public static final LocalDate REFERENCE_DAY = LocalDate.of(2026, 11, 23);

  public static final long DEFAULT_SEED = 0x5EED_2026_1123L;

  // Separate streams so that adding profiles never shifts opportunities and vice versa.
  private static final long OPPORTUNITY_STREAM = 0x9E3779B97F4A7C15L;
  private static final long PROFILE_STREAM = 0xC2B2AE3D27D4EB4FL;

  /**
   * A place with its coordinates and a weight roughly proportional to population (and so to the
   * number of postings and of people), so that cities dominate as they do in real feeds.
   */
  record Place(String name, double lat, double lon, String postalCode, String region,
      String country, double weight) {}

  static final List<Place> PLACES = List.of(
      new Place("Düsseldorf", 51.2277, 6.7735, "40210", "DE-NW", "DE", 12),
      new Place("Duisburg", 51.4344, 6.7623, "47051", "DE-NW", "DE", 9),
      new Place("Wuppertal", 51.2562, 7.1508, "42103", "DE-NW", "DE", 7),
      new Place("Mönchengladbach", 51.1805, 6.4428, "41061", "DE-NW", "DE", 5.5),
      new Place("Krefeld", 51.3388, 6.5853, "47798", "DE-NW", "DE", 5),
      new Place("Solingen", 51.1652, 7.0671, "42651", "DE-NW", "DE", 3.5),
      new Place("Neuss", 51.2042, 6.6879, "41460", "DE-NW", "DE", 3.5),
      new Place("Remscheid", 51.1787, 7.1897, "42853", "DE-NW", "DE", 2.5),
      new Place("Moers", 51.4516, 6.6408, "47441", "DE-NW", "DE", 2.2),
      new Place("Viersen", 51.2562, 6.3905, "41747", "DE-NW", "DE", 1.8),
      new Place("Velbert", 51.3397, 7.0435, "42551", "DE-NW", "DE", 1.8),
      new Place("Ratingen", 51.2973, 6.8494, "40878", "DE-NW", "DE", 1.8),
      new Place("Mettmann", 51.2504, 6.9754, "40822", "DE-NW", "DE", 0.8),
      new Place("Kempen", 51.3648, 6.4194, "47906", "DE-NW", "DE", 0.7),
      new Place("Willich", 51.2634, 6.5492, "47877", "DE-NW", "DE", 1.0),
      new Place("Nettetal", 51.3164, 6.2800, "41334", "DE-NW", "DE", 0.8),
      new Place("Tönisvorst", 51.3208, 6.4931, "47918", "DE-NW", "DE", 0.6),
      new Place("Kaarst", 51.2275, 6.6163, "41564", "DE-NW", "DE", 0.9),
      new Place("Meerbusch", 51.2541, 6.6876, "40667", "DE-NW", "DE", 1.0),
      new Place("Brüggen", 51.2419, 6.1822, "41379", "DE-NW", "DE", 0.3),
      new Place("Schwalmtal", 51.2181, 6.2592, "41366", "DE-NW", "DE", 0.4),
      new Place("Haan", 51.1931, 7.0131, "42781", "DE-NW", "DE", 0.6),
      new Place("Wermelskirchen", 51.1392, 7.2169, "42929", "DE-NW", "DE", 0.6),
      new Place("Radevormwald", 51.2016, 7.3608, "42477", "DE-NW", "DE", 0.4),
      new Place("Venlo", 51.3704, 6.1724, "5911", "NL-LI", "NL", 2.0),
      new Place("Groningen", 53.2192, 6.5667, "9711", "NL-GR", "NL", 5.5),
      new Place("Assen", 52.9925, 6.5649, "9401", "NL-DR", "NL", 1.4),
      new Place("Hoogezand", 53.1614, 6.7615, "9601", "NL-GR", "NL", 0.7),
      new Place("Veendam", 53.1067, 6.8792, "9641", "NL-GR", "NL", 0.5),
      new Place("Winschoten", 53.1442, 7.0347, "9671", "NL-GR", "NL", 0.5));

  private static final double[] PLACE_CUMULATIVE = cumulative(
      PLACES.stream().mapToDouble(Place::weight).toArray());

  /**
   * A common ISCO-08 unit group with German and Dutch titles and what such jobs typically ask.
   * {@code shift}, {@code night}, {@code weekend} are probabilities; {@code licence} a driving
   * licence class the job usually requires, or null.
   */
  record Job(String isco, String de, String nl, Level level, boolean regulated, Demand demand,
      double shift, double night, double weekend, String licence, double weight,
      List<String> skills) {}

  static final List<Job> JOBS = List.of(
      job("5321", "Pflegehelfer", "zorghulp", Level.HELPER, false, Demand.HIGH, .7, .3, .8, null, 5,
          "Grundpflege", "Mobilisation", "Dokumentation"),
      job("2221", "Pflegefachkraft", "verpleegkundige", Level.SPECIALIST, true, Demand.HIGH, .8, .4,
          .8, null, 4, "Behandlungspflege", "Medikamentengabe", "Wundversorgung"),
      job("3221", "Pflegefachassistent", "mbo-verpleegkundige", Level.SKILLED, true, Demand.HIGH,
          .7, .3, .8, null, 2, "Grundpflege", "Vitalzeichen", "Dokumentation"),
      job("2211", "Arzt", "arts", Level.EXPERT, true, Demand.MEDIUM, .6, .4, .5, null, 0.6,
          "Diagnostik", "Notfallmedizin"),
      job("2342", "Erzieher", "pedagogisch medewerker", Level.SPECIALIST, true, Demand.MEDIUM, .1,
          0, .05, null, 2.5, "Frühpädagogik", "Elternarbeit", "Sprachförderung"),
      job("2341", "Grundschullehrer", "leerkracht basisonderwijs", Level.EXPERT, true,
          Demand.LOW, 0, 0, 0, null, 0.5, "Unterricht", "Deutsch als Zweitsprache"),
      job("5311", "Kinderpfleger", "medewerker kinderopvang", Level.SKILLED, false,
          Demand.MEDIUM, .1, 0, .05, null, 1.5, "Kinderbetreuung", "Spielpädagogik"),
      job("5120", "Koch", "kok", Level.SKILLED, false, Demand.HIGH, .6, .1, .9, null, 3,
          "Speisenzubereitung", "HACCP", "Mise en place"),
      job("9412", "Küchenhilfe", "keukenhulp", Level.HELPER, false, Demand.HIGH, .5, .1, .9, null,
          3, "Spülen", "Vorbereitung", "Hygiene"),
      job("5131", "Servicekraft", "medewerker bediening", Level.HELPER, false, Demand.MEDIUM, .5,
          .2, .9, null, 2, "Bedienung", "Kasse", "Gästebetreuung"),
      job("9112", "Reinigungskraft", "schoonmaker", Level.HELPER, false, Demand.HIGH, .3, .1, .4,
          null, 5, "Unterhaltsreinigung", "Glasreinigung"),
      job("9333", "Lagerhelfer", "magazijnmedewerker", Level.HELPER, false, Demand.HIGH, .6, .2,
          .3, null, 5, "Kommissionierung", "Scanner", "Verpackung"),
      job("4321", "Fachkraft für Lagerlogistik", "logistiek medewerker", Level.SKILLED, false,
          Demand.MEDIUM, .5, .1, .2, null, 2.5, "Warenannahme", "SAP", "Inventur"),
      job("8344", "Gabelstaplerfahrer", "heftruckchauffeur", Level.SKILLED, false, Demand.MEDIUM,
          .6, .2, .2, null, 2, "Staplerschein", "Verladung"),
      job("8332", "Berufskraftfahrer", "vrachtwagenchauffeur", Level.SKILLED, false,
          Demand.MEDIUM, .3, .4, .3, "CE", 2.5, "Ladungssicherung", "Tourenplanung"),
      job("8322", "Kurierfahrer", "koerier", Level.HELPER, false, Demand.MEDIUM, .2, 0, .4, "B",
          2, "Zustellung", "Navigation"),
      job("8321", "Essenskurier", "maaltijdbezorger", Level.HELPER, false, Demand.MEDIUM, .2, .2,
          .8, "AM", 1, "Zustellung", "Fahrrad"),
      job("9621", "Paketzusteller", "pakketbezorger", Level.HELPER, false, Demand.HIGH, .2, 0, .5,
          "B", 2, "Zustellung", "Scanner"),
      job("5223", "Verkäufer", "verkoopmedewerker", Level.SKILLED, false, Demand.MEDIUM, .3, 0, .8,
          null, 4, "Beratung", "Kasse", "Warenpräsentation"),
      job("5230", "Kassierer", "kassamedewerker", Level.HELPER, false, Demand.LOW, .3, 0, .8, null,
          2, "Kasse", "Kundenservice"),
      job("7411", "Elektriker", "elektricien", Level.SKILLED, false, Demand.MEDIUM, .1, 0, .1, null,
          2.5, "Elektroinstallation", "VDE", "Schaltpläne"),
      job("7126", "Anlagenmechaniker SHK", "installatiemonteur", Level.SKILLED, false,
          Demand.HIGH, .1, 0, .1, null, 2, "Sanitär", "Heizungstechnik", "Löten"),
      job("7231", "Kfz-Mechatroniker", "automonteur", Level.SKILLED, false, Demand.MEDIUM, .1, 0,
          .1, null, 2, "Diagnose", "Bremsen", "Elektrik"),
      job("7212", "Schweißer", "lasser", Level.SKILLED, false, Demand.HIGH, .6, .2, .1, null, 1.5,
          "MAG-Schweißen", "WIG-Schweißen", "Zeichnungen lesen"),
      job("7512", "Bäcker", "bakker", Level.SKILLED, false, Demand.HIGH, .3, .7, .8, null, 1.5,
          "Teigherstellung", "Backen"),
      job("7131", "Maler", "schilder", Level.SKILLED, false, Demand.HIGH, 0, 0, .05, null, 1.5,
          "Anstrich", "Tapezieren"),
      job("7112", "Maurer", "metselaar", Level.SKILLED, false, Demand.HIGH, 0, 0, .05, null, 1.2,
          "Mauerwerk", "Betonbau"),
      job("9313", "Bauhelfer", "bouwplaatsmedewerker", Level.HELPER, false, Demand.HIGH, 0, 0, .1,
          null, 2, "Erdarbeiten", "Schalung"),
      job("9329", "Produktionshelfer", "productiemedewerker", Level.HELPER, false, Demand.MEDIUM,
          .8, .3, .2, null, 5, "Maschinenbedienung", "Qualitätskontrolle", "Verpackung"),
      job("8189", "Maschinenbediener", "machineoperator", Level.SKILLED, false, Demand.MEDIUM, .8,
          .3, .2, null, 2, "CNC", "Rüsten"),
      job("5414", "Sicherheitsmitarbeiter", "beveiliger", Level.HELPER, false, Demand.MEDIUM, .8,
          .6, .7, null, 1.5, "Sachkunde 34a", "Objektschutz"),
      job("4110", "Bürokaufmann", "administratief medewerker", Level.SKILLED, false, Demand.LOW, 0,
          0, 0, null, 2.5, "MS Office", "Buchhaltung", "Korrespondenz"),
      job("4222", "Kundenberater im Callcenter", "klantenservicemedewerker", Level.HELPER, false,
          Demand.LOW, .4, 0, .4, null, 1.5, "Telefon", "CRM"),
      job("2512", "Softwareentwickler", "softwareontwikkelaar", Level.EXPERT, false, Demand.LOW, 0,
          0, 0, null, 1.2, "Java", "SQL", "Git"),
      job("3512", "IT-Support", "servicedeskmedewerker", Level.SPECIALIST, false, Demand.LOW, .2,
          0, .1, null, 0.8, "Windows", "Netzwerke", "Ticketsystem"),
      job("2643", "Dolmetscher", "tolk", Level.EXPERT, false, Demand.LOW, 0, 0, .1, null, 0.4,
          "Arabisch", "Dari", "Ukrainisch"),
      job("5141", "Friseur", "kapper", Level.SKILLED, false, Demand.MEDIUM, 0, 0, .8, null, 1,
          "Haarschnitt", "Färben"),
      job("7531", "Änderungsschneider", "kleermaker", Level.SKILLED, false, Demand.LOW, 0, 0, .3,
          null, 0.5, "Nähen", "Änderungen"),
      job("6113", "Gärtner", "hovenier", Level.SKILLED, false, Demand.HIGH, 0, 0, .1, null, 1,
          "Pflanzenpflege", "Landschaftsbau"),
      job("9214", "Gartenhelfer", "medewerker groenvoorziening", Level.HELPER, false, Demand.HIGH,
          0, 0, .1, null, 1, "Rasenpflege", "Heckenschnitt"),
      job("9211", "Erntehelfer", "oogstmedewerker", Level.HELPER, false, Demand.HIGH, .1, 0, .7,
          null, 0.8, "Ernte", "Sortieren"),
      job("3256", "Medizinische Fachangestellte", "doktersassistent", Level.SKILLED, false,
          Demand.LOW, .1, 0, .1, null, 1.2, "Praxisorganisation", "Blutabnahme"),
      job("5312", "Schulbegleiter", "onderwijsassistent", Level.HELPER, false, Demand.LOW, 0, 0, 0,
          null, 0.8, "Inklusion", "Begleitung"));

  private static final double[] JOB_CUMULATIVE = cumulative(
      JOBS.stream().mapToDouble(Job::weight).toArray());

  private static final String[] ORIGINS = {"SY", "AF", "UA", "IQ", "ER", "TR", "IR", "SO", "NG"};
  private static final double[] ORIGIN_CUMULATIVE =
      cumulative(new double[] {30, 18, 22, 9, 5, 6, 4, 3, 3});

  private static final String[] SOURCES = {
    "ba-jobboerse", "uwv-werk-nl", "stepstone", "indeed", "kommunales-integrationszentrum"
  };

  private final long seed;

  public CorpusGenerator(long seed) {
    this.seed = seed;
  }

  public CorpusGenerator() {
    this(DEFAULT_SEED);
  }

  public long seed() {
    return seed;
  }

  /** Opportunities 0 to n-1, generated on access, so even a million cost no memory up front. */
  public List<Opportunity> opportunityStream(int n) {
    return new Lazy<>(n, this::opportunity);
  }

  /** Opportunities 0 to n-1, materialised. */
  public List<Opportunity> opportunities(int n) {
    return new ArrayList<>(opportunityStream(n));
  }

  /** Profiles 0 to m-1, materialised. */
  public List<Profile> profiles(int m) {
    return new ArrayList<>(new Lazy<>(m, this::profile));
  }

  /** Opportunity number {@code i}; depends only on the seed and {@code i}. */
  public Opportunity opportunity(int i) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ OPPORTUNITY_STREAM, i));
    OpportunityKind kind = pickKind(r);
    Job job = JOBS.get(pick(r, JOB_CUMULATIVE));
    Place place = PLACES.get(pick(r, PLACE_CUMULATIVE));
    boolean nl = place.country().equals("NL");
    String lang = nl ? "nl" : "de";
    Level level = kind == OpportunityKind.APPRENTICESHIP ? Level.SKILLED : job.level();
    if (kind == OpportunityKind.VACANCY && level == Level.SKILLED && r.nextDouble() < 0.2) {
      level = Level.HELPER; // helper posts in skilled trades are common
    }

    Opportunity.Builder b = Opportunity.builder(
        (nl ? "NL-" : "DE-") + i, kind, title(r, kind, job, nl));
    // Some feeds send no code; then the engine classifies the title with the taxonomy.
    if (r.nextDouble() < 0.88) {
      b.occupation(Occupation.isco(job.isco()));
    }
    b.level(level)
        .description(job.de() + " in " + place.name() + ", " + job.skills().get(0))
        .skills(someOf(r, job.skills()))
        .location(jitter(r, place, 3.0))
        .source(SOURCES[nl ? 1 : r.nextInt(SOURCES.length)])
        .employer(new Employer("E-" + place.postalCode() + "-" + r.nextInt(400),
            place.name() + " " + job.nl() + " " + r.nextInt(400)));

    languages(r, b, kind, level, job, lang);
    qualification(r, b, kind, level, job);
    if (kind == OpportunityKind.APPRENTICESHIP) {
      double s = r.nextDouble();
      b.minSchool(s < 0.45 ? School.LOWER_SECONDARY
          : s < 0.85 ? School.INTERMEDIATE : School.UPPER_SECONDARY);
    }
    if (job.demand() == Demand.LOW && r.nextDouble() < 0.08) {
      b.remote(true);
    }
    b.hoursPerWeek(hours(r, kind));
    b.shiftWork(r.nextDouble() < job.shift())
        .nightWork(r.nextDouble() < job.night())
        .weekendWork(r.nextDouble() < job.weekend());
    if (r.nextDouble() < 0.25) {
      b.flexibleHours(true);
    }
    if (r.nextDouble() < 0.1) {
      b.childcareSupport(true);
    }
    if (job.licence() != null && r.nextDouble() < 0.9) {
      b.drivingLicense(job.licence());
    } else if (job.demand() != Demand.LOW && r.nextDouble() < 0.07) {
      b.drivingLicense("B"); // service vans in the trades
    }
    if (r.nextDouble() < 0.85) {
      b.physicalDemand(job.demand());
    }
    double a = r.nextDouble();
    b.accessible(a < 0.3 ? Boolean.TRUE : a < 0.5 ? Boolean.FALSE : null);
    b.monthlyGrossEur(pay(r, kind, level));
    dates(r, b, kind);
    if (r.nextDouble() < 0.15) {
      b.openPositions(2 + r.nextInt(5));
    }
    return b.build();
  }

  /** Profile number {@code i}; depends only on the seed and {@code i}. */
  public Profile profile(int i) {
    SplittableRandom r = new SplittableRandom(mix(seed ^ PROFILE_STREAM, i));
    Place place = PLACES.get(pick(r, PLACE_CUMULATIVE));
    boolean nl = place.country().equals("NL");
    String origin = ORIGINS[pick(r, ORIGIN_CUMULATIVE)];
    Profile.Builder b = Profile.builder("P-" + i);

    b.speaks(nativeLanguage(r, origin), Cefr.C2);
    Cefr local = localLevel(r, origin);
    if (local != null) {
      b.speaks(nl ? "nl" : "de", local);
    }
    if (r.nextDouble() < 0.4) {
      b.speaks("en", Cefr.values()[1 + r.nextInt(4)]);
    }

    List<Occupation> desired = new ArrayList<>();
    Job main = JOBS.get(pick(r, JOB_CUMULATIVE));
    if (r.nextDouble() < 0.4) {
      double rec = r.nextDouble();
      Recognition recognition = rec < 0.15 ? Recognition.FULL : rec < 0.3 ? Recognition.PARTIAL
          : rec < 0.5 ? Recognition.PENDING : rec < 0.55 ? Recognition.REJECTED
          : rec < 0.9 ? Recognition.NOT_APPLIED : null;
      b.qualification(new Qualification(Occupation.isco(main.isco()), main.level(), origin,
          recognition, (double) (2 + r.nextInt(4))));
    }
    if (r.nextDouble() < 0.7) {
      b.experience(List.of(Experience.of(Occupation.isco(main.isco()),
          Math.round((0.5 + r.nextDouble() * 14) * 2) / 2.0)));
      desired.add(Occupation.isco(main.isco()));
    }
    int more = r.nextInt(3);
    for (int k = 0; k < more || desired.isEmpty(); k++) {
      desired.add(Occupation.isco(JOBS.get(pick(r, JOB_CUMULATIVE)).isco()));
    }
    b.desiredOccupations(desired);
    b.skills(someOf(r, main.skills()));
    double s = r.nextDouble();
    b.school(s < 0.08 ? School.NONE : s < 0.2 ? School.PRIMARY : s < 0.45 ? School.LOWER_SECONDARY
        : s < 0.6 ? School.INTERMEDIATE : s < 0.85 ? School.UPPER_SECONDARY : School.TERTIARY);
    int birthYear = 1966 + r.nextInt(43);
    b.birthYear(birthYear);
    if (r.nextDouble() < 0.98) {
      b.location(jitter(r, place, 2.5));
    } else {
      // Some case files only know the region.
      b.location(new Location(null, null, null, null, place.region(), place.country()));
    }
    b.mobility(mobility(r));
    if (!nl && r.nextDouble() < 0.4) {
      b.residenceObligation(new ResidenceObligation("DE-NW",
          REFERENCE_DAY.plusDays(r.nextInt(-200, 900))));
    }
    b.workPermit(permit(r, origin));
    boolean childrenUnder3 = r.nextDouble() < 0.18;
    int schoolChildren = r.nextDouble() < 0.35 ? 1 + r.nextInt(3) : 0;
    boolean arranged = r.nextDouble() < 0.5;
    boolean single = (childrenUnder3 || schoolChildren > 0) && r.nextDouble() < 0.25;
    if (childrenUnder3 || schoolChildren > 0 || r.nextDouble() < 0.5) {
      b.family(new Family(childrenUnder3 ? 1 : 0, schoolChildren, arranged, single));
    }
    b.availability(availability(r, childrenUnder3 && !arranged, single));
    double h = r.nextDouble();
    if (h < 0.12) {
      b.health(new Health(h < 0.04 ? Demand.LOW : Demand.MEDIUM, h < 0.02));
    }
    Map<String, String> audit = new LinkedHashMap<>();
    audit.put("gender", r.nextDouble() < 0.42 ? "f" : "m");
    audit.put("nationality", origin);
    b.audit(audit);
    return b.build();
  }

  // --- opportunities ---

  private static OpportunityKind pickKind(SplittableRandom r) {
    double k = r.nextDouble();
    return k < 0.50 ? OpportunityKind.VACANCY
        : k < 0.78 ? OpportunityKind.APPRENTICESHIP
        : k < 0.87 ? OpportunityKind.INTERNSHIP
        : k < 0.93 ? OpportunityKind.VOLUNTEERING
        : OpportunityKind.TRAINING;
  }

  private static String title(SplittableRandom r, OpportunityKind kind, Job job, boolean nl) {
    if (nl) {
      return switch (kind) {
        case APPRENTICESHIP -> "BBL-opleiding " + job.nl();
        case INTERNSHIP -> "Stage " + job.nl();
        case VOLUNTEERING -> "Vrijwilliger " + job.nl();
        case TRAINING -> "Leerwerktraject " + job.nl();
        default -> capitalise(job.nl()) + (r.nextBoolean() ? "" : " (32-40 uur)");
      };
    }
    return switch (kind) {
      case APPRENTICESHIP -> "Ausbildung " + job.de() + " (m/w/d)";
      case INTERNSHIP -> "Praktikum " + job.de() + " (m/w/d)";
      case VOLUNTEERING -> "Ehrenamt: Unterstützung " + job.de();
      case TRAINING -> "Qualifizierung " + job.de();
      default -> job.de() + (r.nextBoolean() ? "/in" : "") + " (m/w/d)";
    };
  }

  private static void languages(SplittableRandom r, Opportunity.Builder b, OpportunityKind kind,
      Level level, Job job, String lang) {
    if (r.nextDouble() < 0.15) {
      return; // no stated requirement
    }
    int rank = switch (level) {
      case HELPER -> 1 + r.nextInt(3); // A1..B1
      case SKILLED -> 3 + r.nextInt(2); // B1..B2
      case SPECIALIST -> 4;
      case EXPERT -> 4 + r.nextInt(2); // B2..C1
    };
    if (job.regulated()) {
      rank = Math.max(rank, 4); // B2 for regulated care and education
    }
    if (kind == OpportunityKind.VOLUNTEERING || kind == OpportunityKind.TRAINING) {
      rank = Math.min(rank, 2);
    }
    b.requireLanguage(lang, Cefr.values()[rank - 1]);
    if (level == Level.EXPERT && r.nextDouble() < 0.3) {
      b.requireLanguage("en", Cefr.B2);
    }
    b.languageSupport(r.nextDouble() < (kind == OpportunityKind.TRAINING ? 0.7 : 0.25));
  }

  private static void qualification(SplittableRandom r, Opportunity.Builder b,
      OpportunityKind kind, Level level, Job job) {
    if (kind != OpportunityKind.VACANCY) {
      return;
    }
    if (job.regulated()) {
      double x = r.nextDouble();
      b.qualification(new QualificationRequirement(true, true,
          x < 0.6 ? Recognition.FULL : x < 0.85 ? Recognition.PARTIAL : Recognition.PENDING));
      b.recognitionPartnership(r.nextDouble() < 0.3);
    } else if (level != Level.HELPER && r.nextDouble() < 0.6) {
      b.qualification(new QualificationRequirement(true, false, null));
    }
  }

  private static HoursRange hours(SplittableRandom r, OpportunityKind kind) {
    double x = r.nextDouble();
    return switch (kind) {
      case APPRENTICESHIP -> HoursRange.of(38, 40);
      case INTERNSHIP -> x < 0.7 ? HoursRange.of(35, 40) : HoursRange.of(20, 30);
      case VOLUNTEERING -> HoursRange.of(2, 4 + r.nextInt(12));
      case TRAINING -> HoursRange.of(20, 20 + r.nextInt(16));
      default -> x < 0.6 ? HoursRange.of(38, 40)
          : x < 0.85 ? HoursRange.of(20, 20 + r.nextInt(11))
          : HoursRange.of(6, 12); // Minijob
    };
  }

  private static Double pay(SplittableRandom r, OpportunityKind kind, Level level) {
    return switch (kind) {
      case VOLUNTEERING -> null;
      case APPRENTICESHIP -> (double) (950 + r.nextInt(400));
      case INTERNSHIP -> r.nextDouble() < 0.5 ? 0.0 : (double) (400 + r.nextInt(800));
      case TRAINING -> r.nextDouble() < 0.7 ? null : (double) (600 + r.nextInt(600));
      default -> r.nextDouble() < 0.3 ? null
          : (double) (2100 + 700 * (level.rank() - 1) + r.nextInt(900));
    };
  }

  private static void dates(SplittableRandom r, Opportunity.Builder b, OpportunityKind kind) {
    LocalDate posted = REFERENCE_DAY.minusDays(r.nextInt(1, 120));
    b.postedDate(posted);
    if (kind == OpportunityKind.APPRENTICESHIP) {
      // German apprenticeships start in August or September; a few late entries this year.
      double x = r.nextDouble();
      b.startDate(x < 0.1 ? LocalDate.of(2026, 9, 1)
          : x < 0.6 ? LocalDate.of(2027, 8, 1) : LocalDate.of(2027, 9, 1));
    } else if (r.nextDouble() < 0.7) {
      b.startDate(posted.plusDays(r.nextInt(7, 150)));
    }
    if (r.nextDouble() < 0.55) {
      // A share has already expired on the reference day, as in real feeds.
      b.applicationDeadline(posted.plusDays(r.nextInt(14, 240)));
    }
  }

  // --- profiles ---

  private static String nativeLanguage(SplittableRandom r, String origin) {
    return switch (origin) {
      case "SY", "IQ" -> r.nextDouble() < 0.2 ? "ku" : "ar";
      case "AF" -> r.nextDouble() < 0.35 ? "ps" : "fa";
      case "IR" -> "fa";
      case "UA" -> r.nextDouble() < 0.3 ? "ru" : "uk";
      case "ER" -> "ti";
      case "TR" -> r.nextDouble() < 0.3 ? "ku" : "tr";
      case "SO" -> "so";
      default -> "en";
    };
  }

  private static Cefr localLevel(SplittableRandom r, String origin) {
    double x = r.nextDouble();
    if ("UA".equals(origin)) {
      x -= 0.1; // more recent arrivals
    }
    return x < 0.06 ? null : x < 0.26 ? Cefr.A1 : x < 0.51 ? Cefr.A2 : x < 0.81 ? Cefr.B1
        : x < 0.95 ? Cefr.B2 : Cefr.C1;
  }

  private static Mobility mobility(SplittableRandom r) {
    boolean car = r.nextDouble() < 0.12;
    Double km = null;
    Double minutes = null;
    double x = r.nextDouble();
    if (x < 0.3) {
      km = (double) (5 + 5 * r.nextInt(7)); // 5..35 km
    } else if (x < 0.45) {
      minutes = (double) (20 + 10 * r.nextInt(6)); // 20..70 min
    }
    List<String> licences = new ArrayList<>();
    if (car || r.nextDouble() < 0.12) {
      licences.add("B");
    }
    if (r.nextDouble() < 0.03) {
      licences.add("CE");
    }
    return new Mobility(km, minutes, licences, car, r.nextDouble() < 0.15);
  }

  private static WorkPermit permit(SplittableRandom r, String origin) {
    double x = r.nextDouble();
    if ("UA".equals(origin)) {
      return new WorkPermit(PermitStatus.RESIDENCE_PERMIT, WorkBan.NONE, null, false);
    }
    if (x < 0.55) {
      return new WorkPermit(PermitStatus.RESIDENCE_PERMIT, WorkBan.NONE, null, false);
    }
    if (x < 0.77) {
      boolean banned = r.nextDouble() < 0.35;
      return new WorkPermit(PermitStatus.ASYLUM_PENDING, banned ? WorkBan.TEMPORARY : WorkBan.NONE,
          banned ? REFERENCE_DAY.plusDays(r.nextInt(-60, 180)) : null, true);
    }
    if (x < 0.9) {
      boolean absolute = r.nextDouble() < 0.25;
      return new WorkPermit(PermitStatus.TOLERATION, absolute ? WorkBan.ABSOLUTE : WorkBan.NONE,
          null, true);
    }
    return new WorkPermit(x < 0.93 ? PermitStatus.EU_CITIZEN : PermitStatus.OTHER, null, null,
        null);
  }

  private static Availability availability(SplittableRandom r, boolean smallChildUncared,
      boolean single) {
    LocalDate from = r.nextDouble() < 0.3 ? null : REFERENCE_DAY.plusDays(r.nextInt(-90, 150));
    // Boxed on purpose: a primitive branch in these conditionals would unbox the null.
    Double max = smallChildUncared || single ? Double.valueOf(15 + 5 * r.nextInt(3))
        : r.nextDouble() < 0.5 ? Double.valueOf(40) : null;
    Double min = r.nextDouble() < 0.2 && (max == null || max >= 20) ? Double.valueOf(20) : null;
    return new Availability(from, max, min,
        r.nextDouble() < (single ? 0.3 : 0.7),
        r.nextDouble() < (single ? 0.1 : 0.5),
        r.nextDouble() < (single ? 0.3 : 0.7));
  }

  // --- helpers ---

  private static Job job(String isco, String de, String nl, Level level, boolean regulated,
      Demand demand, double shift, double night, double weekend, String licence, double weight,
      String... skills) {
    return new Job(isco, de, nl, level, regulated, demand, shift, night, weekend, licence, weight,
        List.of(skills));
  }

  /** A point a few km around {@code place}: normal with {@code sigmaKm}, cut at 3 sigma. */
  private static Location jitter(SplittableRandom r, Place place, double sigmaKm) {
    double north = clamp(gaussian(r) * sigmaKm, 3 * sigmaKm);
    double east = clamp(gaussian(r) * sigmaKm, 3 * sigmaKm);
    double lat = place.lat() + north / 111.2;
    double lon = place.lon() + east / (111.2 * Math.cos(Math.toRadians(place.lat())));
    return new Location(round(lat), round(lon), place.postalCode(), place.name(), place.region(),
        place.country());
  }

  private static double gaussian(SplittableRandom r) {
    // Box-Muller; SplittableRandom has no nextGaussian on Java 17.
    double u = 1.0 - r.nextDouble();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  private static double clamp(double v, double limit) {
    return Math.max(-limit, Math.min(limit, v));
  }

  private static double round(double degrees) {
    return Math.round(degrees * 1e5) / 1e5;
  }

  private static List<String> someOf(SplittableRandom r, List<String> all) {
    List<String> out = new ArrayList<>();
    for (String s : all) {
      if (r.nextDouble() < 0.6) {
        out.add(s);
      }
    }
    return out;
  }

  private static String capitalise(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    for (int i = 0; i < c.length; i++) {
      c[i] /= sum;
    }
    return c;
  }

  private static int pick(SplittableRandom r, double[] cumulative) {
    double x = r.nextDouble();
    for (int i = 0; i < cumulative.length; i++) {
      if (x < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }

  /** SplitMix64 finaliser: decorrelates the per-record seeds of neighbouring indices. */
  private static long mix(long base, long i) {
    long z = base + (i + 1) * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** A read-only list whose elements are generated on each access. */
  private static final class Lazy<T> extends AbstractList<T> implements RandomAccess {
    private final int size;
    private final java.util.function.IntFunction<T> make;

    Lazy(int size, java.util.function.IntFunction<T> make) {
      if (size < 0) {
        throw new IllegalArgumentException("size must not be negative, was " + size);
      }
      this.size = size;
      this.make = make;
    }

    @Override
    public T get(int index) {
      if (index < 0 || index >= size) {
        throw new IndexOutOfBoundsException(index);
      }
      return make.apply(index);
    }

    @Override
    public int size() {
      return size;
    }

    @Override
    public Iterator<T> iterator() {
      return new Iterator<>() {
        private int next;

        @Override
        public boolean hasNext() {
          return next < size;
        }

        @Override
        public T next() {
          if (next >= size) {
            throw new NoSuchElementException();
          }
          return make.apply(next++);
        }
      };
    }
  }
}
