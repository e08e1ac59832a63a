// Checks the written files against the data contract and the shares the README
// promises. Any failure ends the run with a non-zero exit code.

import { readFileSync } from 'node:fs';
import { isIsoDate } from './dates.mjs';
import { ISCO_CODES } from './catalogue.mjs';
import { PLACES, distanceKm } from './places.mjs';
import { OPPORTUNITY_FIELDS } from './opportunities.mjs';
import { PROFILE_FIELDS, YOUNG } from './profiles.mjs';

const KIND = ['vacancy', 'apprenticeship', 'internship', 'volunteering', 'training'];
const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const LEVEL = ['helper', 'skilled', 'specialist', 'expert'];
const RECOGNITION = ['full', 'partial', 'pending', 'rejected', 'not_applied'];
const SCHOOL = ['none', 'primary', 'lower_secondary', 'intermediate', 'upper_secondary', 'tertiary'];
const DEMAND = ['low', 'medium', 'high'];
const STATUS = ['eu_citizen', 'residence_permit', 'asylum_pending', 'toleration', 'other'];
const BAN = ['none', 'temporary', 'absolute'];
const SOURCES = ['ba-jobboerse', 'werk.nl', 'kommune'];
const PREFIX = { vacancy: 'V', apprenticeship: 'A', internship: 'I', volunteering: 'E', training: 'T' };

class Checker {
  constructor(file) {
    this.file = file;
    this.errors = [];
  }
  fail(where, msg) {
    this.errors.push(`${this.file}:${where}: ${msg}`);
  }
  expect(cond, where, msg) {
    if (!cond) this.fail(where, msg);
  }
}

function noNulls(c, where, v, path = '') {
  if (v === null) c.fail(where, `null value at ${path || '<root>'}`);
  else if (Array.isArray(v)) v.forEach((x, i) => noNulls(c, where, x, `${path}[${i}]`));
  else if (typeof v === 'object') for (const [k, x] of Object.entries(v)) noNulls(c, where, x, path ? `${path}.${k}` : k);
}

const isBool = (v) => v === undefined || typeof v === 'boolean';
const inEnum = (v, list) => v === undefined || list.includes(v);
const isNum = (v, lo, hi) => v === undefined || (typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi);
// Children are counts: whole numbers from 0 to 20, never yes/no.
const isCount = (v) => v === undefined || (Number.isInteger(v) && v >= 0 && v <= 20);
const isDate = (v) => v === undefined || isIsoDate(v);

function checkOccupation(c, w, o, field) {
  if (o === undefined) return;
  c.expect(typeof o === 'object' && (o.isco || o.kldb || o.title), w, `${field} needs isco, kldb or title`);
  if (o.isco !== undefined) c.expect(ISCO_CODES.includes(o.isco), w, `${field}.isco ${o.isco} not in the taxonomy list`);
  if (o.kldb !== undefined) c.expect(/^\d{5}$/.test(o.kldb), w, `${field}.kldb ${o.kldb} is not 5 digits`);
  for (const k of Object.keys(o)) c.expect(['isco', 'kldb', 'esco', 'title'].includes(k), w, `${field} has unknown key ${k}`);
}

function checkLocation(c, w, l) {
  if (l === undefined) return;
  c.expect(isNum(l.lat, -90, 90) && isNum(l.lon, -180, 180) && (l.lat === undefined) === (l.lon === undefined), w, 'location lat/lon');
  const p = PLACES.find((x) => x.name === l.place);
  c.expect(p, w, `unknown place ${l.place}`);
  if (p) {
    c.expect(l.region === p.region && l.country === p.country, w, `region/country of ${l.place}`);
    c.expect(distanceKm(l.lat, l.lon, p.lat, p.lon) < 3, w, `coordinates more than 3 km from ${l.place}`);
    c.expect(l.postal_code === undefined || l.postal_code === p.postal, w, 'postal code');
  }
}

function readJsonl(c, path) {
  const text = readFileSync(path, 'utf8');
  c.expect(text.endsWith('\n'), 'EOF', 'file must end with a newline');
  const recs = [];
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    try {
      recs.push({ line: i + 1, rec: JSON.parse(line) });
    } catch (e) {
      c.fail(i + 1, `does not parse: ${e.message}`);
    }
  });
  return recs;
}

export function validateOpportunities(path, ref) {
  const c = new Checker(path);
  const recs = readJsonl(c, path);
  const ids = new Set();
  for (const { line, rec: o } of recs) {
    const w = `${line} (${o.id})`;
    noNulls(c, w, o);
    for (const k of Object.keys(o)) c.expect(OPPORTUNITY_FIELDS.includes(k), w, `unknown field ${k}`);
    c.expect(typeof o.id === 'string' && o.id.length > 0, w, 'id required');
    c.expect(!ids.has(o.id), w, 'duplicate id');
    ids.add(o.id);
    c.expect(KIND.includes(o.kind), w, `kind ${o.kind}`);
    c.expect(o.id.startsWith(`${PREFIX[o.kind]}-`), w, 'id prefix does not match kind');
    c.expect(typeof o.title === 'string' && o.title.trim().length > 0, w, 'title required');
    checkOccupation(c, w, o.occupation, 'occupation');
    c.expect(inEnum(o.level, LEVEL), w, `level ${o.level}`);
    c.expect(o.skills === undefined || (Array.isArray(o.skills) && o.skills.every((s) => typeof s === 'string')), w, 'skills');
    for (const r of o.language_requirements || []) {
      c.expect(/^[a-z]{2,3}$/.test(r.language) && CEFR.includes(r.min_level), w, `language requirement ${JSON.stringify(r)}`);
    }
    if (o.qualification) {
      const q = o.qualification;
      c.expect(isBool(q.required) && isBool(q.regulated) && inEnum(q.recognition_required, RECOGNITION), w, 'qualification');
    }
    for (const f of ['language_support', 'recognition_partnership', 'remote', 'shift_work', 'night_work', 'weekend_work', 'flexible_hours', 'childcare_support', 'accessible']) {
      c.expect(isBool(o[f]), w, `${f} must be boolean`);
    }
    c.expect(inEnum(o.min_school, SCHOOL), w, 'min_school');
    c.expect(o.location !== undefined, w, 'sample opportunities all carry a location');
    checkLocation(c, w, o.location);
    if (o.hours_per_week) {
      const h = o.hours_per_week;
      c.expect(isNum(h.min, 0, 168) && isNum(h.max, 0, 168) && !(h.min > h.max), w, 'hours_per_week');
      if (o.title.startsWith('Einstiegsqualifizierung')) c.expect(h.min >= 20, w, 'EQ needs at least 20 h/week');
    }
    c.expect(inEnum(o.physical_demand, DEMAND), w, 'physical_demand');
    c.expect(isNum(o.monthly_gross_eur, 0, 1e6), w, 'monthly_gross_eur');
    for (const f of ['start_date', 'application_deadline', 'posted_date']) c.expect(isDate(o[f]), w, `${f} not an ISO date`);
    c.expect(o.posted_date === undefined || o.posted_date < ref, w, 'posted after the reference date');
    c.expect(o.application_deadline === undefined || o.posted_date === undefined || o.application_deadline > o.posted_date, w, 'deadline before posting');
    c.expect(o.open_positions === undefined || (Number.isInteger(o.open_positions) && o.open_positions >= 1 && o.open_positions <= 5), w, 'open_positions');
    c.expect(o.employer && typeof o.employer.id === 'string' && typeof o.employer.name === 'string', w, 'employer');
    c.expect(SOURCES.includes(o.source), w, `source ${o.source}`);
    if (o.kind === 'apprenticeship') {
      c.expect(['2027-08-01', '2027-09-01'].includes(o.start_date), w, 'apprenticeship start');
      c.expect(o.monthly_gross_eur >= 700 && o.monthly_gross_eur <= 1350, w, 'apprenticeship pay');
    }
  }
  const all = recs.map((r) => r.rec);
  const count = (f) => all.filter(f).length;
  const n = all.length;
  const stats = {
    total: n,
    kinds: Object.fromEntries(KIND.map((k) => [k, count((o) => o.kind === k)])),
    countries: { DE: count((o) => o.location.country === 'DE'), NL: count((o) => o.location.country === 'NL') },
    places: Object.fromEntries(PLACES.map((p) => [p.name, count((o) => o.location.place === p.name)])),
    without_occupation: count((o) => !o.occupation),
    with_kldb: count((o) => o.occupation?.kldb),
    language_support: count((o) => o.language_support === true),
    regulated: count((o) => o.qualification?.regulated === true),
    recognition_partnership: count((o) => o.recognition_partnership === true),
    deadline_passed: count((o) => o.application_deadline && o.application_deadline < ref),
    remote: count((o) => o.remote === true),
    sources: Object.fromEntries(SOURCES.map((s) => [s, count((o) => o.source === s)])),
  };
  const share = (x) => x / n;
  c.expect(n >= 420, 'totals', `at least 420 opportunities, got ${n}`);
  c.expect(share(stats.kinds.vacancy) >= 0.45 && share(stats.kinds.vacancy) <= 0.55, 'totals', 'vacancies about 50%');
  c.expect(stats.kinds.apprenticeship >= 110 && share(stats.kinds.apprenticeship) >= 0.25, 'totals', 'apprenticeships at least 25% and 110');
  c.expect(Math.abs(share(stats.countries.DE) - 0.75) <= 0.03, 'totals', 'DE share about 75%');
  c.expect(Math.abs(share(stats.without_occupation) - 0.1) <= 0.02, 'totals', 'about 10% without occupation');
  c.expect(stats.deadline_passed > 0, 'totals', 'some deadlines already passed');
  return { errors: c.errors, stats };
}

export function validateProfiles(path, ref) {
  const c = new Checker(path);
  const recs = readJsonl(c, path);
  const ids = new Set();
  for (const { line, rec: p } of recs) {
    const w = `${line} (${p.id})`;
    noNulls(c, w, p);
    for (const k of Object.keys(p)) c.expect(PROFILE_FIELDS.includes(k), w, `unknown field ${k}`);
    c.expect(/^P-\d{3}$/.test(p.id), w, 'id format');
    c.expect(!ids.has(p.id), w, 'duplicate id');
    ids.add(p.id);
    for (const l of p.languages || []) c.expect(/^[a-z]{2,3}$/.test(l.language) && CEFR.includes(l.level), w, `language ${JSON.stringify(l)}`);
    for (const q of p.qualifications || []) {
      checkOccupation(c, w, q.occupation, 'qualifications.occupation');
      c.expect(q.occupation !== undefined && inEnum(q.level, LEVEL) && inEnum(q.recognition, RECOGNITION) && isNum(q.years, 0, 60), w, 'qualification');
      c.expect(q.country === undefined || /^[A-Z]{2}$/.test(q.country), w, 'qualification country');
    }
    for (const e of p.experience || []) {
      checkOccupation(c, w, e.occupation, 'experience.occupation');
      c.expect(e.occupation !== undefined && isNum(e.years, 0, 70), w, 'experience');
    }
    for (const d of p.desired_occupations || []) checkOccupation(c, w, d, 'desired_occupations');
    c.expect(inEnum(p.school, SCHOOL), w, 'school');
    c.expect(Number.isInteger(p.birth_year) && p.birth_year >= 1970 && p.birth_year <= 2008, w, 'birth_year');
    checkLocation(c, w, p.location);
    if (p.mobility) {
      const m = p.mobility;
      c.expect(isNum(m.max_commute_km, 5, 50) && isNum(m.max_commute_minutes, 20, 90) && isBool(m.car) && isBool(m.willing_to_relocate), w, 'mobility');
      c.expect(m.driving_license === undefined || Array.isArray(m.driving_license), w, 'mobility.driving_license');
      c.expect(!m.car || (m.driving_license || []).includes('B'), w, 'car without licence B');
    }
    if (p.residence_obligation) c.expect(p.residence_obligation.region === 'DE-NW' && isDate(p.residence_obligation.until), w, 'residence_obligation');
    const wp = p.work_permit;
    c.expect(wp && STATUS.includes(wp.status) && inEnum(wp.work_ban, BAN) && isBool(wp.approval_required), w, 'work_permit');
    if (wp?.work_ban === 'temporary') c.expect(isIsoDate(wp.work_ban_until), w, 'temporary ban needs work_ban_until');
    if (p.location.country === 'NL') c.expect(!p.residence_obligation, w, 'no §12a obligation in NL');
    if (p.availability) {
      const a = p.availability;
      c.expect(isDate(a.available_from) && isNum(a.max_hours_per_week, 0, 168) && isNum(a.min_hours_per_week, 0, 168), w, 'availability');
      c.expect(!(a.min_hours_per_week > a.max_hours_per_week), w, 'availability min > max');
      c.expect(isBool(a.shift_ok) && isBool(a.night_ok) && isBool(a.weekend_ok), w, 'availability flags');
    }
    if (p.family) {
      const f = p.family;
      c.expect(isCount(f.children_under_3) && isCount(f.children_school_age) && isBool(f.childcare_arranged) && isBool(f.single_parent), w, 'family');
    }
    if (p.health) c.expect(inEnum(p.health.max_physical_demand, DEMAND) && isBool(p.health.needs_accessible_workplace), w, 'health');
    c.expect(p.audit && ['f', 'm', 'd'].includes(p.audit.gender) && /^[A-Z]{2}$/.test(p.audit.nationality), w, 'audit');
    c.expect(Object.values(p.audit || {}).every((v) => typeof v === 'string'), w, 'audit values are strings');
  }
  const all = recs.map((r) => r.rec);
  const n = all.length;
  const count = (f) => all.filter(f).length;
  const hostLevel = (p) => (p.languages.find((l) => l.language === (p.location.country === 'DE' ? 'de' : 'nl')) || {}).level || 'none';
  const tally = (f) => all.reduce((m, p) => ((m[f(p)] = (m[f(p)] || 0) + 1), m), {});
  const stats = {
    total: n,
    countries: { DE: count((p) => p.location.country === 'DE'), NL: count((p) => p.location.country === 'NL') },
    under_30: count((p) => p.birth_year >= YOUNG.from),
    host_language_level: sortKeys(tally(hostLevel), ['none', ...CEFR]),
    status: tally((p) => p.work_permit.status),
    work_ban: tally((p) => p.work_permit.work_ban || 'unknown'),
    residence_obligation: count((p) => p.residence_obligation),
    residence_obligation_expired: count((p) => p.residence_obligation && p.residence_obligation.until < ref),
    recognition: tally((p) => (p.qualifications || []).map((q) => q.recognition || 'unknown')[0] || 'no qualification'),
    gender: tally((p) => p.audit.gender),
    nationality: tally((p) => p.audit.nationality),
    with_family: count((p) => p.family),
    wheelchair: count((p) => p.health?.needs_accessible_workplace),
    car: count((p) => p.mobility?.car),
    willing_to_relocate: count((p) => p.mobility?.willing_to_relocate),
  };
  c.expect(n >= 160, 'totals', `at least 160 profiles, got ${n}`);
  c.expect(Math.abs(stats.countries.DE / n - 0.75) <= 0.03, 'totals', 'DE share about 75%');
  c.expect(Math.abs(stats.under_30 / n - 2 / 3) <= 0.03, 'totals', 'about two thirds under 30');
  c.expect(stats.wheelchair >= 2 && stats.wheelchair <= 3, 'totals', '2-3 wheelchair users');
  return { errors: c.errors, stats };
}

function sortKeys(obj, order) {
  const out = {};
  for (const k of order) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
