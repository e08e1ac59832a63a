// Synthetic opportunities: vacancies, apprenticeships, internships, volunteering and
// training, spread over the sample regions by exact quotas.

import { OCCUPATIONS, OCC, PAY, INTERPRETER_LANGS } from './catalogue.mjs';
import { PLACES, locate } from './places.mjs';
import { Employers } from './employers.mjs';
import { quotas } from './prng.mjs';
import { addDays } from './dates.mjs';
import { parseEntry, titleDe, titleNl, titleEn, apprenticeshipDe, apprenticeshipNl } from './titles.mjs';

export const KIND_COUNTS = { vacancy: 222, apprenticeship: 118, internship: 34, volunteering: 30, training: 36 };
const PREFIX = { vacancy: 'V', apprenticeship: 'A', internship: 'I', volunteering: 'E', training: 'T' };
const CEFR = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2'];
const DUPLICATES = 12; // vacancies re-posted in a second feed under another id
const UNCLASSIFIED_SHARE = 0.1; // opportunities that come with a title only

export function generateOpportunities(rng, ref) {
  const employers = new Employers();
  const ctx = { rng, ref, employers };
  const out = [];
  for (const [kind, count] of Object.entries(KIND_COUNTS)) {
    const places = quotas(rng, PLACES.map((p) => [p, p.weight]), count);
    const dupSlots = kind === 'vacancy' ? new Set(rng.sample(range(60, count), DUPLICATES)) : new Set();
    const made = [];
    for (let i = 0; i < count; i++) {
      const id = `${PREFIX[kind]}-${String(i + 1).padStart(4, '0')}`;
      let rec;
      if (dupSlots.has(i)) rec = duplicate(ctx, id, made);
      else if (kind === 'vacancy') rec = vacancy(ctx, id, places[i]);
      else if (kind === 'apprenticeship') rec = apprenticeship(ctx, id, places[i]);
      else if (kind === 'internship') rec = internship(ctx, id, places[i]);
      else if (kind === 'volunteering') rec = volunteering(ctx, id, places[i]);
      else rec = training(ctx, id, places[i]);
      made.push(rec);
    }
    out.push(...made);
  }
  // Some feeds carry no classification: the engine has to classify these by title.
  const classifiable = out.filter((o) => o.occupation && ['vacancy', 'apprenticeship', 'internship'].includes(o.kind));
  for (const o of rng.sample(classifiable, Math.round(out.length * UNCLASSIFIED_SHARE))) delete o.occupation;
  return out.map(order);
}

const range = (a, b) => Array.from({ length: b - a }, (_, i) => a + i);
const hostLang = (country) => (country === 'DE' ? 'de' : 'nl');
const step = (level, d) => CEFR[Math.max(0, Math.min(4, CEFR.indexOf(level) + d))];
const round10 = (x) => Math.round(x / 10) * 10;

/** Sets a boolean with probability pTrue, or leaves it out (unknown) with probability pOmit. */
function flag(rng, rec, field, pTrue, pOmit = 0.15) {
  if (rng.chance(pOmit)) return;
  rec[field] = rng.chance(pTrue);
}

function posted(ctx) {
  return addDays('2026-09-01', ctx.rng.int(0, 82)); // 2026-09-01 .. 2026-11-22
}

function deadline(ctx, postedDate, { absent = 0.35, passed = 0.07, from = 7, to = 120 } = {}) {
  const { rng, ref } = ctx;
  if (rng.chance(absent)) return undefined;
  if (rng.chance(passed)) {
    const d = addDays(ref, -rng.int(1, 30));
    return d > postedDate ? d : addDays(postedDate, 7) < ref ? addDays(postedDate, 7) : addDays(ref, -1);
  }
  return addDays(ref, rng.int(from, to));
}

function positions(rng, max = 5) {
  return Math.min(max, rng.weighted([[1, 55], [2, 20], [3, 12], [4, 7], [5, 6]]));
}

function source(rng, country, kind) {
  if (kind === 'volunteering') return 'kommune';
  const feed = country === 'DE' ? 'ba-jobboerse' : 'werk.nl';
  if (kind === 'training') return rng.chance(0.5) ? 'kommune' : feed;
  return rng.chance(0.85) ? feed : 'kommune';
}

function pickTitleEntry(rng, o, country, allowEn = true) {
  if (allowEn && o.en && rng.chance(o.enShare ?? 0.12)) return { lang: 'en', entry: rng.pick(o.en) };
  return { lang: hostLang(country), entry: rng.pick(country === 'DE' ? o.de : o.nl) };
}

function formatTitle(rng, lang, e, country) {
  if (lang === 'de') return titleDe(rng, e);
  if (lang === 'nl') return titleNl(rng, e);
  return titleEn(rng, e, country);
}

function occupationField(rng, o, level, country, pKldb = 0.45) {
  const occupation = { isco: o.isco };
  const codes = o.kldb?.[level];
  if (country === 'DE' && codes && rng.chance(pKldb)) occupation.kldb = rng.pick(codes);
  return occupation;
}

function skillsFor(rng, o, lang) {
  const list = o.skills[lang] || o.skills.de;
  const picked = rng.sample(list, Math.min(list.length, rng.int(2, 4)));
  if (lang !== 'en' && o.skills.en && rng.chance(0.15)) picked.push(rng.pick(o.skills.en));
  return picked;
}

function hoursFor(rng, country, partTimeP) {
  if (rng.chance(partTimeP)) return rng.pick([[15, 20], [20, 25], [20, 30], [25, 30], [15, 30]]);
  return country === 'DE' ? rng.pick([[38, 40], [39, 40], [35, 40], [40, 40], [38.5, 38.5]]) : rng.pick([[32, 40], [36, 38], [38, 40], [36, 40]]);
}

function pay(rng, o, level, hours) {
  const band = level === o.level && o.pay ? o.pay : PAY[level];
  const full = rng.int(band[0], band[1]);
  const share = hours ? Math.min(1, hours[1] / 40) : 1;
  return round10(full * share);
}

function describe(lang, kind, place, extras) {
  const bits = {
    de: {
      vacancy: `Wir suchen zum nächstmöglichen Zeitpunkt Verstärkung für unser Team in ${place}.`,
      internship: `Lernen Sie den Beruf in unserem Betrieb in ${place} in der Praxis kennen.`,
      support: 'Wir unterstützen Sie mit berufsbezogenem Deutschunterricht.',
      recognition: 'Wir begleiten Sie im Anerkennungsverfahren Ihres ausländischen Abschlusses.',
      newcomers: 'Quereinsteiger und Menschen mit Fluchterfahrung sind willkommen.',
      childcare: 'Betriebliche Kinderbetreuung bzw. Zuschuss zur Kita ist möglich.',
    },
    nl: {
      vacancy: `Voor ons team in ${place} zoeken wij per direct een nieuwe collega.`,
      internship: `Maak in ${place} kennis met het vak in de praktijk.`,
      support: 'Wij bieden taalondersteuning op de werkvloer.',
      recognition: 'Wij begeleiden je bij de erkenning van je buitenlandse diploma.',
      newcomers: 'Statushouders en zij-instromers worden van harte uitgenodigd.',
      childcare: 'Tegemoetkoming in de kosten van kinderopvang is mogelijk.',
    },
    en: {
      vacancy: `We are looking for a new colleague for our team in ${place}.`,
      internship: `Get to know the job in practice at our site in ${place}.`,
      support: 'We offer job-related language training.',
      recognition: 'We support the recognition of foreign qualifications.',
      newcomers: 'Career changers and newcomers are welcome.',
      childcare: 'Support with childcare costs is available.',
    },
  }[lang];
  return [bits[kind] || bits.vacancy, ...extras.map((k) => bits[k])].join(' ');
}

function conditions(ctx, rec, o, { nightFactor = 1 } = {}) {
  const { rng } = ctx;
  flag(rng, rec, 'shift_work', o.shift ?? 0.2);
  flag(rng, rec, 'night_work', (o.night ?? 0.05) * nightFactor);
  flag(rng, rec, 'weekend_work', o.weekend ?? 0.2);
  flag(rng, rec, 'flexible_hours', o.flexible ?? 0.15, 0.3);
  if (rng.chance(o.childcare ?? 0.06)) rec.childcare_support = true;
  else if (rng.chance(0.5)) rec.childcare_support = false;
  if (o.license) {
    if (o.license.length > 1) rec.driving_license = rng.weighted(o.license);
    else if (rng.chance(o.license[0][1])) rec.driving_license = o.license[0][0];
  }
  if (!rng.chance(0.1)) {
    const levels = ['low', 'medium', 'high'];
    const i = levels.indexOf(o.demand) + (rng.chance(0.15) ? rng.pick([-1, 1]) : 0);
    rec.physical_demand = levels[Math.max(0, Math.min(2, i))];
  }
  if (rng.chance(o.accessibleP ?? 0.15)) rec.accessible = true;
  else if (rng.chance(0.5)) rec.accessible = false;
}

function languageReqs(ctx, o, country, titleLang, level, regulated) {
  const { rng } = ctx;
  const host = hostLang(country);
  const reqs = [];
  if (titleLang === 'en') {
    reqs.push({ language: 'en', min_level: o.enLevel || 'B1' });
    if (rng.chance(0.4)) reqs.push({ language: host, min_level: 'A2' });
  } else if (!(level === 'helper' && rng.chance(o.noLang ?? 0.05))) {
    let base = o.lang[country];
    if (!regulated) {
      if (level === 'helper' && CEFR.indexOf(base) > 1) base = 'A2';
      const r = rng.next();
      if (r < 0.2) base = step(base, -1);
      else if (r < 0.3) base = step(base, 1);
    }
    reqs.push({ language: host, min_level: base });
    if (o.enReq && rng.chance(o.enReq)) reqs.push({ language: 'en', min_level: o.enLevel || 'A2' });
  }
  return reqs;
}

function qualificationFor(rng, level, regulated) {
  if (rng.chance(0.12)) return undefined;
  if (regulated && level !== 'helper') return { required: true, regulated: true, recognition_required: 'full' };
  if (level === 'helper') return { required: false, regulated: false };
  const q = { required: rng.chance(0.65), regulated: false };
  if (q.required && rng.chance(0.1)) q.recognition_required = 'partial';
  return q;
}

function vacancy(ctx, id, place) {
  const { rng, ref } = ctx;
  const o = rng.weighted(OCCUPATIONS.map((x) => [x, x.vacW]));
  const country = place.country;
  let { lang, entry } = pickTitleEntry(rng, o, country);
  const e = parseEntry(entry);
  const level = e.opts.level || o.level;
  const regulated = e.opts.regulated ?? o.regulated?.[country] ?? false;
  let title = formatTitle(rng, lang, e, country);
  // Nursing employers hiring foreign-trained nurses while recognition is completed.
  const inRecognition = o.isco === '2221' && lang !== 'en' && rng.chance(0.25);
  if (inRecognition) {
    title = country === 'DE'
      ? rng.pick(['Pflegefachkraft in Anerkennung (m/w/d)', 'Pflegefachkraft mit ausländischem Abschluss (Anerkennungsverfahren) (m/w/d)', 'Pflegefachkraft*in in Anerkennung'])
      : rng.pick(['Verpleegkundige met buitenlands diploma (BIG-traject)', 'Verpleegkundige in erkenningstraject (m/v/x)']);
  }
  const interp = o.interpreter ? rng.pick(INTERPRETER_LANGS) : null;
  if (interp) title = title.replace(/^(\S+)/, `$1 ${country === 'DE' ? interp[1] : interp[2]}`);

  const rec = { id, kind: 'vacancy', title };
  const extras = [];
  rec.occupation = occupationField(rng, o, level, country);
  rec.level = level;
  rec.skills = skillsFor(rng, o, lang);
  let reqs = languageReqs(ctx, o, country, lang, level, regulated);
  if (inRecognition) reqs = [{ language: hostLang(country), min_level: 'B1' }];
  if (interp) reqs.push({ language: interp[0], min_level: 'C1' });
  if (o.isco === '4222' && lang === 'en') reqs.push({ language: title.includes('Ukrainian') ? 'uk' : 'ar', min_level: 'C1' });
  if (reqs.length) rec.language_requirements = reqs;
  const support = inRecognition ? true : rng.chance(0.3) ? true : rng.chance(0.65) ? false : undefined;
  if (support !== undefined) rec.language_support = support;
  if (support) extras.push('support');
  const q = inRecognition ? { required: true, regulated: true, recognition_required: 'partial' } : qualificationFor(rng, level, regulated);
  if (q) rec.qualification = q;
  if (regulated && level !== 'helper' && (o.sector === 'hospital' || o.sector === 'care')) {
    const partner = inRecognition || rng.chance(0.35);
    rec.recognition_partnership = partner;
    if (partner) extras.push('recognition');
  }
  rec.location = locate(rng, place);
  if (o.remote && rng.chance(o.remote)) rec.remote = true;
  else if (o.sector === 'it' && rng.chance(0.5)) rec.remote = false;
  const hours = rng.chance(0.1) ? null : hoursFor(rng, country, o.partTime ?? 0.15);
  if (hours) rec.hours_per_week = { min: hours[0], max: hours[1] };
  conditions(ctx, rec, o);
  if (rec.childcare_support) extras.push('childcare');
  if (rng.chance(0.7)) rec.monthly_gross_eur = pay(rng, o, level, hours);
  if (rng.chance(0.55)) rec.start_date = rng.weighted([['2026-12-01', 4], ['2027-01-01', 4], ['2027-02-01', 3], ['2027-03-01', 2], ['2026-12-15', 1]]);
  rec.posted_date = posted(ctx);
  const dl = deadline(ctx, rec.posted_date);
  if (dl) rec.application_deadline = dl;
  rec.open_positions = positions(rng);
  rec.employer = ctx.employers.pick(rng, o.sector, place);
  rec.source = source(rng, country, 'vacancy');
  if (rng.chance(0.3)) extras.push('newcomers');
  rec.description = describe(lang, 'vacancy', place.name, extras);
  return rec;
}

function duplicate(ctx, id, made) {
  const { rng } = ctx;
  const pool = made.filter((r) => r.source !== 'kommune' && !r._dup);
  const orig = rng.pick(pool);
  const copy = structuredClone(orig);
  copy.id = id;
  copy.source = 'kommune';
  copy._dup = orig.id;
  const later = addDays(orig.posted_date, rng.int(1, 6));
  if (later < ctx.ref) copy.posted_date = later;
  return copy;
}

function apprenticeship(ctx, id, place) {
  const { rng } = ctx;
  const country = place.country;
  const candidates = OCCUPATIONS.filter((o) => o.appr && (country === 'DE' ? o.appr.de : o.appr.nl));
  const o = rng.weighted(candidates.map((x) => [x, x.vacW + 2]));
  const e = parseEntry(rng.pick(country === 'DE' ? o.appr.de : o.appr.nl));
  const level = o.isco === '5321' ? 'helper' : 'skilled';
  const regulated = o.regulated?.[country] ?? false;
  const rec = { id, kind: 'apprenticeship', title: country === 'DE' ? apprenticeshipDe(rng, e) : apprenticeshipNl(rng, e) };
  const lang = hostLang(country);
  rec.occupation = occupationField(rng, o, level, country, 0.5);
  rec.level = level;
  rec.skills = skillsFor(rng, o, lang).slice(0, 2).concat(rng.sample(country === 'DE' ? ['Zuverlässigkeit', 'Motivation', 'Teamfähigkeit', 'Lernbereitschaft'] : ['motivatie', 'betrouwbaarheid', 'leergierig'], 1));
  const host = country === 'DE'
    ? rng.weighted([['B1', 6], ['A2', 3], ['B2', ['2221', '3256', '2342'].includes(o.isco) ? 4 : 0.5]])
    : rng.weighted([['A2', 5], ['B1', 5]]);
  rec.language_requirements = [{ language: lang, min_level: host }];
  if (o.isco === '2512' || o.isco === '3512') rec.language_requirements.push({ language: 'en', min_level: 'A2' });
  const support = host === 'A2' ? rng.chance(0.55) : rng.chance(0.2);
  if (!rng.chance(0.15) || support) rec.language_support = support;
  rec.qualification = { required: false, regulated };
  if (!rng.chance(0.15)) rec.min_school = rng.pick(o.appr.school);
  rec.location = locate(rng, place);
  const partTime = rng.chance(0.06);
  const hours = partTime ? [25, 30] : country === 'DE' ? rng.pick([[39, 40], [38, 40], [40, 40]]) : rng.pick([[24, 32], [32, 38], [32, 36]]);
  rec.hours_per_week = { min: hours[0], max: hours[1] };
  conditions(ctx, rec, o, { nightFactor: 0.3 });
  rec.monthly_gross_eur = round10(rng.int(1000, o.isco === '2221' ? 1340 : 1300) * (partTime ? 0.75 : 1));
  rec.start_date = country === 'DE' ? rng.weighted([['2027-08-01', 7], ['2027-09-01', 3]]) : '2027-09-01';
  rec.posted_date = posted(ctx);
  if (!rng.chance(0.3)) {
    rec.application_deadline = rng.chance(0.05)
      ? rng.pick(['2026-10-31', '2026-11-15'])
      : addDays('2026-12-15', rng.int(0, 197)); // up to 2027-06-30
    if (rec.application_deadline <= rec.posted_date) rec.application_deadline = addDays(rec.posted_date, 14);
  }
  rec.open_positions = positions(rng, 3);
  rec.employer = ctx.employers.pick(rng, o.sector, place);
  rec.source = source(rng, country, 'apprenticeship');
  rec.description = country === 'DE'
    ? `Duale Ausbildung in ${place.name}, Beginn ${rec.start_date}. Berufsschule und Betrieb im Wechsel.${support ? ' Ausbildungsbegleitende Hilfen und Deutschförderung inklusive.' : ''}${partTime ? ' Ausbildung in Teilzeit möglich.' : ''}`
    : `Leren en werken (BBL) in ${place.name}: vier dagen werken, één dag school.${support ? ' Met taalondersteuning.' : ''}`;
  return rec;
}

function internship(ctx, id, place) {
  const { rng } = ctx;
  const country = place.country;
  const o = rng.weighted(OCCUPATIONS.filter((x) => x.internW > 0).map((x) => [x, x.internW]));
  const { lang, entry } = pickTitleEntry(rng, o, country);
  const e = parseEntry(entry);
  let title;
  if (lang === 'de') {
    title = rng.weighted([
      [`Praktikum ${titleDe(rng, e)}`, 4],
      [`Orientierungspraktikum ${e.m}${e.rest} (m/w/d)`, 2],
      [`Praktikant/in ${o.label === 'IT support' ? 'IT-Support' : e.m + e.rest} (m/w/d)`, 1],
      [`Schnupperpraktikum ${e.m}${e.rest}`, 1],
    ]);
  } else if (lang === 'nl') {
    const lower = e.m.charAt(0).toLowerCase() + e.m.slice(1);
    title = rng.weighted([[`Stage ${e.m}${e.rest}`, 3], [`Snuffelstage ${lower}${e.rest}`, 2], [`Werkervaringsplaats ${lower}${e.rest}`, 2]]);
  } else {
    title = `Internship: ${e.m}${e.rest}`;
  }
  const rec = { id, kind: 'internship', title };
  rec.occupation = occupationField(rng, o, o.level, country, 0.3);
  if (!rng.chance(0.3)) rec.level = 'helper';
  rec.skills = skillsFor(rng, o, lang).slice(0, 3);
  const reqs = lang === 'en'
    ? [{ language: 'en', min_level: 'B1' }]
    : [{ language: hostLang(country), min_level: rng.weighted([['A1', 2], ['A2', 5], ['B1', 3]]) }];
  if (!rng.chance(0.1)) rec.language_requirements = reqs;
  flagSupport(rng, rec, 0.3);
  rec.qualification = { required: false, regulated: false };
  rec.location = locate(rng, place);
  const hours = rng.pick([[20, 30], [30, 40], [38, 40], [20, 25]]);
  rec.hours_per_week = { min: hours[0], max: hours[1] };
  conditions(ctx, rec, o, { nightFactor: 0 });
  if (rng.chance(0.4)) rec.monthly_gross_eur = rng.step(300, 900, 50);
  if (rng.chance(0.7)) rec.start_date = rng.pick(['2026-12-01', '2027-01-04', '2027-02-01', '2027-03-01', '2027-04-01']);
  rec.posted_date = posted(ctx);
  const dl = deadline(ctx, rec.posted_date, { absent: 0.5 });
  if (dl) rec.application_deadline = dl;
  rec.open_positions = positions(rng, 3);
  rec.employer = ctx.employers.pick(rng, o.sector, place);
  rec.source = source(rng, country, 'internship');
  rec.description = describe(lang, 'internship', place.name, rec.language_support ? ['support', 'newcomers'] : ['newcomers']);
  return rec;
}

function flagSupport(rng, rec, p) {
  if (rng.chance(p)) rec.language_support = true;
  else if (rng.chance(0.6)) rec.language_support = false;
}

const VOLUNTEERING = [
  { isco: '5312', de: 'Ehrenamtliche Hausaufgabenhilfe für Grundschulkinder', nl: 'Vrijwilliger huiswerkbegeleiding', lang: 'B1', skills: ['Geduld', 'Hausaufgabenhilfe'] },
  { isco: '2643', de: 'Ehrenamtliche Sprachmittler*innen {L}', nl: 'Vrijwillige tolk {L}', lang: 'A2', interp: true, skills: ['Dolmetschen', 'Verschwiegenheit'] },
  { isco: '5321', de: 'Besuchsdienst und Seniorenbegleitung (Ehrenamt)', nl: 'Vrijwilliger ouderenbezoek', lang: 'A2', skills: ['Empathie', 'Zuhören'] },
  { isco: '5131', de: 'Mithilfe im Begegnungscafé (ehrenamtlich)', nl: 'Vrijwilliger taalcafé', lang: 'A1', skills: ['Gastfreundschaft', 'Kaffeeküche'] },
  { isco: '9214', de: 'Gemeinschaftsgarten: Gärtnern im Ehrenamt', nl: 'Vrijwilliger buurtmoestuin', lang: null, skills: ['Gartenarbeit', 'Teamarbeit'] },
  { isco: '9333', de: 'Ehrenamtliche Helfer*innen Lebensmittelausgabe', nl: 'Vrijwilliger voedselhulp (sorteren en uitgeven)', lang: 'A1', skills: ['Sortieren', 'Ausgabe'] },
  { isco: '5223', de: 'Kleiderkammer: Sortieren und Ausgabe (Ehrenamt)', nl: 'Vrijwilliger kringloopwinkel', lang: 'A1', skills: ['Sortieren', 'Kundenkontakt'] },
  { isco: '7411', de: 'Repair-Café: Elektrogeräte reparieren (Ehrenamt)', nl: 'Vrijwilliger repair café', lang: 'A2', skills: ['Reparatur', 'Elektrik'] },
  { isco: '5311', de: 'Kinderbetreuung während der Sprachkurse (Ehrenamt)', nl: 'Vrijwilliger kinderactiviteiten', lang: 'A2', skills: ['Kinderbetreuung', 'Spiele'] },
  { isco: '8321', de: 'Fahrdienst für Seniorinnen und Senioren (Ehrenamt)', nl: 'Vrijwillig chauffeur ouderenvervoer', lang: 'A2', license: 'B', skills: ['Führerschein B', 'Zuverlässigkeit'] },
  { isco: '4110', de: 'Unterstützung im Büro der Flüchtlingsberatung (Ehrenamt)', nl: 'Vrijwilliger administratie vluchtelingenwerk', lang: 'B1', skills: ['MS Office', 'Ablage'] },
];

function volunteering(ctx, id, place) {
  const { rng } = ctx;
  const country = place.country;
  const v = rng.pick(VOLUNTEERING);
  const interp = v.interp ? rng.pick(INTERPRETER_LANGS) : null;
  let title = country === 'DE' ? v.de : v.nl;
  if (interp) title = title.replace('{L}', country === 'DE' ? interp[1] : interp[2]);
  const rec = { id, kind: 'volunteering', title };
  rec.occupation = { isco: v.isco };
  if (rng.chance(0.6)) rec.level = 'helper';
  rec.skills = country === 'DE' ? v.skills : [rng.pick(OCC[v.isco].skills.nl)];
  const reqs = [];
  if (v.lang) reqs.push({ language: hostLang(country), min_level: v.lang });
  if (interp) reqs.push({ language: interp[0], min_level: 'C1' });
  if (reqs.length) rec.language_requirements = reqs;
  flagSupport(rng, rec, 0.35);
  rec.qualification = { required: false, regulated: false };
  rec.location = locate(rng, place);
  const hours = rng.pick([[2, 6], [4, 8], [3, 10], [2, 4]]);
  rec.hours_per_week = { min: hours[0], max: hours[1] };
  rec.flexible_hours = true;
  if (rng.chance(0.3)) rec.weekend_work = rng.chance(0.4);
  if (v.license) rec.driving_license = v.license;
  rec.physical_demand = ['9214', '9333'].includes(v.isco) ? 'medium' : 'low';
  if (rng.chance(0.45)) rec.accessible = true;
  rec.posted_date = posted(ctx);
  rec.open_positions = rng.int(2, 5);
  rec.employer = ctx.employers.pick(rng, 'volunteer', place);
  rec.source = 'kommune';
  rec.description = country === 'DE'
    ? `Ehrenamtliches Engagement in ${place.name}, keine Beschäftigung im arbeitsrechtlichen Sinn. Zeit nach Absprache.`
    : `Vrijwilligerswerk in ${place.name}, geen betaald werk. Tijden in overleg.`;
  return rec;
}

const TRAINING_DE = [
  { w: 10, kind: 'eq', isco: ['5321', '9333', '4321', '5223', '5120', '7411', '7126', '7131', '7231', '4110', '5131'] },
  { w: 6, kind: 'lang', isco: ['5321', '9333', '5120', '7411', '9329'], area: { 5321: 'Pflege', 9333: 'Lager und Logistik', 5120: 'Gastronomie', 7411: 'Elektrohandwerk', 9329: 'Produktion' } },
  { w: 4, kind: 'nurse' },
  { w: 1, kind: 'doctor' },
  { w: 2, kind: 'tq', isco: ['9333', '8219', '9329'] },
];
const TRAINING_NL = [
  { w: 5, kind: 'bbl', isco: ['9333', '5321', '3221', '7212', '7131', '5120'] },
  { w: 3, kind: 'entree', isco: ['9412', '9329', '5321', '9214'] },
  { w: 2, kind: 'taalstage', isco: ['5131', '9412', '9329', '9112'] },
  { w: 2, kind: 'big' },
];
const EQ_AREA = { 5321: 'Pflege und Betreuung', 9333: 'Lagerlogistik', 4321: 'Lagerlogistik', 5223: 'Einzelhandel', 5120: 'Küche', 7411: 'Elektrotechnik', 7126: 'Sanitär, Heizung, Klima', 7131: 'Maler und Lackierer', 7231: 'Kfz-Technik', 4110: 'Büromanagement', 5131: 'Gastronomie' };
const NL_AREA = { 9333: 'Logistiek', 5321: 'Zorg en welzijn', 3221: 'Verzorgende IG', 7212: 'Metaal', 7131: 'Schilderen', 5120: 'Horeca/keuken', 9412: 'Horeca', 9329: 'Productie', 9214: 'Groen', 5131: 'Horeca bediening', 9112: 'Schoonmaak' };

function training(ctx, id, place) {
  const { rng } = ctx;
  const country = place.country;
  const t = rng.weighted((country === 'DE' ? TRAINING_DE : TRAINING_NL).map((x) => [x, x.w]));
  const isco = t.isco ? rng.pick(t.isco) : t.kind === 'doctor' ? '2211' : '2221';
  const o = OCC[isco];
  const host = hostLang(country);
  const rec = { id, kind: 'training', title: '' };
  let level = 'helper';
  let reqs = [{ language: host, min_level: 'A2' }];
  let qual = { required: false, regulated: false };
  let hours = [30, 39];
  let gross;
  let start = rng.pick(['2026-12-01', '2027-02-01', '2027-03-01']);
  let sector = 'education';
  let desc;
  let support = rng.chance(0.5);
  switch (t.kind) {
    case 'eq':
      rec.title = `Einstiegsqualifizierung (EQ) ${EQ_AREA[isco]} (m/w/d)`;
      hours = rng.pick([[20, 30], [30, 39], [35, 40], [20, 40]]);
      reqs = [{ language: 'de', min_level: rng.weighted([['A2', 4], ['A1', 1], ['B1', 1]]) }];
      gross = rng.step(280, 450, 10);
      sector = o.sector;
      desc = `Betriebliches Langzeitpraktikum (6 bis 12 Monate) als Vorbereitung auf eine Ausbildung in ${place.name}.`;
      break;
    case 'lang':
      rec.title = rng.pick([`Berufssprachkurs mit Praktikum: ${t.area[isco]}`, `Sprachkurs + Praktikum ${t.area[isco]} (m/w/d)`]);
      hours = [25, 30];
      reqs = rng.chance(0.3) ? [] : [{ language: 'de', min_level: 'A1' }];
      support = true;
      desc = `Deutschunterricht am Vormittag, Praktikum im Betrieb am Nachmittag, in ${place.name}.`;
      break;
    case 'nurse':
      rec.title = rng.pick(['Anpassungslehrgang Pflege für internationale Pflegefachkräfte (m/w/d)', 'Vorbereitungskurs Kenntnisprüfung Pflege (m/w/d)', 'Anerkennungsqualifizierung Pflegefachkraft (m/w/d)']);
      level = 'skilled';
      reqs = [{ language: 'de', min_level: rng.weighted([['B1', 3], ['B2', 2]]) }];
      qual = { required: true, regulated: true, recognition_required: 'partial' };
      rec.recognition_partnership = true;
      hours = [38, 40];
      if (rng.chance(0.6)) gross = rng.step(2400, 2900, 50);
      start = rng.pick(['2027-01-15', '2027-04-01', '2027-03-01']);
      sector = rng.pick(['hospital', 'care', 'education']);
      support = true;
      desc = 'Für Pflegefachkräfte mit ausländischem Abschluss und Defizitbescheid: Theorie und Praxiseinsätze bis zur vollen Anerkennung.';
      break;
    case 'doctor':
      rec.title = 'Hospitation und Fachsprachkurs Medizin für Ärztinnen und Ärzte mit ausländischer Approbation';
      level = 'expert';
      reqs = [{ language: 'de', min_level: 'B2' }];
      qual = { required: true, regulated: true, recognition_required: 'partial' };
      hours = [30, 40];
      sector = 'hospital';
      support = true;
      desc = 'Vorbereitung auf Fachsprachprüfung (C1 Medizin) und Kenntnisprüfung, mit Hospitation auf Station.';
      break;
    case 'tq':
      rec.title = `Teilqualifizierung ${isco === '9333' ? 'Fachlagerist/in (TQ1)' : 'Maschinen- und Anlagenführer/in (TQ1)'}`;
      hours = [35, 39];
      desc = 'Modulare Nachqualifizierung mit Kammerzertifikat, berufsbegleitend.';
      break;
    case 'bbl':
      rec.title = `MBO-BBL traject ${NL_AREA[isco]} (niveau ${isco === '3221' ? 3 : 2}) met taalondersteuning`;
      hours = rng.pick([[24, 32], [20, 24], [32, 36]]);
      reqs = [{ language: 'nl', min_level: 'A2' }];
      gross = rng.step(1100, 1600, 50);
      support = true;
      start = rng.pick(['2027-02-01', '2027-09-01']);
      level = isco === '3221' ? 'skilled' : 'helper';
      qual = { required: false, regulated: isco === '3221' };
      desc = `Leren en werken bij een erkend leerbedrijf in ${place.name}, één dag per week school.`;
      break;
    case 'entree':
      rec.title = `Entree-opleiding (MBO niveau 1) ${NL_AREA[isco]}`;
      hours = [20, 28];
      reqs = rng.chance(0.4) ? [] : [{ language: 'nl', min_level: 'A1' }];
      desc = 'Eenjarige entree-opleiding, geen diploma vooropleiding nodig.';
      break;
    case 'taalstage':
      rec.title = `Taalstage ${NL_AREA[isco]} voor statushouders`;
      hours = [20, 24];
      reqs = [{ language: 'nl', min_level: 'A1' }];
      support = true;
      desc = 'Taal leren op de werkvloer, met taalcoach.';
      break;
    case 'big':
      rec.title = 'Voorbereiding BIG-registratie verpleegkundige (buitenlands diploma)';
      level = 'skilled';
      reqs = [{ language: 'nl', min_level: 'B1' }];
      qual = { required: true, regulated: true, recognition_required: 'partial' };
      hours = [24, 32];
      sector = rng.pick(['hospital', 'education']);
      support = true;
      desc = 'Taal- en kennistoets (BI-toets) voorbereiden, met werkervaringsplaats in de zorg.';
      break;
    default:
      throw new Error(t.kind);
  }
  rec.occupation = occupationField(rng, o, level, country, 0.4);
  rec.level = level;
  rec.skills = skillsFor(rng, o, host).slice(0, 3);
  if (reqs.length) rec.language_requirements = reqs;
  rec.language_support = support;
  rec.qualification = qual;
  if (rec.recognition_partnership === undefined) delete rec.recognition_partnership;
  if (t.kind === 'entree' || (t.kind === 'eq' && rng.chance(0.4))) rec.min_school = 'none';
  rec.location = locate(rng, place);
  rec.hours_per_week = { min: hours[0], max: hours[1] };
  conditions(ctx, rec, o, { nightFactor: 0 });
  if (gross) rec.monthly_gross_eur = gross;
  rec.start_date = start;
  rec.posted_date = posted(ctx);
  const dl = deadline(ctx, rec.posted_date, { absent: 0.4, passed: 0.05, to: 60 });
  if (dl) rec.application_deadline = dl < start ? dl : undefined;
  if (rec.application_deadline === undefined) delete rec.application_deadline;
  rec.open_positions = rng.int(1, 5);
  rec.employer = ctx.employers.pick(rng, sector, place);
  rec.source = source(rng, country, 'training');
  rec.description = desc;
  return rec;
}

const FIELD_ORDER = [
  'id', 'kind', 'title', 'description', 'occupation', 'level', 'skills', 'language_requirements',
  'language_support', 'qualification', 'recognition_partnership', 'min_school', 'location', 'remote',
  'hours_per_week', 'shift_work', 'night_work', 'weekend_work', 'flexible_hours', 'childcare_support',
  'driving_license', 'physical_demand', 'accessible', 'monthly_gross_eur', 'start_date',
  'application_deadline', 'posted_date', 'open_positions', 'employer', 'source',
];
export const OPPORTUNITY_FIELDS = FIELD_ORDER;

/** Contract field order; drops internal helpers and absent values. */
function order(rec) {
  const out = {};
  for (const k of FIELD_ORDER) if (rec[k] !== undefined && rec[k] !== null) out[k] = rec[k];
  return out;
}
