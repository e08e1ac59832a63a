package org.passgenau.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person looking for work, training or volunteering, with every field of the data contract.
 * Profiles are personal data: the id is pseudonymous, and nothing here is logged.
 *
 * <p>{@code audit} holds attributes such as gender or nationality for fairness audits alone;
 * ranking rules never read it. In the data contract it is a free object; read from JSON, each
 * value is kept as text (a number or boolean as its JSON literal, a list or object as compact
 * JSON) and a {@code null} value leaves its key out, so that the map holds no nulls. {@code birthYear} and {@code family} may act only through the
 * constraints they imply (childcare), never as such.
 *
 * <p>Immutable and safe to share between threads. Build one with {@link #builder(String)}.
 */
public record Profile(
    String id,
    List<LanguageSkill> languages,
    List<Qualification> qualifications,
    List<Experience> experience,
    List<String> skills,
    List<Occupation> desiredOccupations,
    School school,
    Integer birthYear,
    Location location,
    Mobility mobility,
    ResidenceObligation residenceObligation,
    WorkPermit workPermit,
    Availability availability,
    Family family,
    Health health,
    Map<String, String> audit) {

  public Profile {
    Checks.requireId("id", id);
    languages = Checks.list("languages", languages);
    qualifications = Checks.list("qualifications", qualifications);
    experience = Checks.list("experience", experience);
    skills = Checks.list("skills", skills);
    desiredOccupations = Checks.list("desired_occupations", desiredOccupations);
    Checks.range("birth_year", birthYear, 1900, 2100);
    audit = Checks.map("audit", audit);
  }

  /** The person's level in {@code language}, or null for no knowledge. */
  public Cefr levelIn(String language) {
    Cefr best = null;
    for (LanguageSkill skill : languages) {
      if (skill.language().equals(language)
          && (best == null || skill.level().compareTo(best) > 0)) {
        best = skill.level();
      }
    }
    return best;
  }

  public static Builder builder(String id) {
    return new Builder(id);
  }

  /** A builder starting from this profile's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id);
    b.languages = new ArrayList<>(languages);
    b.qualifications = new ArrayList<>(qualifications);
    b.experience = new ArrayList<>(experience);
    b.skills = new ArrayList<>(skills);
    b.desiredOccupations = new ArrayList<>(desiredOccupations);
    b.school = school;
    b.birthYear = birthYear;
    b.location = location;
    b.mobility = mobility;
    b.residenceObligation = residenceObligation;
    b.workPermit = workPermit;
    b.availability = availability;
    b.family = family;
    b.health = health;
    b.audit = new LinkedHashMap<>(audit);
    return b;
  }

  /** Collects a profile's fields; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private String id;
    private List<LanguageSkill> languages = new ArrayList<>();
    private List<Qualification> qualifications = new ArrayList<>();
    private List<Experience> experience = new ArrayList<>();
    private List<String> skills = new ArrayList<>();
    private List<Occupation> desiredOccupations = new ArrayList<>();
    private School school;
    private Integer birthYear;
    private Location location;
    private Mobility mobility;
    private ResidenceObligation residenceObligation;
    private WorkPermit workPermit;
    private Availability availability;
    private Family family;
    private Health health;
    private Map<String, String> audit = new LinkedHashMap<>();

    private Builder(String id) {
      this.id = id;
    }

    public Builder id(String v) { this.id = v; return this; }
    public Builder languages(List<LanguageSkill> v) { this.languages = new ArrayList<>(v); return this; }
    public Builder speaks(String language, Cefr level) { this.languages.add(LanguageSkill.of(language, level)); return this; }
    public Builder qualifications(List<Qualification> v) { this.qualifications = new ArrayList<>(v); return this; }
    public Builder qualification(Qualification v) { this.qualifications.add(v); return this; }
    public Builder experience(List<Experience> v) { this.experience = new ArrayList<>(v); return this; }
    public Builder skills(List<String> v) { this.skills = new ArrayList<>(v); return this; }
    public Builder desiredOccupations(List<Occupation> v) { this.desiredOccupations = new ArrayList<>(v); return this; }
    public Builder school(School v) { this.school = v; return this; }
    public Builder birthYear(Integer v) { this.birthYear = v; return this; }
    public Builder location(Location v) { this.location = v; return this; }
    public Builder mobility(Mobility v) { this.mobility = v; return this; }
    public Builder residenceObligation(ResidenceObligation v) { this.residenceObligation = v; return this; }
    public Builder workPermit(WorkPermit v) { this.workPermit = v; return this; }
    public Builder availability(Availability v) { this.availability = v; return this; }
    public Builder family(Family v) { this.family = v; return this; }
    public Builder health(Health v) { this.health = v; return this; }
    public Builder audit(Map<String, String> v) { this.audit = new LinkedHashMap<>(v); return this; }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the bad field and value
     */
    public Profile build() {
      return new Profile(
          id, languages, qualifications, experience, skills, desiredOccupations, school,
          birthYear, location, mobility, residenceObligation, workPermit, availability, family,
          health, audit);
    }
  }
}
