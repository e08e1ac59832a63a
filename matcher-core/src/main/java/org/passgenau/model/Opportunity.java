package org.passgenau.model;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A vacancy, apprenticeship, internship, volunteering post or training measure, with every field
 * of the data contract. Optional fields are null when absent, which means "unknown / no
 * constraint", never zero or false; absent lists are empty.
 *
 * <p>Immutable and safe to share between threads. Build one with {@link #builder(String,
 * OpportunityKind, String)}:
 *
 * <pre>{@code
 * Opportunity nurseAide = Opportunity.builder("V-1", OpportunityKind.VACANCY, "Pflegehelfer/in (m/w/d)")
 *     .occupation(Occupation.isco("5321"))
 *     .level(Level.HELPER)
 *     .languageRequirements(List.of(LanguageRequirement.of("de", Cefr.A2)))
 *     .location(Location.of(51.2562, 6.3905, "DE-NW", "DE"))
 *     .build();
 * }</pre>
 */
public record Opportunity(
    String id,
    OpportunityKind kind,
    String title,
    String description,
    Occupation occupation,
    Level level,
    List<String> skills,
    List<LanguageRequirement> languageRequirements,
    Boolean languageSupport,
    QualificationRequirement qualification,
    Boolean recognitionPartnership,
    School minSchool,
    Location location,
    Boolean remote,
    HoursRange hoursPerWeek,
    Boolean shiftWork,
    Boolean nightWork,
    Boolean weekendWork,
    Boolean flexibleHours,
    Boolean childcareSupport,
    String drivingLicense,
    Demand physicalDemand,
    Boolean accessible,
    Double monthlyGrossEur,
    LocalDate startDate,
    LocalDate applicationDeadline,
    LocalDate postedDate,
    Integer openPositions,
    Employer employer,
    String source) {

  public Opportunity {
    Checks.requireId("id", id);
    Objects.requireNonNull(kind, "kind is required");
    Checks.requireText("title", title);
    skills = Checks.list("skills", skills);
    languageRequirements = Checks.list("language_requirements", languageRequirements);
    Checks.range("monthly_gross_eur", monthlyGrossEur, 0, 1_000_000);
    Checks.range("open_positions", openPositions, 1, 100_000);
  }

  /**
   * The requirement level rules go by: {@code level} as given, else the fifth digit of the
   * occupation's KldB code, else null (unknown). {@link #level()} stays as given, so that a record
   * writes back as it was read.
   */
  public Level requirementLevel() {
    if (level != null) {
      return level;
    }
    return occupation == null ? null : Level.ofKldb(occupation.kldb()).orElse(null);
  }

  /** Capacity for batch assignment: {@code open_positions}, 1 when absent. */
  public int positions() {
    return openPositions == null ? 1 : openPositions;
  }

  public static Builder builder(String id, OpportunityKind kind, String title) {
    return new Builder(id, kind, title);
  }

  /** A builder starting from this opportunity's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id, kind, title);
    b.description = description;
    b.occupation = occupation;
    b.level = level;
    b.skills = new ArrayList<>(skills);
    b.languageRequirements = new ArrayList<>(languageRequirements);
    b.languageSupport = languageSupport;
    b.qualification = qualification;
    b.recognitionPartnership = recognitionPartnership;
    b.minSchool = minSchool;
    b.location = location;
    b.remote = remote;
    b.hoursPerWeek = hoursPerWeek;
    b.shiftWork = shiftWork;
    b.nightWork = nightWork;
    b.weekendWork = weekendWork;
    b.flexibleHours = flexibleHours;
    b.childcareSupport = childcareSupport;
    b.drivingLicense = drivingLicense;
    b.physicalDemand = physicalDemand;
    b.accessible = accessible;
    b.monthlyGrossEur = monthlyGrossEur;
    b.startDate = startDate;
    b.applicationDeadline = applicationDeadline;
    b.postedDate = postedDate;
    b.openPositions = openPositions;
    b.employer = employer;
    b.source = source;
    return b;
  }

  /** Collects an opportunity's fields; {@link #build()} validates them. Not thread-safe. */
  public static final class Builder {
    private String id;
    private OpportunityKind kind;
    private String title;
    private String description;
    private Occupation occupation;
    private Level level;
    private List<String> skills = new ArrayList<>();
    private List<LanguageRequirement> languageRequirements = new ArrayList<>();
    private Boolean languageSupport;
    private QualificationRequirement qualification;
    private Boolean recognitionPartnership;
    private School minSchool;
    private Location location;
    private Boolean remote;
    private HoursRange hoursPerWeek;
    private Boolean shiftWork;
    private Boolean nightWork;
    private Boolean weekendWork;
    private Boolean flexibleHours;
    private Boolean childcareSupport;
    private String drivingLicense;
    private Demand physicalDemand;
    private Boolean accessible;
    private Double monthlyGrossEur;
    private LocalDate startDate;
    private LocalDate applicationDeadline;
    private LocalDate postedDate;
    private Integer openPositions;
    private Employer employer;
    private String source;

    private Builder(String id, OpportunityKind kind, String title) {
      this.id = id;
      this.kind = kind;
      this.title = title;
    }

    public Builder id(String id) { this.id = id; return this; }
    public Builder kind(OpportunityKind kind) { this.kind = kind; return this; }
    public Builder title(String title) { this.title = title; return this; }
    public Builder description(String v) { this.description = v; return this; }
    public Builder occupation(Occupation v) { this.occupation = v; return this; }
    public Builder level(Level v) { this.level = v; return this; }
    public Builder skills(List<String> v) { this.skills = new ArrayList<>(v); return this; }
    public Builder languageRequirements(List<LanguageRequirement> v) { this.languageRequirements = new ArrayList<>(v); return this; }
    public Builder requireLanguage(String language, Cefr minLevel) { this.languageRequirements.add(LanguageRequirement.of(language, minLevel)); return this; }
    public Builder languageSupport(Boolean v) { this.languageSupport = v; return this; }
    public Builder qualification(QualificationRequirement v) { this.qualification = v; return this; }
    public Builder recognitionPartnership(Boolean v) { this.recognitionPartnership = v; return this; }
    public Builder minSchool(School v) { this.minSchool = v; return this; }
    public Builder location(Location v) { this.location = v; return this; }
    public Builder remote(Boolean v) { this.remote = v; return this; }
    public Builder hoursPerWeek(HoursRange v) { this.hoursPerWeek = v; return this; }
    public Builder shiftWork(Boolean v) { this.shiftWork = v; return this; }
    public Builder nightWork(Boolean v) { this.nightWork = v; return this; }
    public Builder weekendWork(Boolean v) { this.weekendWork = v; return this; }
    public Builder flexibleHours(Boolean v) { this.flexibleHours = v; return this; }
    public Builder childcareSupport(Boolean v) { this.childcareSupport = v; return this; }
    public Builder drivingLicense(String v) { this.drivingLicense = v; return this; }
    public Builder physicalDemand(Demand v) { this.physicalDemand = v; return this; }
    public Builder accessible(Boolean v) { this.accessible = v; return this; }
    public Builder monthlyGrossEur(Double v) { this.monthlyGrossEur = v; return this; }
    public Builder startDate(LocalDate v) { this.startDate = v; return this; }
    public Builder applicationDeadline(LocalDate v) { this.applicationDeadline = v; return this; }
    public Builder postedDate(LocalDate v) { this.postedDate = v; return this; }
    public Builder openPositions(Integer v) { this.openPositions = v; return this; }
    public Builder employer(Employer v) { this.employer = v; return this; }
    public Builder source(String v) { this.source = v; return this; }

    /**
     * Validates and builds.
     *
     * @throws IllegalArgumentException naming the bad field and value
     * @throws NullPointerException naming a missing required field
     */
    public Opportunity build() {
      return new Opportunity(
          id, kind, title, description, occupation, level, skills, languageRequirements,
          languageSupport, qualification, recognitionPartnership, minSchool, location, remote,
          hoursPerWeek, shiftWork, nightWork, weekendWork, flexibleHours, childcareSupport,
          drivingLicense, physicalDemand, accessible, monthlyGrossEur, startDate,
          applicationDeadline, postedDate, openPositions, employer, source);
    }
  }
}
