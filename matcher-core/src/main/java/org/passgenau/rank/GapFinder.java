package org.passgenau.rank;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import org.apache.lucene.util.Bits;
import org.passgenau.index.Segment;
import org.passgenau.model.Cefr;
import org.passgenau.model.Family;
import org.passgenau.model.Location;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.Recognition;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;
import org.passgenau.taxonomy.IscoCode;

/**
 * Finds one person's gaps over the segments of one snapshot: which single changes the rules know
 * apply to the person ({@code docs/gaps.md}), and for each how many opportunities it newly admits
 * and the best of them.
 *
 * <p>How, without a full match per change: the unchanged profile's filter pass runs once per
 * segment (the reach scan, then {@link CompiledRules.Bound#retainAdmitted}, the code {@code match}
 * runs) and its admitted rows are kept in a bitset. Every filter decides a row by the row and the
 * person alone, so a changed profile admits a row exactly when its own pass over any set holding
 * the row keeps it, in any order of the filters. For each change, its bound rules run the same
 * filter pass over the rows the unchanged profile did not admit: the rows within the unchanged
 * reach but not admitted, or, for a change that moves the reach (the commute), its own reach scan
 * less the admitted rows; either less the rows that a filter no change acts on ({@link
 * #UNCHANGING}) excludes. What survives is newly admitted; only those rows are scored, by the
 * same {@link CompiledRules.Bound#scoreInto} into a heap of one, and only the best is explained.
 *
 * <p>One instance per call; confined to the calling thread, while its snapshot is open.
 */
final class GapFinder {

  private final CompiledRules rules;
  private final Vocabulary vocabulary;
  private final ToIntFunction<Occupation> isco;
  private final Messages messages;

  GapFinder(CompiledRules rules, Vocabulary vocabulary, ToIntFunction<Occupation> isco,
      Messages messages) {
    this.rules = rules;
    this.vocabulary = vocabulary;
    this.isco = isco;
    this.messages = messages;
  }

  /**
   * By slot in {@link RuleSet#FILTERS}: the built-in filters that read nothing a change alters
   * (dates, the reference day, shift, night and weekend statements, health, school), so that a
   * row one of them excludes for the person stays excluded after any change. Every change keeps
   * these fields as they were; {@code GapsPropertiesTest} would see a filter wrongly listed.
   */
  private static final boolean[] UNCHANGING = new boolean[RuleSet.FILTERS.size()];

  static {
    for (String filter : List.of("application_deadline", "start_date", "shift_work",
        "night_work", "weekend_work", "physical_demand", "accessibility", "school")) {
      int slot = RuleSet.FILTERS.indexOf(filter);
      if (slot < 0) {
        throw new IllegalStateException("no built-in filter named " + filter);
      }
      UNCHANGING[slot] = true;
    }
  }

  /** One change bound to its changed profile, with what it opened so far. */
  private static final class Trial {
    final ProfileChange change;
    final Profile changed;
    final CompiledRules.Bound bound;
    /** Whether the changed profile reaches exactly what the unchanged one reaches. */
    final boolean sameReach;
    final TopK best = new TopK(1);
    int opened;
    /** Ids of the opened opportunities, or null when not asked for. */
    final List<String> ids;

    Trial(ProfileChange change, Profile changed, CompiledRules.Bound bound, boolean sameReach,
        boolean withIds) {
      this.change = change;
      this.changed = changed;
      this.bound = bound;
      this.sameReach = sameReach;
      this.ids = withIds ? new ArrayList<>() : null;
    }
  }

  /**
   * The gaps of {@code profile} as of {@code asOf} over {@code segments}, which must belong to a
   * snapshot acquired before this call and still open.
   */
  Gaps find(Profile profile, LocalDate asOf, List<Segment<OpportunityColumns>> segments,
      boolean withIds) {
    ProfileQuery query = new ProfileQuery(profile, rules.ruleSet, asOf, vocabulary, isco);
    CompiledRules.Bound unchanged = rules.bind(query);
    List<Trial> trials = new ArrayList<>();
    for (ProfileChange change : changes(query, segments)) {
      Profile changed = change.applyTo(profile);
      ProfileQuery q = new ProfileQuery(changed, rules.ruleSet, asOf, vocabulary, isco);
      trials.add(new Trial(change, changed, rules.bind(q), sameReach(profile, changed), withIds));
    }
    Scratch s = SCRATCH.get();
    int[] excluded = new int[rules.exclusionSlots()]; // counted, but not reported
    int admitted = 0;
    for (Segment<OpportunityColumns> segment : segments) {
      OpportunityColumns c = segment.columns();
      Bits live = segment.liveDocs();
      int liveCount = segment.context().reader().numDocs();
      s.ensure(c.size);
      int[] docs = s.docs;
      int reached = unchanged.reachable(c, live, docs, excluded, liveCount);
      System.arraycopy(docs, 0, s.closed, 0, reached);
      int kept = unchanged.retainAdmitted(c, docs, reached, excluded);
      admitted += kept;
      long[] bits = s.admitted;
      Arrays.fill(bits, 0, (c.size + 63) >>> 6, 0L);
      for (int i = 0; i < kept; i++) {
        bits[docs[i] >>> 6] |= 1L << docs[i];
      }
      // The reached rows not admitted, in row order, in place, less those that a filter no
      // change acts on excludes.
      int closed = 0;
      for (int i = 0; i < reached; i++) {
        int r = s.closed[i];
        s.closed[closed] = r;
        closed += (bits[r >>> 6] & (1L << r)) == 0 ? 1 : 0;
      }
      closed = unchanged.retainAdmittedWhere(c, s.closed, closed, UNCHANGING, true);
      for (Trial t : trials) {
        int n;
        if (t.sameReach) {
          System.arraycopy(s.closed, 0, docs, 0, closed);
          n = closed;
        } else {
          int own = t.bound.reachable(c, live, docs, excluded, liveCount);
          n = 0;
          for (int i = 0; i < own; i++) {
            int r = docs[i];
            docs[n] = r;
            n += (bits[r >>> 6] & (1L << r)) == 0 ? 1 : 0;
          }
          n = unchanged.retainAdmittedWhere(c, docs, n, UNCHANGING, true);
        }
        // The unchanging filters passed these rows already, for the unchanged profile and so for
        // the changed one: the other filters decide.
        n = t.bound.retainAdmittedWhere(c, docs, n, UNCHANGING, false);
        if (n == 0) {
          continue;
        }
        t.opened += n;
        if (t.ids != null) {
          for (int i = 0; i < n; i++) {
            t.ids.add(c.ids[docs[i]]);
          }
        }
        t.bound.scoreInto(c, docs, n, s.scores, t.best);
      }
    }
    List<Gap> gaps = new ArrayList<>(trials.size());
    for (Trial t : trials) {
      gaps.add(gap(profile, t));
    }
    gaps.sort(Comparator.comparingInt(Gap::newlyAdmitted).reversed()
        .thenComparing(g -> g.change().key()));
    return new Gaps(profile.id(), rules.ruleSet.name(), admitted, gaps);
  }

  /** The gap of one trial, explained; while the snapshot is open (the heap points into it). */
  private Gap gap(Profile profile, Trial t) {
    Optional<Match> best = Optional.empty();
    String sentence;
    String change = describe(profile, t);
    TopK.Entry[] top = t.best.drainBestFirst();
    if (top.length == 0) {
      sentence = messages.text("gap.opens_none", change);
    } else {
      TopK.Entry e = top[0];
      best = Optional.of(new Match(1, e.id, CompiledRules.round(e.score),
          t.bound.explain(e.columns, e.doc, messages)));
      Optional<String> code = IscoCode.decode(e.columns.isco[e.doc]);
      String named = code.isPresent()
          ? messages.text("gap.best", messages.occupation(code.get()), e.id)
          : messages.text("gap.best_unclassified", e.id);
      sentence = t.opened == 1
          ? messages.text("gap.opens_one", change, named)
          : messages.text("gap.opens_many", change, t.opened, named);
    }
    List<String> ids = t.ids == null ? List.of() : new Gap.Ids(t.ids.toArray(new String[0]));
    return new Gap(t.change, t.opened, best, sentence, ids);
  }

  /** What the change does for this person, as the subject of the gap's sentence. */
  private String describe(Profile p, Trial t) {
    ProfileChange change = t.change;
    Profile changed = t.changed;
    return switch (change.kind()) {
      case LANGUAGE_LEVEL -> {
        String language = messages.language(change.subject());
        Cefr before = p.levelIn(change.subject());
        String after = changed.levelIn(change.subject()).code();
        yield before == null
            ? messages.text("gap.language_level_new", language, after)
            : messages.text("gap.language_level", language, after, before.code());
      }
      case RECOGNITION -> messages.text("gap.recognition", occupationOf(p, change.subject()));
      case DRIVING_LICENCE -> messages.text("gap.driving_licence", change.subject());
      case COMMUTE -> {
        String after = limit(changed.mobility());
        Mobility m = p.mobility();
        boolean stated = m != null && (m.maxCommuteKm() != null || m.maxCommuteMinutes() != null);
        yield stated
            ? messages.text("gap.commute", after, limit(m))
            : messages.text("gap.commute_norm", after);
      }
      case CHILDCARE -> messages.text("gap.childcare");
      case HOURS -> messages.text("gap.hours",
          messages.hours(changed.availability().maxHoursPerWeek().floatValue()),
          messages.hours(p.availability().maxHoursPerWeek().floatValue()));
      case WORK_BAN_ENDS -> messages.text("gap.work_ban_ends");
    };
  }

  /** A stated commute limit in words: km, minutes or both. */
  private String limit(Mobility m) {
    String km = m.maxCommuteKm() == null ? null
        : messages.text("gap.limit.km", messages.km(m.maxCommuteKm()));
    String minutes = m.maxCommuteMinutes() == null ? null
        : messages.text("gap.limit.minutes", Long.toString(Math.round(m.maxCommuteMinutes())));
    return km == null ? minutes
        : minutes == null ? km
        : messages.text("gap.limit.both", km, minutes);
  }

  /** The label of the occupation a recognition change names, else the subject as given. */
  private String occupationOf(Profile p, String subject) {
    for (Qualification q : p.qualifications()) {
      if (ProfileChange.subjectOf(q).equals(subject)) {
        Optional<String> code = IscoCode.decode(isco.applyAsInt(q.occupation()));
        if (code.isPresent()) {
          return messages.occupation(code.get());
        }
        return q.occupation().title() != null ? q.occupation().title() : subject;
      }
    }
    return subject;
  }

  /**
   * The changes that apply to the person, by key: see {@code docs/gaps.md}. Languages and licence
   * classes count when a live opportunity of the snapshot asks them.
   */
  private List<ProfileChange> changes(ProfileQuery q, List<Segment<OpportunityColumns>> segments) {
    Profile p = q.profile;
    BitSet asked = new BitSet();
    BitSet listsSeen = new BitSet();
    BitSet licencesSeen = new BitSet();
    BitSet licencesLacking = new BitSet();
    // The filter's own test on a row that asks the class says whether the person lacks it (a
    // class held, or implied by one held, is no gap).
    Rule.BoundFilter licences = new EntryFilters.DrivingLicence().bind(q);
    for (Segment<OpportunityColumns> segment : segments) {
      OpportunityColumns c = segment.columns();
      Bits live = segment.liveDocs();
      int[] licence = c.ints(BuiltInRule.DRIVING_LICENSE);
      for (int r = 0; r < c.size; r++) {
        if (live != null && !live.get(c.segmentDoc[r])) {
          continue;
        }
        if (!listsSeen.get(c.langSet[r])) { // a list of requirements recurs across postings
          listsSeen.set(c.langSet[r]);
          for (int i = c.langStart[r], end = c.langStart[r + 1]; i < end; i++) {
            asked.set(c.langId[i]);
          }
        }
        int l = licence[r];
        if (l != Interner.ABSENT && !licencesSeen.get(l)) {
          licencesSeen.set(l);
          if (!licences.admits(c, r)) {
            licencesLacking.set(l);
          }
        }
      }
    }
    TreeSet<ProfileChange> changes = new TreeSet<>();
    for (int id = asked.nextSetBit(0); id >= 0; id = asked.nextSetBit(id + 1)) {
      String language = vocabulary.languages.name(id);
      if (p.levelIn(language) != Cefr.C2) {
        changes.add(ProfileChange.languageLevel(language));
      }
    }
    for (Qualification qualification : p.qualifications()) {
      if (qualification.recognition() != Recognition.FULL) {
        changes.add(ProfileChange.recognition(ProfileChange.subjectOf(qualification)));
      }
    }
    for (int id = licencesLacking.nextSetBit(0); id >= 0;
        id = licencesLacking.nextSetBit(id + 1)) {
      String licenceClass = vocabulary.licences.name(id);
      if (licenceClass != null && !licenceClass.isBlank()) {
        changes.add(ProfileChange.drivingLicence(licenceClass));
      }
    }
    if (q.reach.located && !q.reach.movesFreely) {
      ProfileChange commute = ProfileChange.commute(normMinutes(p));
      // A stated limit of 0, or one at the contract's maximum, cannot grow.
      if (!Objects.equals(commute.applyTo(p).mobility(), p.mobility())) {
        changes.add(commute);
      }
    }
    Family family = p.family();
    if (family != null && family.needsChildcare()) {
      changes.add(ProfileChange.childcare());
    }
    if (p.availability() != null && p.availability().maxHoursPerWeek() != null
        && p.availability().maxHoursPerWeek() < 168) {
      changes.add(ProfileChange.hours());
    }
    WorkPermit permit = p.workPermit();
    if (permit != null && (permit.ban() == WorkBan.ABSOLUTE
        || (permit.ban() == WorkBan.TEMPORARY && !permit.workBanUntil().isBefore(q.asOf)))) {
      changes.add(ProfileChange.workBanEnds());
    }
    return new ArrayList<>(changes);
  }

  /**
   * The legal norm of a daily round trip that applies where the person lives, as one-way minutes
   * half as long again: the longer (full-day) norm, so that no job's limit shrinks.
   */
  private double normMinutes(Profile p) {
    RuleSet r = rules.ruleSet;
    Location home = p.location();
    double daily = home != null && "NL".equals(home.country())
        ? r.dailyCommuteMinutesNl()
        : Math.max(r.dailyCommuteMinutesFullDay(), r.dailyCommuteMinutesPartDay());
    return Math.min(600, daily / 2 * ProfileChange.LONGER_COMMUTE);
  }

  /**
   * Whether two profiles reach the same opportunities: {@link Reach} reads the home, the commute
   * limits, the car, the willingness to move and the residence obligation, nothing else.
   */
  static boolean sameReach(Profile a, Profile b) {
    // An absent mobility reads as one with nothing stated, as Reach reads it.
    Mobility x = a.mobility() == null ? NO_MOBILITY : a.mobility();
    Mobility y = b.mobility() == null ? NO_MOBILITY : b.mobility();
    return Objects.equals(x.maxCommuteKm(), y.maxCommuteKm())
        && Objects.equals(x.maxCommuteMinutes(), y.maxCommuteMinutes())
        && Objects.equals(x.car(), y.car())
        && Objects.equals(x.willingToRelocate(), y.willingToRelocate())
        && Objects.equals(a.location(), b.location())
        && Objects.equals(a.residenceObligation(), b.residenceObligation());
  }

  private static final Mobility NO_MOBILITY = new Mobility(null, null, List.of(), null, null);

  /** Per-thread buffers of one segment's rows and scores and its admitted bitset, reused. */
  private static final class Scratch {
    int[] docs = new int[0];
    int[] closed = new int[0];
    double[] scores = new double[0];
    long[] admitted = new long[0];

    void ensure(int size) {
      if (docs.length < size) {
        int n = Math.max(size, docs.length * 2);
        docs = new int[n];
        closed = new int[n];
        scores = new double[n];
        admitted = new long[(n + 63) >>> 6];
      }
    }
  }

  private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);
}
