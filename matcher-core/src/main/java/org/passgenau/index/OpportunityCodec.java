package org.passgenau.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;
import org.passgenau.model.Cefr;
import org.passgenau.model.Demand;
import org.passgenau.model.Employer;
import org.passgenau.model.HoursRange;
import org.passgenau.model.LanguageRequirement;
import org.passgenau.model.Level;
import org.passgenau.model.Location;
import org.passgenau.model.Occupation;
import org.passgenau.model.Opportunity;
import org.passgenau.model.OpportunityKind;
import org.passgenau.model.QualificationRequirement;
import org.passgenau.model.Recognition;
import org.passgenau.model.School;

/**
 * The stored form of an opportunity: a compact binary record, written once when it is indexed
 * and read back when the columns of a segment are built.
 *
 * <p>Why not the contract's JSON: a segment's columns are rebuilt from every record it holds
 * (when a saved index is opened, and after each merge), and decoding JSON was most of that time.
 * This form has no field names and no text to scan: a bit set says which optional values are
 * present, then the present values follow in a fixed order (strings as UTF-8 with their length,
 * numbers as variable-length integers or raw IEEE bits, dates as epoch days, codes by ordinal).
 * It round-trips every record exactly, {@code decode(encode(o)).equals(o)}.
 *
 * <p>The layout is versioned by {@link #FORMAT}, written first in every record and, by the index,
 * into each commit. Change the layout, the order of a field, or the order of an enum's constants,
 * and bump it: {@code OpportunityCodecTest} pins the bytes of a full record and fails until then.
 * A record of another format is refused with a message that says to rebuild the index.
 *
 * <p>Stateless and thread-safe.
 */
final class OpportunityCodec {

  /** The version of the layout below; saved indexes of another version must be rebuilt. */
  static final int FORMAT = 1;

  // Presence bits of the optional top-level values, in layout order.
  private static final int DESCRIPTION = 0;
  private static final int OCCUPATION = 1;
  private static final int LEVEL = 2;
  private static final int LANGUAGE_SUPPORT = 3;
  private static final int QUALIFICATION = 4;
  private static final int RECOGNITION_PARTNERSHIP = 5;
  private static final int MIN_SCHOOL = 6;
  private static final int LOCATION = 7;
  private static final int REMOTE = 8;
  private static final int HOURS = 9;
  private static final int SHIFT_WORK = 10;
  private static final int NIGHT_WORK = 11;
  private static final int WEEKEND_WORK = 12;
  private static final int FLEXIBLE_HOURS = 13;
  private static final int CHILDCARE_SUPPORT = 14;
  private static final int DRIVING_LICENSE = 15;
  private static final int PHYSICAL_DEMAND = 16;
  private static final int ACCESSIBLE = 17;
  private static final int MONTHLY_GROSS = 18;
  private static final int START_DATE = 19;
  private static final int APPLICATION_DEADLINE = 20;
  private static final int POSTED_DATE = 21;
  private static final int OPEN_POSITIONS = 22;
  private static final int EMPLOYER = 23;
  private static final int SOURCE = 24;

  private static final OpportunityKind[] KINDS = OpportunityKind.values();
  private static final Level[] LEVELS = Level.values();
  private static final Cefr[] CEFR = Cefr.values();
  private static final School[] SCHOOLS = School.values();
  private static final Demand[] DEMANDS = Demand.values();
  private static final Recognition[] RECOGNITIONS = Recognition.values();

  private OpportunityCodec() {}

  /** The record of {@code o}, starting with {@link #FORMAT}. */
  static byte[] encode(Opportunity o) {
    ByteBuffersDataOutput out = new ByteBuffersDataOutput(256);
    try {
      write(o, out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot encode opportunity " + o.id(), e); // in memory
    }
    return out.toArrayCopy();
  }

  private static void write(Opportunity o, ByteBuffersDataOutput out) throws IOException {
    out.writeVInt(FORMAT);
    int present = 0;
    present |= bit(DESCRIPTION, o.description());
    present |= bit(OCCUPATION, o.occupation());
    present |= bit(LEVEL, o.level());
    present |= bit(LANGUAGE_SUPPORT, o.languageSupport());
    present |= bit(QUALIFICATION, o.qualification());
    present |= bit(RECOGNITION_PARTNERSHIP, o.recognitionPartnership());
    present |= bit(MIN_SCHOOL, o.minSchool());
    present |= bit(LOCATION, o.location());
    present |= bit(REMOTE, o.remote());
    present |= bit(HOURS, o.hoursPerWeek());
    present |= bit(SHIFT_WORK, o.shiftWork());
    present |= bit(NIGHT_WORK, o.nightWork());
    present |= bit(WEEKEND_WORK, o.weekendWork());
    present |= bit(FLEXIBLE_HOURS, o.flexibleHours());
    present |= bit(CHILDCARE_SUPPORT, o.childcareSupport());
    present |= bit(DRIVING_LICENSE, o.drivingLicense());
    present |= bit(PHYSICAL_DEMAND, o.physicalDemand());
    present |= bit(ACCESSIBLE, o.accessible());
    present |= bit(MONTHLY_GROSS, o.monthlyGrossEur());
    present |= bit(START_DATE, o.startDate());
    present |= bit(APPLICATION_DEADLINE, o.applicationDeadline());
    present |= bit(POSTED_DATE, o.postedDate());
    present |= bit(OPEN_POSITIONS, o.openPositions());
    present |= bit(EMPLOYER, o.employer());
    present |= bit(SOURCE, o.source());
    out.writeVInt(present);
    // The yes/no values in one int: two bits each, as present bits say which are given.
    int flags = flag(0, o.languageSupport()) | flag(1, o.recognitionPartnership())
        | flag(2, o.remote()) | flag(3, o.shiftWork()) | flag(4, o.nightWork())
        | flag(5, o.weekendWork()) | flag(6, o.flexibleHours()) | flag(7, o.childcareSupport())
        | flag(8, o.accessible());
    out.writeVInt(flags);

    out.writeString(o.id());
    out.writeByte((byte) o.kind().ordinal());
    out.writeString(o.title());
    if (o.description() != null) {
      out.writeString(o.description());
    }
    if (o.occupation() != null) {
      writeOccupation(out, o.occupation());
    }
    if (o.level() != null) {
      out.writeByte((byte) o.level().ordinal());
    }
    out.writeVInt(o.skills().size());
    for (String skill : o.skills()) {
      out.writeString(skill);
    }
    out.writeVInt(o.languageRequirements().size());
    for (LanguageRequirement r : o.languageRequirements()) {
      out.writeString(r.language());
      out.writeByte((byte) r.minLevel().ordinal());
    }
    if (o.qualification() != null) {
      QualificationRequirement q = o.qualification();
      // Bits 0-1 the values, 2-3 whether they are given, 4-7 the recognition's ordinal + 1.
      out.writeByte((byte) (flag(0, q.required()) | flag(1, q.regulated())
          | bit(2, q.required()) | bit(3, q.regulated())
          | (q.recognitionRequired() == null ? 0 : (q.recognitionRequired().ordinal() + 1) << 4)));
    }
    if (o.minSchool() != null) {
      out.writeByte((byte) o.minSchool().ordinal());
    }
    if (o.location() != null) {
      writeLocation(out, o.location());
    }
    if (o.hoursPerWeek() != null) {
      HoursRange h = o.hoursPerWeek();
      out.writeByte((byte) ((h.min() == null ? 0 : 1) | (h.max() == null ? 0 : 2)));
      writeDouble(out, h.min());
      writeDouble(out, h.max());
    }
    if (o.drivingLicense() != null) {
      out.writeString(o.drivingLicense());
    }
    if (o.physicalDemand() != null) {
      out.writeByte((byte) o.physicalDemand().ordinal());
    }
    writeDouble(out, o.monthlyGrossEur());
    writeDate(out, o.startDate());
    writeDate(out, o.applicationDeadline());
    writeDate(out, o.postedDate());
    if (o.openPositions() != null) {
      out.writeVInt(o.openPositions());
    }
    if (o.employer() != null) {
      writeStrings(out, o.employer().id(), o.employer().name());
    }
    if (o.source() != null) {
      out.writeString(o.source());
    }
  }

  /**
   * The opportunity of a record written by {@link #encode}.
   *
   * @throws IllegalStateException when the record is of another {@link #FORMAT}
   */
  static Opportunity decode(byte[] bytes, int offset, int length) {
    Opportunity o;
    ByteArrayDataInput in = new ByteArrayDataInput(bytes, offset, length);
    try {
      o = read(in);
    } catch (IOException | RuntimeException e) {
      throw corrupt(e);
    }
    if (in.getPosition() != offset + length) {
      // The input reads on past its length into the array; a record must end where it ends.
      throw corrupt(new IllegalStateException("the record of " + o.id() + " has " + length
          + " bytes but its fields end at " + (in.getPosition() - offset)));
    }
    return o;
  }

  private static Opportunity read(ByteArrayDataInput in) throws IOException {
    checkFormat(in.readVInt());
    int present = in.readVInt();
    int flags = in.readVInt();
    String id = in.readString();
    OpportunityKind kind = KINDS[in.readByte()];
    String title = in.readString();
    String description = has(present, DESCRIPTION) ? in.readString() : null;
    Occupation occupation = has(present, OCCUPATION) ? readOccupation(in) : null;
    Level level = has(present, LEVEL) ? LEVELS[in.readByte()] : null;
    int skillCount = in.readVInt();
    List<String> skills = new ArrayList<>(skillCount);
    for (int i = 0; i < skillCount; i++) {
      skills.add(in.readString());
    }
    int requirementCount = in.readVInt();
    List<LanguageRequirement> requirements = new ArrayList<>(requirementCount);
    for (int i = 0; i < requirementCount; i++) {
      requirements.add(new LanguageRequirement(in.readString(), CEFR[in.readByte()]));
    }
    QualificationRequirement qualification = null;
    if (has(present, QUALIFICATION)) {
      int q = in.readByte();
      int recognition = (q >>> 4) & 0xF;
      qualification = new QualificationRequirement(bool(q, 0), bool(q, 1),
          recognition == 0 ? null : RECOGNITIONS[recognition - 1]);
    }
    School minSchool = has(present, MIN_SCHOOL) ? SCHOOLS[in.readByte()] : null;
    Location location = has(present, LOCATION) ? readLocation(in) : null;
    HoursRange hours = null;
    if (has(present, HOURS)) {
      int given = in.readByte();
      Double min = (given & 1) != 0 ? Double.longBitsToDouble(in.readLong()) : null;
      Double max = (given & 2) != 0 ? Double.longBitsToDouble(in.readLong()) : null;
      hours = new HoursRange(min, max);
    }
    String licence = has(present, DRIVING_LICENSE) ? in.readString() : null;
    Demand demand = has(present, PHYSICAL_DEMAND) ? DEMANDS[in.readByte()] : null;
    Double gross = has(present, MONTHLY_GROSS) ? Double.longBitsToDouble(in.readLong()) : null;
    LocalDate start = has(present, START_DATE) ? LocalDate.ofEpochDay(in.readZLong()) : null;
    LocalDate deadline =
        has(present, APPLICATION_DEADLINE) ? LocalDate.ofEpochDay(in.readZLong()) : null;
    LocalDate posted = has(present, POSTED_DATE) ? LocalDate.ofEpochDay(in.readZLong()) : null;
    Integer positions = has(present, OPEN_POSITIONS) ? in.readVInt() : null;
    Employer employer = null;
    if (has(present, EMPLOYER)) {
      String[] parts = readStrings(in, 2);
      employer = new Employer(parts[0], parts[1]);
    }
    String source = has(present, SOURCE) ? in.readString() : null;
    return new Opportunity(id, kind, title, description, occupation, level, skills, requirements,
        flag(present, LANGUAGE_SUPPORT, flags, 0), qualification,
        flag(present, RECOGNITION_PARTNERSHIP, flags, 1), minSchool, location,
        flag(present, REMOTE, flags, 2), hours, flag(present, SHIFT_WORK, flags, 3),
        flag(present, NIGHT_WORK, flags, 4), flag(present, WEEKEND_WORK, flags, 5),
        flag(present, FLEXIBLE_HOURS, flags, 6), flag(present, CHILDCARE_SUPPORT, flags, 7),
        licence, demand, flag(present, ACCESSIBLE, flags, 8), gross, start, deadline, posted,
        positions, employer, source);
  }

  /** The id of a record written by {@link #encode}, without decoding the rest. */
  static String id(byte[] bytes, int offset, int length) {
    try {
      ByteArrayDataInput in = new ByteArrayDataInput(bytes, offset, length);
      checkFormat(in.readVInt());
      in.readVInt(); // present
      in.readVInt(); // flags
      return in.readString();
    } catch (IOException | RuntimeException e) {
      throw corrupt(e);
    }
  }

  /** A record of another format passes as it is; anything else means a damaged index. */
  private static RuntimeException corrupt(Exception e) {
    if (e instanceof FormatException format) {
      return format;
    }
    return new IllegalStateException("an opportunity record of the index is damaged (" + e
        + "); rebuild the index from the opportunity file", e);
  }

  /** A record written by another version of the layout. */
  static final class FormatException extends IllegalStateException {
    FormatException(String message) {
      super(message);
    }
  }

  private static void checkFormat(int format) {
    if (format != FORMAT) {
      throw new FormatException("an opportunity record of format " + format
          + " cannot be read by this version, which reads format " + FORMAT
          + "; rebuild the index from the opportunity file");
    }
  }

  private static void writeOccupation(ByteBuffersDataOutput out, Occupation o) throws IOException {
    writeStrings(out, o.isco(), o.kldb(), o.esco(), o.title());
  }

  private static Occupation readOccupation(ByteArrayDataInput in) throws IOException {
    String[] parts = readStrings(in, 4);
    return new Occupation(parts[0], parts[1], parts[2], parts[3]);
  }

  private static void writeLocation(ByteBuffersDataOutput out, Location l) throws IOException {
    // lat and lon come together (the record checks it), so one bit says both.
    out.writeByte((byte) (l.lat() == null ? 0 : 1));
    writeDouble(out, l.lat());
    writeDouble(out, l.lon());
    writeStrings(out, l.postalCode(), l.place(), l.region(), l.country());
  }

  private static Location readLocation(ByteArrayDataInput in) throws IOException {
    boolean located = in.readByte() != 0;
    Double lat = located ? Double.longBitsToDouble(in.readLong()) : null;
    Double lon = located ? Double.longBitsToDouble(in.readLong()) : null;
    String[] parts = readStrings(in, 4);
    return new Location(lat, lon, parts[0], parts[1], parts[2], parts[3]);
  }

  /** Optional strings: a byte of presence bits, then the present ones. */
  private static void writeStrings(ByteBuffersDataOutput out, String... values) throws IOException {
    int given = 0;
    for (int i = 0; i < values.length; i++) {
      given |= values[i] == null ? 0 : 1 << i;
    }
    out.writeByte((byte) given);
    for (String value : values) {
      if (value != null) {
        out.writeString(value);
      }
    }
  }

  private static String[] readStrings(ByteArrayDataInput in, int count) throws IOException {
    int given = in.readByte();
    String[] values = new String[count];
    for (int i = 0; i < count; i++) {
      values[i] = (given & (1 << i)) != 0 ? in.readString() : null;
    }
    return values;
  }

  private static void writeDouble(ByteBuffersDataOutput out, Double value) {
    if (value != null) {
      out.writeLong(Double.doubleToRawLongBits(value));
    }
  }

  private static void writeDate(ByteBuffersDataOutput out, LocalDate date) throws IOException {
    if (date != null) {
      out.writeZLong(date.toEpochDay());
    }
  }

  private static int bit(int position, Object value) {
    return value == null ? 0 : 1 << position;
  }

  private static boolean has(int present, int position) {
    return (present & (1 << position)) != 0;
  }

  /** Bit {@code position} of a flag set: 1 when {@code value} is true. */
  private static int flag(int position, Boolean value) {
    return Boolean.TRUE.equals(value) ? 1 << position : 0;
  }

  private static Boolean bool(int flags, int position) {
    return (flags & (1 << (position + 2))) == 0 ? null : (flags & (1 << position)) != 0;
  }

  private static Boolean flag(int present, int presence, int flags, int position) {
    return has(present, presence) ? (flags & (1 << position)) != 0 : null;
  }
}
