// The "ground truth" model of the placement simulation (simulate-placements.mjs).
//
// SYNTHETIC. This is a hand-made model of what plausibly drives placements of refugees
// into work and training, written for evaluating rankings. It is deliberately not the
// engine's scoring formula: it has its own features, weights, curves and speeds, and it
// reads nothing from matcher-core, data/rules or data/taxonomy. Every number below is an
// assumption, documented in data/eval/README.md; none is estimated from real outcomes.
//
// For one profile p and one opportunity o, pairFactors(p, o) returns:
//   - gate: null when a placement is possible at all, else the reason it is not
//     (what the law or plain facts rule out: a work ban, another country's labour
//     market, a passed deadline, a regulated profession without the recognition);
//   - person: multiplicative factors of the person's interest in o (would they apply,
//     would they accept an offer);
//   - employer: multiplicative factors of the employer's (or training provider's)
//     interest in p (would they invite, would they hire).
// The simulation multiplies each side's factors, takes logs and adds seeded noise.

import { addDays } from './dates.mjs';

export const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const LEVELS = ['helper', 'skilled', 'specialist', 'expert'];
const SCHOOL = ['none', 'primary', 'lower_secondary', 'intermediate', 'upper_secondary', 'tertiary'];
const DEMAND = ['low', 'medium', 'high'];
const DAY_MS = 86400000;

export const PARAMS = {
  // Occupational closeness by shared leading ISCO-08 digits (4 = same unit group).
  closenessByDigits: [0, 0.1, 0.3, 0.55, 1],
  // A vague code from a title (e.g. "Fahrer" -> 83) that is a prefix of the job's code.
  vaguePrefixCloseness: 0.7,
  // Transferable occupations the ISCO tree puts apart (own list, judgement).
  relatedCloseness: 0.6,
  // A title this model cannot place: some, unknown, relation to any job.
  unknownTitleCloseness: 0.1,

  // Commute: straight-line km times the detour factor gives road km.
  detourFactor: 1.3,
  carKmh: 40, // door to door, incl. parking
  publicTransportKmh: 18, // door to door, incl. walking, waiting, changing
  defaultOneWayMinutes: 60, // people who state no limit
  distanceExponent: 3, // factor 1 / (1 + (road km / reach)^3): 0.5 at the reach
  relocationFloor: 0.2, // distance factor of a job reachable by moving

  monthsPerLanguageLevel: 6, // a start this far ahead may find one host-language level more
  expectedLevelCredit: 0.6, // ... which counts this much of a level already held
  noise: { person: 0.5, employer: 0.5 }, // standard deviation of log-normal idiosyncrasy
};

// Occupations that the ISCO tree puts apart but between which people move in practice.
const RELATED = [
  ['2221', '3221'], ['2221', '5321'], ['3221', '5321'], ['3256', '3221'], ['2211', '3256'],
  ['2342', '5311'], ['2341', '5312'], ['2342', '5312'], ['5120', '9412'], ['5120', '5131'],
  ['8332', '8331'], ['8332', '8322'], ['8331', '8322'], ['8321', '8322'], ['8321', '9621'],
  ['9333', '8344'], ['9333', '9329'], ['9333', '9621'], ['5223', '5230'], ['5211', '5223'],
  ['6113', '9214'], ['2512', '3512'], ['3512', '4222'], ['2643', '4222'], ['2411', '4110'],
  ['7411', '7422'], ['4110', '4224'], ['4224', '4222'], ['9211', '6113'], ['5311', '5312'],
];
const RELATED_SET = new Set(RELATED.flatMap(([a, b]) => [`${a}|${b}`, `${b}|${a}`]));

// The titles without a code that occur in the sample profiles, placed by judgement in the
// ISCO-08 tree. Lists mean "any of these"; codes shorter than 4 digits are vague.
export const TITLE_CODES = {
  'Lehrer/in (Grundschule) / primary school teacher': ['2341'],
  'Mithilfe im Familienbetrieb (Landwirtschaft)': ['9211'],
  'Handyreparatur, selbstständig': ['7422'],
  'Kinderbetreuung in der Großfamilie': ['5311'],
  'Taxi driver': ['8322'],
  'Verkauf auf dem Markt (Obst und Gemüse)': ['5211'],
  'Mithilfe in der Elektrowerkstatt des Onkels': ['7411'],
  Lagerarbeit: ['9333'],
  Pflegehelferin: ['5321'],
  Elektriker: ['7411'],
  'Arbeit mit Kindern': ['5311', '2342'],
  Fahrer: ['83'],
  IT: ['25', '35'],
  magazijnwerk: ['9333'],
  zorg: ['532'],
  'Küche': ['5120', '9412'],
  Friseur: ['5141'],
};

const level = (cefr) => (cefr ? CEFR.indexOf(cefr) + 1 : 0); // 0 = no knowledge
const days = (a, b) => (Date.parse(a) - Date.parse(b)) / DAY_MS; // a - b in days
const hostLanguage = (country) => (country === 'NL' ? 'nl' : 'de');

/** ISCO codes an occupation stands for: its code, or a judged code for a known title. */
export function codesOf(occupation, unknownTitles) {
  if (!occupation) return [];
  if (occupation.isco) return [occupation.isco];
  if (occupation.title && TITLE_CODES[occupation.title]) return TITLE_CODES[occupation.title];
  if (occupation.title && unknownTitles) unknownTitles.add(occupation.title);
  return [null]; // known to exist, unknown what it is
}

/** Closeness of a person's code (maybe vague or unknown) to a job's 4-digit code, 0..1. */
export function closeness(personCode, jobCode) {
  if (!jobCode) return 0;
  if (personCode === null) return PARAMS.unknownTitleCloseness;
  if (personCode.length < 4 && jobCode.startsWith(personCode)) return PARAMS.vaguePrefixCloseness;
  if (RELATED_SET.has(`${personCode}|${jobCode}`)) return PARAMS.relatedCloseness;
  let d = 0;
  while (d < Math.min(personCode.length, jobCode.length, 4) && personCode[d] === jobCode[d]) d++;
  return PARAMS.closenessByDigits[d];
}

function bestCloseness(items, jobCode, codeOf, weightOf = () => 1) {
  let best = 0;
  let bestItem = null;
  for (const item of items || []) {
    for (const c of codeOf(item)) {
      const v = closeness(c, jobCode) * weightOf(item);
      if (v > best) {
        best = v;
        bestItem = item;
      }
    }
  }
  return { value: best, item: bestItem };
}

/** Great-circle distance in km (haversine, mean Earth radius). */
export function greatCircleKm(a, b) {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Road km a person will travel one way: stated km, or minutes at their speed. */
export function reachKm(p) {
  const m = p.mobility || {};
  const kmh = m.car ? PARAMS.carKmh : PARAMS.publicTransportKmh;
  const byMinutes = m.max_commute_minutes != null ? (m.max_commute_minutes / 60) * kmh : null;
  if (m.max_commute_km != null && byMinutes != null) return Math.min(m.max_commute_km, byMinutes);
  if (m.max_commute_km != null) return m.max_commute_km;
  if (byMinutes != null) return byMinutes;
  return (PARAMS.defaultOneWayMinutes / 60) * kmh;
}

function holdsLicence(p, cls) {
  const held = new Set((p.mobility && p.mobility.driving_license) || []);
  const implies = { B: ['B', 'BE', 'C', 'CE', 'C1', 'D', 'DE'], C: ['C', 'CE'], CE: ['CE'], D: ['D', 'DE'], BE: ['BE', 'CE'] };
  return (implies[cls] || [cls]).some((c) => held.has(c));
}

function languageFactor(has, asked, support) {
  const gap = asked - has;
  if (gap <= 0) return 1 + 0.05 * Math.min(2, -gap);
  if (gap === 1) return support ? 0.55 : 0.2;
  if (gap === 2) return support ? 0.2 : 0.05;
  return support ? 0.05 : 0.01;
}

/**
 * Everything the model knows about one pair: profile p, opportunity o, the opportunity's
 * 4-digit ISCO code (the latent one where the posting has none), the reference date, and a
 * set that collects titles the model cannot place. Reads no audit field, birth year or
 * nationality: family and health act only through hours, childcare and demands.
 */
export function pairFactors(p, o, jobCode, ref, unknownTitles) {
  const person = {};
  const employer = {};
  const wp = p.work_permit || {};
  const ban = wp.work_ban || 'none'; // absent: no ban recorded
  const isVolunteering = o.kind === 'volunteering';
  const country = o.location.country;
  const hours = o.hours_per_week || {};
  const a = p.availability || {};
  const fam = p.family || {};
  const quals = p.qualifications || [];
  const qualCodes = (q) => codesOf(q.occupation, unknownTitles);

  // --- What rules a placement out altogether -------------------------------------------
  if (ban === 'absolute' && !isVolunteering) return { gate: 'absolute_work_ban' };
  if (country !== p.location.country && wp.status !== 'eu_citizen') return { gate: 'other_country' };
  if (o.application_deadline && o.application_deadline < ref) return { gate: 'deadline_passed' };
  const graceDays = o.kind === 'apprenticeship' ? 61 : 30;
  if (ban === 'temporary' && !isVolunteering && o.start_date && wp.work_ban_until
      && days(wp.work_ban_until, o.start_date) > graceDays) {
    return { gate: 'temporary_work_ban' };
  }
  const q = o.qualification || {};
  const jobLevel = LEVELS.indexOf(o.level ?? 'helper');
  // Quals in the same field: same minor group, a related occupation, or the same unit group.
  const related = quals.filter((x) => qualCodes(x).some((c) => closeness(c, jobCode) >= 0.55));
  const rec = (x) => x.recognition ?? 'unknown';
  if (q.regulated && q.required && jobLevel >= 1) {
    if (related.length === 0) return { gate: 'regulated_without_qualification' };
    const recs = new Set(related.map(rec));
    if (q.recognition_required === 'partial') {
      if (recs.has('full') || recs.has('partial')) employer.recognition = 1;
      else if (recs.has('pending')) employer.recognition = 0.7;
      else if (recs.has('not_applied') || recs.has('unknown')) employer.recognition = 0.2;
      else return { gate: 'recognition_rejected' };
    } else if (recs.has('full')) employer.recognition = 1.25;
    else if (o.recognition_partnership && (recs.has('partial') || recs.has('pending'))) employer.recognition = 0.6;
    else return { gate: 'regulated_without_recognition' };
  }

  // --- Occupational fit ----------------------------------------------------------------
  const wish = bestCloseness(p.desired_occupations, jobCode, (w) => codesOf(w, unknownTitles)).value;
  const qual = bestCloseness(quals, jobCode, qualCodes);
  const exp = bestCloseness(p.experience, jobCode, (e) => codesOf(e.occupation, unknownTitles),
    (e) => Math.min(1, 0.3 + (e.years ?? 1) / 4));
  const skilledQual = quals.some((x) => LEVELS.indexOf(x.level) >= 1);

  // Person: a wish counts most, then the own trade, then experience; helper work and
  // training are taken outside one's field too.
  let floor;
  if (isVolunteering) floor = ban === 'absolute' ? 0.9 : ban === 'temporary' ? 0.4 : 0.05;
  else if (o.kind === 'apprenticeship') floor = skilledQual ? 0.08 : 0.2;
  else if (o.kind === 'training') floor = 0.15;
  else if (o.kind === 'internship') floor = 0.12;
  else floor = jobLevel === 0 ? 0.3 : 0.05; // helper work: income now
  let interest = Math.max(wish, 0.75 * qual.value, 0.6 * exp.value);
  // Volunteering is no job: those who may work take it up now and then, in their field.
  if (isVolunteering && ban === 'none') interest *= 0.3;
  person.occupation = floor + (1 - floor) * interest;
  if (o.kind === 'vacancy' && jobLevel === 0 && quals.some((x) => x.level === 'expert')) person.overqualified = 0.7;

  // Employer: qualification at a fitting level, experience, some weight on motivation.
  const levelFit = (x) => {
    const d = LEVELS.indexOf(x.level) - jobLevel;
    return d >= 0 ? (d === 0 ? 1 : 0.9) : d === -1 ? 0.5 : 0.25;
  };
  const qualE = bestCloseness(quals, jobCode, qualCodes, (x) => levelFit(x) * Math.min(1, 0.6 + (x.years ?? 1) / 5)).value;
  // Training providers weigh motivation (the wish) more than employers do.
  const motivation = o.kind === 'apprenticeship' || o.kind === 'training' ? 0.6 : 0.35;
  const suit = Math.max(qualE, exp.value, motivation * wish);
  let base;
  if (isVolunteering) base = 0.6;
  else if (o.kind === 'internship' || (o.kind === 'training' && !q.required)) base = 0.45;
  else if (o.kind === 'apprenticeship') base = 0.5;
  else if (jobLevel === 0) base = 0.5;
  else if (o.kind === 'training') base = 0.2;
  else if (!q.required && jobLevel === 1) base = 0.25;
  else base = 0.05;
  employer.occupation = base + (1 - base) * suit;

  // Recognition as a signal where it is no gate: skilled work with a related qualification.
  if (employer.recognition === undefined && jobLevel >= 1 && o.kind === 'vacancy' && related.length) {
    const recs = new Set(related.map(rec));
    employer.recognition = recs.has('full') ? 1.25 : recs.has('partial') ? 1.1 : recs.has('pending') ? 1.05
      : recs.has('rejected') && recs.size === 1 ? 0.85 : 1;
  }

  // --- Language ------------------------------------------------------------------------
  const speaks = new Map((p.languages || []).map((l) => [l.language, level(l.level)]));
  const asked = o.language_requirements && o.language_requirements.length
    ? o.language_requirements
    : [{ language: hostLanguage(country), min_level: 'A1' }]; // nobody works without any
  // Six months or more before the start, a person who has begun the host language may
  // gain a level by then (an integration or job-related language course); an employer
  // counts on it only in part.
  const learns = o.start_date && days(o.start_date, ref) >= PARAMS.monthsPerLanguageLevel * 30.4;
  let lang = 1;
  for (const r of asked) {
    const has = speaks.get(r.language) ?? 0;
    const support = o.language_support === true;
    let f = languageFactor(has, level(r.min_level), support);
    if (learns && r.language === hostLanguage(country) && has >= 1) {
      f = Math.max(f, PARAMS.expectedLevelCredit * languageFactor(has + 1, level(r.min_level), support));
    }
    lang *= f;
  }
  employer.language = lang;
  const hostLevel = speaks.get(hostLanguage(country)) ?? 0;
  if (o.language_support === true && hostLevel <= 2) person.language_support = 1.15;

  // --- Distance ------------------------------------------------------------------------
  if (o.remote === true) person.distance = 1;
  else {
    const road = greatCircleKm(p.location, o.location) * PARAMS.detourFactor;
    let f = 1 / (1 + (road / reachKm(p)) ** PARAMS.distanceExponent);
    const ro = p.residence_obligation;
    const bound = ro && ro.until >= ref && o.location.region !== ro.region;
    const lifts = o.kind === 'apprenticeship'
      || ((hours.min ?? 0) >= 15 && (o.monthly_gross_eur ?? 0) >= 785);
    if (p.mobility && p.mobility.willing_to_relocate && country === p.location.country && (!bound || lifts)) {
      f = Math.max(f, PARAMS.relocationFloor);
    }
    person.distance = f;
  }

  // --- Hours, family, timing -----------------------------------------------------------
  if (!isVolunteering) {
    if (a.max_hours_per_week != null && hours.min != null && hours.min > a.max_hours_per_week) {
      person.hours = Math.exp(-(hours.min - a.max_hours_per_week) / 4);
    } else if (a.min_hours_per_week != null && hours.max != null && hours.max < a.min_hours_per_week) {
      person.hours = Math.exp(-(a.min_hours_per_week - hours.max) / 8);
    }
  }
  const smallChildrenUncared = (fam.children_under_3 ?? 0) > 0 && fam.childcare_arranged !== true;
  if (smallChildrenUncared && (hours.min ?? 0) > 30) person.childcare = o.childcare_support ? 0.7 : 0.4;
  if (smallChildrenUncared && o.night_work === true) person.night_childcare = o.childcare_support ? 0.5 : 0.1;
  if (o.childcare_support === true && ((fam.children_under_3 ?? 0) + (fam.children_school_age ?? 0)) > 0) {
    person.childcare_support = 1.2;
  }
  if (o.shift_work === true && a.shift_ok === false) person.shift = 0.25;
  if (o.night_work === true && a.night_ok === false) person.night = 0.15;
  if (o.weekend_work === true && a.weekend_ok === false) person.weekend = 0.35;

  if (!isVolunteering) {
    const start = o.start_date ?? addDays(ref, 30); // "as soon as possible"
    const from = a.available_from && a.available_from > ref ? a.available_from : ref;
    const late = days(from, start) - graceDays;
    if (late > 0) employer.availability = Math.exp(-late / 45);
  }

  // --- Health --------------------------------------------------------------------------
  const h = p.health || {};
  if (h.max_physical_demand) {
    const over = o.physical_demand ? DEMAND.indexOf(o.physical_demand) - DEMAND.indexOf(h.max_physical_demand) : null;
    if (over === null) person.physical = 0.8;
    else if (over > 0) person.physical = over === 1 ? 0.1 : 0.03;
  }
  if (h.needs_accessible_workplace) {
    person.accessible = o.accessible === true ? 1.1 : o.accessible === false ? 0.03 : 0.5;
  }

  // --- Licence, school, status ---------------------------------------------------------
  if (o.driving_license && !holdsLicence(p, o.driving_license)) {
    employer.licence = o.driving_license === 'B' ? 0.15 : 0.03;
  }
  if (o.min_school && p.school) {
    const short = SCHOOL.indexOf(o.min_school) - SCHOOL.indexOf(p.school);
    if (short > 0) employer.school = 0.4 ** short;
  }
  if (wp.approval_required && (o.kind === 'vacancy' || o.kind === 'apprenticeship')) employer.approval = 0.8;
  // Training toleration ("3+2"): a qualified apprenticeship secures residence.
  if (wp.status === 'toleration' && o.kind === 'apprenticeship' && jobLevel >= 1) person.training_toleration = 1.6;

  // --- Skills, as posted ---------------------------------------------------------------
  const mine = new Set((p.skills || []).map((s) => s.toLowerCase()));
  const shared = (o.skills || []).filter((s) => mine.has(s.toLowerCase())).length;
  if (shared) employer.skills = Math.min(1.25, 1 + 0.08 * shared);

  return { gate: null, person, employer };
}

export function product(factors) {
  return Object.values(factors).reduce((x, y) => x * y, 1);
}

