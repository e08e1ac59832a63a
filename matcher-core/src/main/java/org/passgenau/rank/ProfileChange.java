package org.passgenau.rank;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.passgenau.model.Availability;
import org.passgenau.model.Cefr;
import org.passgenau.model.Family;
import org.passgenau.model.LanguageSkill;
import org.passgenau.model.Mobility;
import org.passgenau.model.Occupation;
import org.passgenau.model.Profile;
import org.passgenau.model.Qualification;
import org.passgenau.model.Recognition;
import org.passgenau.model.WorkBan;
import org.passgenau.model.WorkPermit;

/**
 * One single change to a profile that the rules know: a CEFR level more in one language,
 * recognition completed, a driving licence class, a longer commute, arranged childcare, more
 * weekly hours, or the end of a work ban. {@code docs/gaps.md} says exactly what each does.
 *
 * <pre>{@code
 * for (Gap gap : engine.gaps(profile, options).gaps()) {
 *   ProfileChange change = gap.change();          // e.g. language_level:de
 *   MatchResult after = engine.match(change.applyTo(profile), options);
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe. Equal, and ordered, by {@link #kind()} and {@link #subject()},
 * that is by {@link #key()}: the same change for two people is one change, which a {@link
 * GapCohort} sums over. The engine ({@link MatchingEngine#gaps}) makes them for a person.
 */
public final class ProfileChange implements Comparable<ProfileChange> {

  /** What a change does. */
  public enum Kind {
    /** One CEFR level more in a language that opportunities ask (none becomes A1). */
    LANGUAGE_LEVEL,
    /** The recognition of the qualifications in one occupation completed (full). */
    RECOGNITION,
    /** A driving licence class the person lacks. */
    DRIVING_LICENCE,
    /** A commute limit half as long again. */
    COMMUTE,
    /** Childcare arranged for the person's children. */
    CHILDCARE,
    /** Ten more hours a week at most. */
    HOURS,
    /** A work ban lifted. */
    WORK_BAN_ENDS;

    /** The kind as in keys and JSON: {@code language_level}, ... */
    String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** Weekly hours that {@link Kind#HOURS} adds to the stated maximum. */
  static final double MORE_HOURS = 10;
  /** How much longer {@link Kind#COMMUTE} makes the commute limit. */
  static final double LONGER_COMMUTE = 1.5;
  /** The contract's ranges, within which changed values stay. */
  private static final double MAX_HOURS = 168;
  private static final double MAX_KM = 1000;
  private static final double MAX_MINUTES = 600;

  private final Kind kind;
  private final String subject;
  private final String key;
  /**
   * For {@link Kind#COMMUTE} of a person who states no limit: the one-way minutes that stand in
   * for the legal norm, NaN otherwise. Not part of equality: it follows from the person's
   * country and the rule set.
   */
  private final double normMinutes;

  private ProfileChange(Kind kind, String subject, double normMinutes) {
    this.kind = Objects.requireNonNull(kind, "kind");
    this.subject = Objects.requireNonNull(subject, "subject");
    this.key = subject.isEmpty() ? kind.code() : kind.code() + ":" + subject;
    this.normMinutes = normMinutes;
  }

  /** One CEFR level more in {@code language} (ISO 639-1). */
  static ProfileChange languageLevel(String language) {
    checkArgument(language != null && !language.isBlank(),
        "a language level change needs a language, was '%s'", language);
    return new ProfileChange(Kind.LANGUAGE_LEVEL, language, Double.NaN);
  }

  /** Recognition completed for the qualifications whose {@link #subjectOf} is {@code subject}. */
  static ProfileChange recognition(String subject) {
    checkArgument(subject != null && !subject.isBlank(),
        "a recognition change needs an occupation, was '%s'", subject);
    return new ProfileChange(Kind.RECOGNITION, subject, Double.NaN);
  }

  /** The licence class {@code licenceClass} (compared case-insensitively, as the filter does). */
  static ProfileChange drivingLicence(String licenceClass) {
    checkArgument(licenceClass != null && !licenceClass.isBlank(),
        "a driving licence change needs a class, was '%s'", licenceClass);
    return new ProfileChange(Kind.DRIVING_LICENCE, Vocabulary.licence(licenceClass), Double.NaN);
  }

  /**
   * A commute limit half as long again; {@code normMinutes} are the one-way minutes that stand in
   * for the legal norm when the person states no limit (the norm's times 1.5).
   */
  static ProfileChange commute(double normMinutes) {
    checkArgument(normMinutes > 0 && normMinutes <= MAX_MINUTES,
        "commute norm minutes must be in (0, 600], was %s", normMinutes);
    return new ProfileChange(Kind.COMMUTE, "", normMinutes);
  }

  static ProfileChange childcare() {
    return new ProfileChange(Kind.CHILDCARE, "", Double.NaN);
  }

  static ProfileChange hours() {
    return new ProfileChange(Kind.HOURS, "", Double.NaN);
  }

  static ProfileChange workBanEnds() {
    return new ProfileChange(Kind.WORK_BAN_ENDS, "", Double.NaN);
  }

  public Kind kind() {
    return kind;
  }

  /**
   * What the change is about: the language code for {@link Kind#LANGUAGE_LEVEL}, the licence
   * class for {@link Kind#DRIVING_LICENCE}, the qualification's occupation (ISCO code, else KldB
   * code, else ESCO URI, else title) for {@link Kind#RECOGNITION}; empty for the other kinds.
   */
  public String subject() {
    return subject;
  }

  /**
   * A stable key for cohort sums and JSON: the kind in lower case, then a colon and the subject
   * when there is one, e.g. {@code language_level:de}, {@code recognition:2221}, {@code
   * driving_licence:B}, {@code commute}, {@code childcare}, {@code hours}, {@code work_ban_ends}.
   */
  public String key() {
    return key;
  }

  /** The occupation by which a qualification is named in a {@link Kind#RECOGNITION} change. */
  static String subjectOf(Qualification q) {
    Occupation o = q.occupation();
    return o.isco() != null ? o.isco()
        : o.kldb() != null ? o.kldb()
        : o.esco() != null ? o.esco()
        : o.title();
  }

  /**
   * The profile with this change made; everything else stays as it was.
   *
   * @throws IllegalArgumentException naming the profile and the change when the change cannot be
   *     made to it: a language already at C2, no qualification in the occupation whose
   *     recognition is incomplete, a licence already held as given, no commute limit to lengthen
   *     (the person states none and the change has no norm), no children whose care is
   *     unarranged, no stated maximum of hours below 168, no work ban
   */
  public Profile applyTo(Profile profile) {
    Objects.requireNonNull(profile, "profile");
    Profile.Builder b = profile.toBuilder();
    switch (kind) {
      case LANGUAGE_LEVEL -> b.languages(raised(profile));
      case RECOGNITION -> b.qualifications(recognised(profile));
      case DRIVING_LICENCE -> b.mobility(withLicence(profile));
      case COMMUTE -> b.mobility(longerCommute(profile));
      case CHILDCARE -> b.family(childcareArranged(profile));
      case HOURS -> b.availability(moreHours(profile));
      case WORK_BAN_ENDS -> b.workPermit(banLifted(profile));
      default -> throw new AssertionError(kind);
    }
    return b.build();
  }

  /** The person's languages with {@link #subject} one level higher, in place of its entries. */
  private List<LanguageSkill> raised(Profile p) {
    Cefr now = p.levelIn(subject);
    if (now == Cefr.C2) {
      throw cannot(p, "speaks " + subject + " at C2 already");
    }
    Cefr next = now == null ? Cefr.A1 : Cefr.values()[now.ordinal() + 1];
    List<LanguageSkill> out = new ArrayList<>();
    boolean placed = false;
    for (LanguageSkill skill : p.languages()) {
      if (!skill.language().equals(subject)) {
        out.add(skill);
      } else if (!placed) {
        out.add(LanguageSkill.of(subject, next));
        placed = true;
      }
    }
    if (!placed) {
      out.add(LanguageSkill.of(subject, next));
    }
    return out;
  }

  private List<Qualification> recognised(Profile p) {
    List<Qualification> out = new ArrayList<>();
    boolean changed = false;
    for (Qualification q : p.qualifications()) {
      if (subjectOf(q).equals(subject) && q.recognition() != Recognition.FULL) {
        out.add(new Qualification(q.occupation(), q.level(), q.country(), Recognition.FULL,
            q.years()));
        changed = true;
      } else {
        out.add(q);
      }
    }
    if (!changed) {
      throw cannot(p, "has no qualification in " + subject + " whose recognition is incomplete");
    }
    return out;
  }

  private Mobility withLicence(Profile p) {
    Mobility m = p.mobility();
    List<String> held = new ArrayList<>(m == null ? List.of() : m.drivingLicense());
    for (String l : held) {
      if (subject.equals(Vocabulary.licence(l))) {
        throw cannot(p, "holds licence class " + subject + " already");
      }
    }
    held.add(subject);
    return m == null
        ? new Mobility(null, null, held, null, null)
        : new Mobility(m.maxCommuteKm(), m.maxCommuteMinutes(), held, m.car(),
            m.willingToRelocate());
  }

  private Mobility longerCommute(Profile p) {
    Mobility m = p.mobility();
    Double km = m == null ? null : m.maxCommuteKm();
    Double minutes = m == null ? null : m.maxCommuteMinutes();
    if (km == null && minutes == null) {
      if (Double.isNaN(normMinutes)) {
        throw cannot(p, "states no commute limit");
      }
      minutes = normMinutes;
    } else {
      km = km == null ? null : Math.min(MAX_KM, km * LONGER_COMMUTE);
      minutes = minutes == null ? null : Math.min(MAX_MINUTES, minutes * LONGER_COMMUTE);
    }
    return m == null
        ? new Mobility(km, minutes, List.of(), null, null)
        : new Mobility(km, minutes, m.drivingLicense(), m.car(), m.willingToRelocate());
  }

  private Family childcareArranged(Profile p) {
    Family f = p.family();
    if (f == null || !f.needsChildcare()) {
      throw cannot(p, "has no children whose care is unarranged");
    }
    return new Family(f.childrenUnder3(), f.childrenSchoolAge(), true, f.singleParent());
  }

  private Availability moreHours(Profile p) {
    Availability a = p.availability();
    if (a == null || a.maxHoursPerWeek() == null || a.maxHoursPerWeek() >= MAX_HOURS) {
      throw cannot(p, "states no maximum of weekly hours below 168");
    }
    double more = Math.min(MAX_HOURS, a.maxHoursPerWeek() + MORE_HOURS);
    return new Availability(a.availableFrom(), more, a.minHoursPerWeek(), a.shiftOk(),
        a.nightOk(), a.weekendOk());
  }

  private WorkPermit banLifted(Profile p) {
    WorkPermit w = p.workPermit();
    if (w == null || w.ban() == WorkBan.NONE) {
      throw cannot(p, "has no work ban");
    }
    return new WorkPermit(w.status(), WorkBan.NONE, null, w.approvalRequired());
  }

  private IllegalArgumentException cannot(Profile p, String why) {
    return new IllegalArgumentException(
        "change " + key + " cannot be made to profile " + p.id() + ": it " + why);
  }

  /** Ordered by {@link #key()}. */
  @Override
  public int compareTo(ProfileChange other) {
    return key.compareTo(other.key);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProfileChange other && kind == other.kind && subject.equals(other.subject);
  }

  @Override
  public int hashCode() {
    return 31 * kind.hashCode() + subject.hashCode();
  }

  /** The key. */
  @Override
  public String toString() {
    return key;
  }
}
