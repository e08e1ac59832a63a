// Synthetic, pseudonymous profiles of refugees looking for work or training. No
// names, no free text about persons; audit attributes exist for fairness checks only.

import { OCC } from './catalogue.mjs';
import { PLACES, placeByName, locate } from './places.mjs';
import { quotas } from './prng.mjs';
import { addDays } from './dates.mjs';

export const PROFILE_COUNT = 168;
export const DE_SHARE = 0.75;
export const YOUNG = { from: 1996, to: 2008 }; // "under 30" as the README counts it
const OLDER = { from: 1970, to: 1995 };

const NATIONALITIES = [['SY', 30], ['AF', 18], ['UA', 15], ['IQ', 10], ['ER', 8], ['TR', 7], ['SO', 6], ['IR', 4], ['RU', 1], ['RO', 1]];

const MOTHER_TONGUE = {
  SY: [['ar', 85], ['ku', 15]], AF: [['fa', 65], ['ps', 35]], UA: [['uk', 1]], IQ: [['ar', 60], ['ku', 40]],
  ER: [['ti', 1]], TR: [['tr', 60], ['ku', 40]], SO: [['so', 1]], IR: [['fa', 1]], RU: [['ru', 1]], RO: [['ro', 1]],
};

const QUAL_OCCUPATIONS = [
  ['2221', 8], ['3221', 3], ['2342', 4], ['7411', 6], ['8332', 5], ['8331', 2], ['2512', 3], ['3512', 4],
  ['2411', 4], ['4110', 4], ['5120', 4], ['7231', 5], ['7212', 4], ['7126', 3], ['7115', 3], ['7112', 3],
  ['7131', 2], ['5141', 4], ['7531', 4], ['7512', 2], ['7511', 2], ['2211', 2], ['2264', 2], ['3256', 2],
  ['3213', 2], ['3251', 1], ['2643', 1], ['5311', 2], ['6113', 2], ['teacher', 3],
];
const TEACHER = { title: 'Lehrer/in (Grundschule) / primary school teacher' };

const INFORMAL = [
  [{ isco: '9211' }, 4], [{ isco: '9333' }, 4], [{ isco: '9412' }, 3], [{ isco: '5223' }, 3], [{ isco: '7112' }, 3],
  [{ isco: '9112' }, 3], [{ isco: '7531' }, 2], [{ isco: '5120' }, 2], [{ isco: '8321' }, 2], [{ isco: '9329' }, 3],
  [{ title: 'Mithilfe im Familienbetrieb (Landwirtschaft)' }, 2], [{ title: 'Handyreparatur, selbstständig' }, 1],
  [{ title: 'Kinderbetreuung in der Großfamilie' }, 1], [{ title: 'Taxi driver' }, 1], [{ title: 'Verkauf auf dem Markt (Obst und Gemüse)' }, 1],
];

const HELPER_WISHES = ['9333', '5321', '9412', '9112', '9329', '8219', '5223', '8321', '9214', '5131', '5230', '9621'];
const APPRENTICE_WISHES = ['7411', '7126', '7231', '2221', '3256', '5120', '4321', '3512', '2512', '5141', '7115', '5311', '4110', '3251'];
const TITLE_WISHES = ['Lagerarbeit', 'Pflegehelferin', 'Elektriker', 'Arbeit mit Kindern', 'Fahrer', 'IT', 'magazijnwerk', 'zorg', 'Küche', 'Friseur'];

const GENERAL_SKILLS = ['Teamarbeit', 'Zuverlässigkeit', 'MS Office', 'Mehrsprachigkeit', 'Pünktlichkeit', 'Kundenkontakt', 'handwerkliches Geschick', 'teamwork', 'computer skills'];

const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];

export function generateProfiles(rng, ref) {
  const hard = hardCases(rng);
  const rest = PROFILE_COUNT - hard.length;
  const hardDe = hard.filter((h) => h.location.country === 'DE').length;
  const deLeft = Math.round(PROFILE_COUNT * DE_SHARE) - hardDe;
  const nlLeft = rest - deLeft;
  const deWeight = PLACES.filter((p) => p.country === 'DE').reduce((s, p) => s + p.weight, 0);
  const nlWeight = PLACES.filter((p) => p.country === 'NL').reduce((s, p) => s + p.weight, 0);
  const places = quotas(rng, PLACES.map((p) => [p, p.weight * (p.country === 'DE' ? deLeft / deWeight : nlLeft / nlWeight)]), rest);
  const youngHard = hard.filter((h) => h.birth_year >= YOUNG.from).length;
  const youngTarget = Math.round((PROFILE_COUNT * 2) / 3);
  const young = quotas(rng, [[true, youngTarget - youngHard], [false, rest - (youngTarget - youngHard)]], rest);
  const nationalities = quotas(rng, NATIONALITIES, rest);

  const out = hard.slice();
  for (let i = 0; i < rest; i++) {
    out.push(randomProfile(rng, ref, places[i], young[i], nationalities[i]));
  }
  return out.map((p, i) => order({ ...p, id: `P-${String(i + 1).padStart(3, '0')}` }));
}

function lang(language, level) {
  return { language, level };
}

function randomProfile(rng, ref, place, isYoung, nat) {
  const country = place.country;
  const host = country === 'DE' ? 'de' : 'nl';
  const birthYear = isYoung ? rng.int(YOUNG.from, YOUNG.to) : rng.int(OLDER.from, OLDER.to);
  const age = 2026 - birthYear;
  const gender = rng.weighted(nat === 'UA' ? [['f', 70], ['m', 28], ['d', 2]] : [['m', 56], ['f', 42], ['d', 2]]);
  const p = {};

  // Residence status first: it shapes language level and everything after.
  let status = 'residence_permit';
  if (nat === 'RO') status = 'eu_citizen';
  else if (country === 'DE' && nat !== 'UA') {
    status = rng.weighted([['residence_permit', 72], ['asylum_pending', 15], ['toleration', 11], ['other', 2]]);
    if (nat === 'TR' && status === 'residence_permit' && rng.chance(0.5)) status = 'asylum_pending';
  } else if (country === 'NL' && nat !== 'UA' && rng.chance(0.05)) status = 'asylum_pending';

  // Languages: mother tongue, host language, often English.
  const mother = rng.weighted(MOTHER_TONGUE[nat]);
  const langs = [lang(mother, 'C2')];
  let hostLevel = rng.weighted([['A1', 18], ['A2', 30], ['B1', 32], ['B2', 12], ['C1', 5], [null, 3]]);
  if ((status === 'asylum_pending' || status === 'toleration') && ['B2', 'C1'].includes(hostLevel)) hostLevel = 'A2';
  if (hostLevel) langs.push(lang(host, hostLevel));
  if (nat === 'UA' && mother === 'uk') langs.push(lang('ru', rng.pick(['B2', 'C1', 'C2'])));
  if (mother === 'ku') langs.push(lang(nat === 'TR' ? 'tr' : 'ar', rng.pick(['B1', 'B2', 'C1'])));
  if (nat === 'SO' && rng.chance(0.3)) langs.push(lang('ar', 'A2'));
  if (rng.chance(['UA', 'IR', 'SY', 'RU'].includes(nat) ? 0.6 : 0.4)) langs.push(lang('en', rng.weighted([['A2', 4], ['B1', 4], ['B2', 3], ['C1', 1]])));
  if (country === 'NL' && rng.chance(0.05)) langs.push(lang('de', 'A2'));
  p.languages = langs;

  // Qualifications and experience.
  const quals = [];
  const hasQual = age >= 22 ? rng.chance(0.6) : rng.chance(0.12);
  let mainOcc = null;
  if (hasQual) {
    // University degrees need the years to earn them.
    const eligible = QUAL_OCCUPATIONS.filter(([c]) => age >= 25 || !(c === 'teacher' || OCC[c].level === 'expert' || c === '2264'));
    const code = rng.weighted(eligible);
    mainOcc = code === 'teacher' ? null : OCC[code];
    quals.push(qualification(rng, code, nat, age));
    if (rng.chance(0.1)) {
      const code2 = rng.weighted(eligible.filter(([c]) => c !== code));
      quals.push(qualification(rng, code2, nat, age));
    }
  }
  if (quals.length) p.qualifications = quals;
  const exp = [];
  if (hasQual && rng.chance(0.75)) exp.push({ occupation: { ...quals[0].occupation }, years: yearsOf(rng, age, 15) });
  if (rng.chance(0.45)) exp.push({ occupation: { ...rng.weighted(INFORMAL) }, years: yearsOf(rng, age, 8) });
  if (country === 'DE' && status === 'residence_permit' && rng.chance(0.15)) exp.push({ occupation: { isco: rng.pick(HELPER_WISHES) }, years: rng.pick([0.5, 1, 1.5, 2]) });
  if (exp.length) p.experience = exp;

  const skills = new Set();
  if (mainOcc) rng.sample(mainOcc.skills[rng.pick(['de', 'en', country === 'NL' ? 'nl' : 'de'])] || mainOcc.skills.de, 2).forEach((s) => skills.add(s));
  rng.sample(GENERAL_SKILLS, rng.int(1, 3)).forEach((s) => skills.add(s));
  p.skills = [...skills];

  // Wishes: own trade, an apprenticeship for the young, helper work as a fallback.
  const wishes = [];
  if (quals.length && quals[0].occupation.isco) wishes.push({ isco: quals[0].occupation.isco });
  if (age < 27 && rng.chance(0.7)) wishes.push({ isco: rng.pick(APPRENTICE_WISHES) });
  if (wishes.length < 2 && rng.chance(0.7)) wishes.push({ isco: rng.pick(HELPER_WISHES) });
  if (rng.chance(0.15)) wishes.push({ title: rng.pick(TITLE_WISHES) });
  const seen = new Set();
  p.desired_occupations = wishes.filter((w) => {
    const k = w.isco || w.title;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });

  const tertiary = quals.some((q) => q.level === 'expert');
  p.school = tertiary ? 'tertiary' : rng.weighted([['none', 5], ['primary', 13], ['lower_secondary', 28], ['intermediate', 22], ['upper_secondary', age >= 19 ? 24 : 8], ['tertiary', age >= 23 ? 8 : 0]]);
  p.birth_year = birthYear;
  p.location = locate(rng, place, 0.2);

  // Mobility.
  const license = [];
  if (quals.some((q) => q.occupation.isco === '8332')) license.push('B', 'C', 'CE');
  else if (quals.some((q) => q.occupation.isco === '8331')) license.push('B', 'D');
  else if (rng.chance(age >= 22 ? 0.25 : 0.08)) license.push('B');
  if (!rng.chance(0.05)) {
    const m = {};
    const mode = rng.weighted([['km', 40], ['min', 35], ['both', 5], ['none', 20]]);
    if (mode === 'km' || mode === 'both') m.max_commute_km = rng.step(5, 50, 5);
    if (mode === 'min' || mode === 'both') m.max_commute_minutes = rng.step(20, 90, 5);
    m.driving_license = license;
    m.car = license.includes('B') ? rng.chance(0.35) : false;
    const relocate = rng.weighted([[true, 20], [false, 50], [null, 30]]);
    if (relocate !== null) m.willing_to_relocate = relocate;
    p.mobility = m;
  }

  if (country === 'DE' && status === 'residence_permit' && rng.chance(nat === 'UA' ? 0.4 : 0.65)) {
    const until = rng.chance(0.15) ? addDays(ref, -rng.int(20, 300)) : addDays(ref, rng.int(30, 1130));
    p.residence_obligation = { region: 'DE-NW', until };
  }

  p.work_permit = permit(rng, status);

  // Family and health, then availability that follows from them.
  let family = null;
  if (rng.chance(age >= 22 ? (gender === 'f' ? 0.5 : 0.3) : 0.05)) {
    let u3 = rng.weighted([[0, 5], [1, 4], [2, 1]]);
    const school = rng.weighted([[0, 3], [1, 4], [2, 3], [3, 1], [4, 1]]);
    if (u3 + school === 0) u3 = 1;
    family = { children_under_3: u3, children_school_age: school, childcare_arranged: rng.chance(0.45), single_parent: rng.chance(gender === 'f' ? 0.3 : 0.05) };
    p.family = family;
  }
  if (rng.chance(0.12)) p.health = { max_physical_demand: rng.weighted([['low', 1], ['medium', 2]]), needs_accessible_workplace: false };

  const a = {};
  if (p.work_permit.work_ban === 'temporary') a.available_from = addDays(p.work_permit.work_ban_until, 1);
  else if (rng.chance(0.5)) a.available_from = rng.pick(['2026-11-01', '2026-12-01', '2026-12-15', '2027-01-01', '2027-02-01', '2027-04-01']);
  const caring = family && (!family.childcare_arranged || family.single_parent || family.children_under_3 > 0);
  if (caring && gender === 'f') {
    a.max_hours_per_week = rng.step(20, 30, 5);
    a.shift_ok = false;
    a.night_ok = false;
    a.weekend_ok = rng.chance(0.15);
  } else if (caring) {
    a.max_hours_per_week = rng.pick([25, 30, 35, 40]);
    a.shift_ok = rng.chance(0.3);
    a.night_ok = false;
    a.weekend_ok = rng.chance(0.3);
  } else {
    if (rng.chance(0.15)) a.max_hours_per_week = rng.pick([30, 35, 40]);
    if (rng.chance(0.2)) a.min_hours_per_week = rng.pick([15, 20, 30]);
    if (a.min_hours_per_week > (a.max_hours_per_week ?? 168)) delete a.min_hours_per_week;
    if (!rng.chance(0.25)) {
      a.shift_ok = rng.chance(0.7);
      a.night_ok = rng.chance(0.45);
      a.weekend_ok = rng.chance(0.65);
    }
  }
  if (Object.keys(a).length) p.availability = a;
  p.audit = { gender, nationality: nat };
  return p;
}

function yearsOf(rng, age, max) {
  return Math.max(0.5, Math.min(max, Math.max(0.5, age - 18), rng.pick([0.5, 1, 2, 3, 4, 5, 6, 8, 10, 12, 15])));
}

function qualification(rng, code, nat, age) {
  const o = OCC[code];
  let level = o ? o.level : 'expert';
  if (code === '2221' && age >= 25 && rng.chance(0.45)) level = 'expert'; // bachelor of nursing abroad
  if (code === '2264') level = 'expert';
  const years = { helper: 1, skilled: rng.int(2, 4), specialist: rng.int(3, 4), expert: code === '2211' ? 6 : rng.int(4, 5) }[level];
  const q = { occupation: o ? { isco: code } : { ...TEACHER }, level, country: nat === 'RU' ? 'RU' : nat };
  const rec = rng.weighted([['partial', 30], ['full', 15], ['pending', 15], ['not_applied', 28], ['rejected', 7], [null, 5]]);
  if (rec) q.recognition = rec;
  q.years = Math.min(years, Math.max(1, age - 17));
  return q;
}

function permit(rng, status) {
  switch (status) {
    case 'asylum_pending':
      if (rng.chance(0.35)) return { status, work_ban: 'temporary', work_ban_until: addDays('2027-01-15', rng.int(0, 166)), approval_required: true };
      return { status, work_ban: 'none', approval_required: true };
    case 'toleration':
      if (rng.chance(0.15)) return { status, work_ban: 'absolute', approval_required: true };
      return { status, work_ban: 'none', approval_required: true };
    case 'other':
      return { status, approval_required: true };
    default:
      return rng.chance(0.3) ? { status } : { status, work_ban: 'none' };
  }
}

/** Cases a caseworker knows; they open the file so tests can name them (P-001 ...). */
function hardCases(rng) {
  const at = (name) => locate(rng, placeByName(name), 0);
  return [
    { // Tolerated, absolute work ban (identity not clarified): only volunteering fits.
      languages: [lang('ka', 'C2'), lang('ru', 'B1'), lang('de', 'A2')],
      experience: [{ occupation: { isco: '7112' }, years: 6 }],
      skills: ['Trockenbau', 'Fliesen legen'], desired_occupations: [{ isco: '7112' }, { isco: '9214' }],
      school: 'upper_secondary', birth_year: 1984, location: at('Mönchengladbach'),
      mobility: { max_commute_minutes: 45, driving_license: [], car: false, willing_to_relocate: false },
      work_permit: { status: 'toleration', work_ban: 'absolute', approval_required: true },
      availability: { shift_ok: true, night_ok: false, weekend_ok: true }, audit: { gender: 'm', nationality: 'GE' },
    },
    { // Asylum seeker, temporary ban to 2027-03-01: apprenticeships from August 2027 fit.
      languages: [lang('fa', 'C2'), lang('de', 'A1'), lang('en', 'A2')],
      experience: [{ occupation: { title: 'Mithilfe in der Elektrowerkstatt des Onkels' }, years: 2 }],
      skills: ['handwerkliches Geschick', 'Kabel verlegen'], desired_occupations: [{ isco: '7411' }, { isco: '7126' }],
      school: 'lower_secondary', birth_year: 2006, location: at('Krefeld'),
      mobility: { max_commute_minutes: 60, driving_license: [], car: false },
      work_permit: { status: 'asylum_pending', work_ban: 'temporary', work_ban_until: '2027-03-01', approval_required: true },
      availability: { available_from: '2027-03-02', shift_ok: true, night_ok: true, weekend_ok: true }, audit: { gender: 'm', nationality: 'AF' },
    },
    { // Syrian nurse, partial recognition, German A2, in Viersen without a car.
      languages: [lang('ar', 'C2'), lang('de', 'A2'), lang('en', 'B1')],
      qualifications: [{ occupation: { isco: '2221' }, level: 'expert', country: 'SY', recognition: 'partial', years: 4 }],
      experience: [{ occupation: { isco: '2221' }, years: 7 }],
      skills: ['Wundversorgung', 'Medikamentengabe', 'Intensivpflege'], desired_occupations: [{ isco: '2221' }, { isco: '5321' }],
      school: 'tertiary', birth_year: 1989, location: at('Viersen'),
      mobility: { max_commute_minutes: 45, driving_license: [], car: false, willing_to_relocate: false },
      residence_obligation: { region: 'DE-NW', until: '2027-09-30' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { available_from: '2026-12-01', shift_ok: true, night_ok: true, weekend_ok: true }, audit: { gender: 'f', nationality: 'SY' },
    },
    { // Single mother, child under 3, no childcare yet.
      languages: [lang('ti', 'C2'), lang('de', 'A2')],
      experience: [{ occupation: { isco: '9112' }, years: 1 }, { occupation: { isco: '7531' }, years: 3 }],
      skills: ['Nähen', 'Reinigung'], desired_occupations: [{ isco: '9112' }, { isco: '7531' }, { isco: '5311' }],
      school: 'primary', birth_year: 1997, location: at('Krefeld'),
      mobility: { max_commute_km: 10, driving_license: [], car: false, willing_to_relocate: false },
      residence_obligation: { region: 'DE-NW', until: '2028-03-31' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { max_hours_per_week: 20, shift_ok: false, night_ok: false, weekend_ok: false },
      family: { children_under_3: 1, children_school_age: 1, childcare_arranged: false, single_parent: true }, audit: { gender: 'f', nationality: 'ER' },
    },
    { // Mother of three school children, childcare arranged, part time.
      languages: [lang('fa', 'C2'), lang('de', 'B1')],
      qualifications: [{ occupation: { isco: '5141' }, level: 'skilled', country: 'AF', recognition: 'not_applied', years: 2 }],
      experience: [{ occupation: { isco: '5141' }, years: 8 }],
      skills: ['Haarschnitt', 'Färben', 'Kundenberatung'], desired_occupations: [{ isco: '5141' }, { isco: '5312' }],
      school: 'lower_secondary', birth_year: 1987, location: at('Mönchengladbach'),
      mobility: { max_commute_minutes: 30, driving_license: [], car: false },
      residence_obligation: { region: 'DE-NW', until: '2026-06-30' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { max_hours_per_week: 30, min_hours_per_week: 15, shift_ok: false, night_ok: false, weekend_ok: false },
      family: { children_under_3: 0, children_school_age: 3, childcare_arranged: true, single_parent: false }, audit: { gender: 'f', nationality: 'AF' },
    },
    { // Wheelchair user with IT background.
      languages: [lang('ar', 'C2'), lang('de', 'B1'), lang('en', 'B2')],
      qualifications: [{ occupation: { isco: '3512' }, level: 'skilled', country: 'IQ', recognition: 'pending', years: 3 }],
      experience: [{ occupation: { isco: '3512' }, years: 4 }],
      skills: ['Windows', 'Netzwerke', 'Active Directory', 'Hardware'], desired_occupations: [{ isco: '3512' }, { isco: '2512' }],
      school: 'upper_secondary', birth_year: 1994, location: at('Wuppertal'),
      mobility: { max_commute_minutes: 40, driving_license: [], car: false, willing_to_relocate: false },
      residence_obligation: { region: 'DE-NW', until: '2028-11-30' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { shift_ok: false, night_ok: false, weekend_ok: false },
      health: { max_physical_demand: 'low', needs_accessible_workplace: true }, audit: { gender: 'm', nationality: 'IQ' },
    },
    { // Residence obligation, willing to relocate, truck driver.
      languages: [lang('ar', 'C2'), lang('de', 'A2')],
      qualifications: [{ occupation: { isco: '8332' }, level: 'skilled', country: 'SY', recognition: 'not_applied', years: 2 }],
      experience: [{ occupation: { isco: '8332' }, years: 10 }],
      skills: ['Führerschein CE', 'Ladungssicherung'], desired_occupations: [{ isco: '8332' }, { isco: '8321' }],
      school: 'lower_secondary', birth_year: 1981, location: at('Nettetal'),
      mobility: { max_commute_km: 40, driving_license: ['B', 'C', 'CE'], car: true, willing_to_relocate: true },
      residence_obligation: { region: 'DE-NW', until: '2028-06-30' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { available_from: '2026-12-01', shift_ok: true, night_ok: true, weekend_ok: true }, audit: { gender: 'm', nationality: 'SY' },
    },
    { // Residence obligation, willing to relocate, young, wants an apprenticeship anywhere.
      languages: [lang('ti', 'C2'), lang('de', 'B1'), lang('en', 'A2')],
      skills: ['Teamarbeit', 'Fußball'], desired_occupations: [{ isco: '7231' }, { isco: '4321' }],
      school: 'intermediate', birth_year: 2004, location: at('Kempen'),
      mobility: { max_commute_minutes: 60, driving_license: [], car: false, willing_to_relocate: true },
      residence_obligation: { region: 'DE-NW', until: '2029-02-28' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { available_from: '2027-08-01' }, audit: { gender: 'm', nationality: 'ER' },
    },
    { // Ukrainian teacher, recognition pending, residence obligation expired.
      languages: [lang('uk', 'C2'), lang('ru', 'C2'), lang('de', 'B1'), lang('en', 'B1')],
      qualifications: [{ occupation: { ...TEACHER }, level: 'expert', country: 'UA', recognition: 'pending', years: 5 }],
      experience: [{ occupation: { ...TEACHER }, years: 12 }],
      skills: ['Unterricht', 'Mathematik', 'Mehrsprachigkeit'], desired_occupations: [{ isco: '5312' }, { isco: '2342' }, { isco: '2643' }],
      school: 'tertiary', birth_year: 1980, location: at('Willich'),
      mobility: { max_commute_km: 25, driving_license: ['B'], car: true, willing_to_relocate: false },
      residence_obligation: { region: 'DE-NW', until: '2026-03-31' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { max_hours_per_week: 30, shift_ok: false, night_ok: false, weekend_ok: false },
      family: { children_under_3: 0, children_school_age: 1, childcare_arranged: true, single_parent: true }, audit: { gender: 'f', nationality: 'UA' },
    },
    { // Syrian doctor, partial recognition, German B2 (needs C1 medical).
      languages: [lang('ar', 'C2'), lang('de', 'B2'), lang('en', 'C1')],
      qualifications: [{ occupation: { isco: '2211' }, level: 'expert', country: 'SY', recognition: 'partial', years: 6 }],
      experience: [{ occupation: { isco: '2211' }, years: 5 }],
      skills: ['Innere Medizin', 'Notfallmedizin', 'Diagnostik'], desired_occupations: [{ isco: '2211' }],
      school: 'tertiary', birth_year: 1990, location: at('Wuppertal'),
      mobility: { max_commute_minutes: 60, driving_license: ['B'], car: false, willing_to_relocate: true },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { shift_ok: true, night_ok: true, weekend_ok: true }, audit: { gender: 'm', nationality: 'SY' },
    },
    { // Tolerated young man with approval needed: apprenticeship (training toleration) is the route.
      languages: [lang('ku', 'C2'), lang('ar', 'B2'), lang('de', 'A2')],
      experience: [{ occupation: { isco: '9412' }, years: 1 }],
      skills: ['Küche', 'Hygiene'], desired_occupations: [{ isco: '5120' }, { isco: '7512' }],
      school: 'lower_secondary', birth_year: 2003, location: at('Viersen'),
      mobility: { max_commute_minutes: 45, driving_license: [], car: false },
      work_permit: { status: 'toleration', work_ban: 'none', approval_required: true },
      availability: { shift_ok: true, night_ok: true, weekend_ok: true }, audit: { gender: 'm', nationality: 'IQ' },
    },
    { // Young wheelchair user, office wishes.
      languages: [lang('so', 'C2'), lang('de', 'B1'), lang('en', 'B1')],
      skills: ['MS Office', 'Mehrsprachigkeit'], desired_occupations: [{ isco: '4110' }, { isco: '4222' }],
      school: 'intermediate', birth_year: 2001, location: at('Viersen'),
      mobility: { max_commute_minutes: 40, driving_license: [], car: false },
      residence_obligation: { region: 'DE-NW', until: '2027-05-31' },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      health: { max_physical_demand: 'low', needs_accessible_workplace: true }, audit: { gender: 'f', nationality: 'SO' },
    },
    { // Groningen: status holder, wants a BBL learning job in logistics.
      languages: [lang('ti', 'C2'), lang('nl', 'A2'), lang('en', 'A2')],
      experience: [{ occupation: { isco: '9333' }, years: 1 }],
      skills: ['orderpicken', 'teamwork'], desired_occupations: [{ isco: '4321' }, { isco: '9333' }, { isco: '8344' }],
      school: 'lower_secondary', birth_year: 2002, location: at('Groningen'),
      mobility: { max_commute_minutes: 45, driving_license: [], car: false, willing_to_relocate: false },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { available_from: '2026-12-01', shift_ok: true, night_ok: false, weekend_ok: true }, audit: { gender: 'm', nationality: 'ER' },
    },
    { // Groningen wheelchair user, accountant.
      languages: [lang('ar', 'C2'), lang('nl', 'B1'), lang('en', 'B2')],
      qualifications: [{ occupation: { isco: '2411' }, level: 'expert', country: 'SY', recognition: 'full', years: 4 }],
      experience: [{ occupation: { isco: '2411' }, years: 6 }],
      skills: ['boekhouden', 'Excel', 'Exact'], desired_occupations: [{ isco: '2411' }, { isco: '4110' }],
      school: 'tertiary', birth_year: 1986, location: at('Groningen'),
      mobility: { max_commute_km: 15, driving_license: [], car: false },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      health: { max_physical_demand: 'low', needs_accessible_workplace: true }, audit: { gender: 'f', nationality: 'SY' },
    },
    { // Leek: Syrian nurse in the Dutch BIG procedure.
      languages: [lang('ar', 'C2'), lang('nl', 'B1'), lang('en', 'B1')],
      qualifications: [{ occupation: { isco: '2221' }, level: 'skilled', country: 'SY', recognition: 'pending', years: 3 }],
      experience: [{ occupation: { isco: '2221' }, years: 4 }, { occupation: { isco: '5321' }, years: 1 }],
      skills: ['wondzorg', 'medicatie'], desired_occupations: [{ isco: '2221' }, { isco: '3221' }],
      school: 'upper_secondary', birth_year: 1992, location: at('Leek'),
      mobility: { max_commute_km: 30, driving_license: ['B'], car: true, willing_to_relocate: false },
      work_permit: { status: 'residence_permit', work_ban: 'none' },
      availability: { max_hours_per_week: 28, shift_ok: true, night_ok: false, weekend_ok: true },
      family: { children_under_3: 1, children_school_age: 0, childcare_arranged: true, single_parent: false }, audit: { gender: 'f', nationality: 'SY' },
    },
  ];
}

export const HARD_CASES = [
  'P-001 tolerated, absolute work ban (only volunteering fits), Mönchengladbach',
  'P-002 asylum pending, temporary work ban until 2027-03-01, wants an electrician apprenticeship, Krefeld',
  'P-003 Syrian nurse, partial recognition, German A2, Viersen, no car',
  'P-004 single mother, child under 3, no childcare, 20 h/week, Krefeld',
  'P-005 mother of three, childcare arranged, 15-30 h/week, no shifts or weekends, Mönchengladbach',
  'P-006 wheelchair user, IT support background, Wuppertal',
  'P-007 truck driver (CE) with residence obligation until 2028, willing to relocate, Nettetal',
  'P-008 young person with residence obligation, willing to relocate, apprenticeship from 2027-08-01, Kempen',
  'P-009 Ukrainian teacher, recognition pending, residence obligation expired, single parent, Willich',
  'P-010 Syrian doctor, partial recognition, German B2, Wuppertal',
  'P-011 tolerated, approval required, wants a cook or baker apprenticeship, Viersen',
  'P-012 young wheelchair user, office work, Viersen',
  'P-013 status holder in Groningen, wants a BBL learning job in logistics',
  'P-014 wheelchair user in Groningen, accountant with full recognition',
  'P-015 Syrian nurse in the Dutch BIG procedure, part time, Leek',
];

const FIELD_ORDER = [
  'id', 'languages', 'qualifications', 'experience', 'skills', 'desired_occupations', 'school',
  'birth_year', 'location', 'mobility', 'residence_obligation', 'work_permit', 'availability',
  'family', 'health', 'audit',
];
export const PROFILE_FIELDS = FIELD_ORDER;

function order(rec) {
  const out = {};
  for (const k of FIELD_ORDER) if (rec[k] !== undefined && rec[k] !== null) out[k] = rec[k];
  return out;
}
