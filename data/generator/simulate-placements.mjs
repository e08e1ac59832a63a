#!/usr/bin/env node
// Writes data/eval/qrels.txt: graded relevance judgments (TREC qrels) for the sample
// profiles, from a SYNTHETIC simulation of placements. Not real outcomes.
//
//   cd data/generator && npm ci && node simulate-placements.mjs
//   node simulate-placements.mjs --explain P-003     # one profile's judged pool, with factors
//   node simulate-placements.mjs --seed 7 --out /tmp/qrels-7.txt   # another simulated world
//   node simulate-placements.mjs --check          # fail if data/eval/qrels.txt is stale
//
// The ground-truth model is in lib/placement-model.mjs and is independent of the engine's
// scoring; data/eval/README.md describes it, the grades and the caveats. Output is
// byte-identical on every run: fixed seeds, fixed reference date, no clock, and noise drawn
// per (profile, opportunity) pair from a hash, so it does not depend on iteration order.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join, relative } from 'node:path';
import { Rng } from './lib/prng.mjs';
import { resolvePlaces } from './lib/places.mjs';
import { generateOpportunities } from './lib/opportunities.mjs';
import { pairFactors, product, PARAMS } from './lib/placement-model.mjs';

const REFERENCE_DATE = '2026-11-23'; // the sample data's reference date (generate.mjs)
const SEED_OPPORTUNITIES = 20261123; // generate.mjs's seed, to recover latent occupations
const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
// The simulation's own seed; --seed N draws another simulated world (robustness checks).
const SEED = option('--seed') !== undefined ? Number(option('--seed')) : 90210;
if (!Number.isInteger(SEED) || SEED < 0) {
  console.error(`--seed must be a non-negative whole number, was ${option('--seed')}`);
  process.exit(2);
}

// Grades and the steps that lead to them (log scale: 0 = every factor 1, no noise).
const SIM = {
  suitableThreshold: -1.8, // person + employer log-interest with noise: "a sensible proposal"
  applications: [4, 12], // each person applies to this many suitable ones (drawn per person)
  interviewThreshold: -0.8, // employer log-interest with noise to invite an applicant
  interviewsPerPosition: 3, // invitations per open position, best applicants first
  hireThreshold: -0.2, // employer log-interest with noise to hire rather than wait
  acceptThreshold: -1.0, // person log-interest with noise to accept an offer
  nearMisses: 25, // judged non-relevant: the most plausible ones that got grade 0
  randomOthers: 10, // judged non-relevant: drawn at random from the rest in the person's country
};

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, '..');
const evalDir = join(dataDir, 'eval');
const readJsonl = (name) => readFileSync(join(dataDir, name), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

// --- Input ---------------------------------------------------------------------------------
const opportunities = readJsonl('opportunities.jsonl');
const profiles = readJsonl('profiles.jsonl');
const latent = latentOccupations();
const jobCode = (o) => (o.occupation && o.occupation.isco) || (latent.get(o.id) || {}).isco || null;
const missing = opportunities.filter((o) => !jobCode(o));
if (missing.length) fail(`no occupation, not even a latent one, for ${missing.map((o) => o.id).join(', ')}`);

// --- Every pair: gates, factors, noise -----------------------------------------------------
const unknownTitles = new Set();
const pairs = new Map(); // profile id -> array of pair records, in opportunity order
for (const p of profiles) {
  const list = [];
  for (const o of opportunities) {
    const f = pairFactors(p, o, jobCode(o), REFERENCE_DATE, unknownTitles);
    const rec = { p, o, gate: f.gate, f };
    if (!f.gate) {
      rec.personLog = Math.log(product(f.person));
      rec.employerLog = Math.log(product(f.employer));
      rec.plausibility = rec.personLog + rec.employerLog; // no noise: used for pooling only
      rec.personNoisy = rec.personLog + PARAMS.noise.person * normal('person', p.id, o.id);
      rec.employerNoisy = rec.employerLog + PARAMS.noise.employer * normal('employer', p.id, o.id);
      rec.suitable = rec.personNoisy + rec.employerNoisy >= SIM.suitableThreshold;
    } else {
      rec.plausibility = -Infinity;
      rec.suitable = false;
    }
    list.push(rec);
  }
  pairs.set(p.id, list);
}

// --- Applications, interviews, hiring ------------------------------------------------------
const applicants = new Map(); // opportunity id -> pair records
for (const p of profiles) {
  const [lo, hi] = SIM.applications;
  const n = lo + Math.floor(uniform('applications', p.id, '') * (hi - lo + 1));
  const chosen = pairs.get(p.id).filter((r) => r.suitable).sort(byPerson).slice(0, n);
  for (const r of chosen) {
    r.applied = true;
    if (!applicants.has(r.o.id)) applicants.set(r.o.id, []);
    applicants.get(r.o.id).push(r);
  }
}
for (const o of opportunities) {
  const invited = (applicants.get(o.id) || [])
    .filter((r) => r.employerNoisy >= SIM.interviewThreshold)
    .sort(byEmployer)
    .slice(0, SIM.interviewsPerPosition * (o.open_positions ?? 1));
  for (const r of invited) r.interviewed = true;
}
// Deferred acceptance (Gale-Shapley, persons propose) over the interviews: each person
// takes at most one offer, each opportunity fills at most open_positions, and only with
// someone it would hire. Persons rank their interviews by their own interest, opportunities
// by theirs; the result is stable: no person and opportunity would both rather have each other.
const proposals = new Map(profiles.map((p) => [p.id, pairs.get(p.id).filter((r) => r.interviewed).sort(byPerson)]));
const held = new Map(); // opportunity id -> held pair records
const free = profiles.map((p) => p.id);
while (free.length) {
  const pid = free.shift();
  const next = proposals.get(pid).shift();
  if (!next) continue;
  if (next.employerNoisy < SIM.hireThreshold || next.personNoisy < SIM.acceptThreshold) {
    free.push(pid);
    continue;
  }
  const list = held.get(next.o.id) || [];
  list.push(next);
  list.sort(byEmployer);
  const cap = next.o.open_positions ?? 1;
  if (list.length > cap) free.push(list.pop().p.id);
  held.set(next.o.id, list);
}
for (const list of held.values()) for (const r of list) r.placed = true;

// --- Grades and judged pools ---------------------------------------------------------------
const lines = [];
const judged = new Map(); // profile id -> [{ r, grade }]
for (const p of profiles) {
  const list = pairs.get(p.id);
  const grade = (r) => (r.placed ? 3 : r.interviewed ? 2 : r.suitable ? 1 : 0);
  const relevant = list.filter((r) => grade(r) > 0);
  const zero = list.filter((r) => grade(r) === 0);
  const near = zero.filter((r) => !r.gate).sort((a, b) => b.plausibility - a.plausibility || cmp(a.o.id, b.o.id)).slice(0, SIM.nearMisses);
  const nearIds = new Set(near.map((r) => r.o.id));
  // Random others from the person's own labour market (the rest is ruled out anyway).
  const rest = zero.filter((r) => !nearIds.has(r.o.id) && r.o.location.country === p.location.country);
  const random = rest
    .map((r) => ({ r, key: uniform('pool', p.id, r.o.id) }))
    .sort((a, b) => a.key - b.key)
    .slice(0, SIM.randomOthers)
    .map((x) => x.r);
  const pool = [...relevant, ...near, ...random].sort((a, b) => cmp(a.o.id, b.o.id));
  judged.set(p.id, pool.map((r) => ({ r, grade: grade(r) })));
  for (const r of pool) lines.push(`${p.id} 0 ${r.o.id} ${grade(r)}`);
}

const qrelsPath = option('--out') ?? join(evalDir, 'qrels.txt');
const content = lines.join('\n') + '\n';
const shownPath = option('--out') ?? relative(process.cwd(), qrelsPath);
const checkOnly = args.includes('--check'); // compare with the file instead of writing it
if (!checkOnly) {
  mkdirSync(dirname(qrelsPath), { recursive: true });
  writeFileSync(qrelsPath, content);
}

// --- Checks: read the file back; every id must exist, every line must be well formed ------
const profileIds = new Set(profiles.map((p) => p.id));
const opportunityIds = new Set(opportunities.map((o) => o.id));
const errors = [];
const seen = new Set();
const written = readFileSync(qrelsPath, 'utf8');
if (checkOnly && written !== content) {
  errors.push(`${shownPath} is not what the simulation gives for these data; run node simulate-placements.mjs`);
}
written.split('\n').filter((l) => l).forEach((line, i) => {
  const parts = line.split(' ');
  const where = `${shownPath}:${i + 1}`;
  if (parts.length !== 4) return errors.push(`${where}: expected 4 fields, got ${parts.length}: ${line}`);
  const [pid, iter, oid, g] = parts;
  if (!profileIds.has(pid)) errors.push(`${where}: unknown profile_id ${pid}`);
  if (iter !== '0') errors.push(`${where}: second field must be 0, was ${iter}`);
  if (!opportunityIds.has(oid)) errors.push(`${where}: unknown opportunity_id ${oid}`);
  if (!/^[0-3]$/.test(g)) errors.push(`${where}: grade must be 0-3, was ${g}`);
  if (seen.has(`${pid} ${oid}`)) errors.push(`${where}: ${pid} ${oid} judged twice`);
  seen.add(`${pid} ${oid}`);
});
for (const p of profiles) if (!judged.get(p.id).length) errors.push(`profile ${p.id} has no judgments`);
if (unknownTitles.size) {
  console.warn(`titles the model cannot place (weak closeness ${PARAMS.unknownTitleCloseness}): ${[...unknownTitles].join('; ')}`);
}

// --- Summary -------------------------------------------------------------------------------
if (option('--explain')) explainProfile(option('--explain'));
else printSummary();
if (errors.length) fail(`${errors.length} check(s) failed:\n  ${errors.slice(0, 50).join('\n  ')}`);
console.log(`${checkOnly ? 'checked' : 'wrote'} ${shownPath}; all checks passed`);

// --- Helpers -------------------------------------------------------------------------------

/**
 * The ISCO codes of the opportunities that the generator posted without one: the generator
 * is re-run with its seed and the codes are read before it removes them. The simulated world
 * knows what each job is, even where the feed does not say. Fails loudly if the re-run does
 * not reproduce data/opportunities.jsonl byte for byte.
 */
function latentOccupations() {
  class Recorder extends Rng {
    sample(list, k) {
      const chosen = super.sample(list, k);
      if (list.length && list.every((o) => o && o.id && o.kind && o.occupation)) {
        this.latent = new Map(chosen.map((o) => [o.id, { ...o.occupation }]));
      }
      return chosen;
    }
  }
  resolvePlaces();
  const rng = new Recorder(SEED_OPPORTUNITIES);
  const regenerated = generateOpportunities(rng, REFERENCE_DATE).map((o) => JSON.stringify(o)).join('\n') + '\n';
  if (regenerated !== readFileSync(join(dataDir, 'opportunities.jsonl'), 'utf8')) {
    fail('re-running the generator does not reproduce data/opportunities.jsonl; update SEED_OPPORTUNITIES or latentOccupations()');
  }
  const unclassified = opportunities.filter((o) => !o.occupation).map((o) => o.id);
  if (!rng.latent || unclassified.some((id) => !rng.latent.has(id)) || rng.latent.size !== unclassified.length) {
    fail('could not recover the occupations of the unclassified opportunities from the generator');
  }
  return rng.latent;
}

function hash(s) {
  let h = 0x811c9dc5; // FNV-1a, 32 bit
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

/** A uniform draw in [0, 1) fixed by the seed, a stream name and a pair of ids. */
function uniform(stream, a, b) {
  return new Rng(hash(`${SEED}|${stream}|${a}|${b}`)).next();
}

/** A standard normal draw fixed by the seed, a stream name and a pair of ids (Box-Muller). */
function normal(stream, a, b) {
  const rng = new Rng(hash(`${SEED}|${stream}|${a}|${b}`));
  const u = 1 - rng.next();
  const v = rng.next();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
}

function cmp(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byPerson(a, b) {
  return b.personNoisy - a.personNoisy || cmp(a.o.id, b.o.id);
}

function byEmployer(a, b) {
  return b.employerNoisy - a.employerNoisy || cmp(a.p.id, b.p.id);
}

function fail(message) {
  console.error(message);
  process.exit(1);
}

function quantiles(xs) {
  const s = xs.slice().sort((a, b) => a - b);
  const q = (f) => s[Math.min(s.length - 1, Math.floor(f * (s.length - 1) + 0.5))];
  const mean = s.reduce((x, y) => x + y, 0) / s.length;
  return `min ${s[0]}, p25 ${q(0.25)}, median ${q(0.5)}, p75 ${q(0.75)}, max ${s[s.length - 1]}, mean ${mean.toFixed(1)}`;
}

function printSummary() {
  const all = [...judged.values()].flat();
  const byGrade = [0, 1, 2, 3].map((g) => all.filter((j) => j.grade === g).length);
  const relevantPer = profiles.map((p) => judged.get(p.id).filter((j) => j.grade > 0).length);
  const none = profiles.filter((p, i) => relevantPer[i] === 0).map((p) => p.id);
  const placed = profiles.filter((p) => judged.get(p.id).some((j) => j.grade === 3)).length;
  const kinds = {};
  for (const j of all.filter((x) => x.grade > 0)) kinds[j.r.o.kind] = (kinds[j.r.o.kind] || 0) + 1;
  const gates = {};
  for (const j of all.filter((x) => x.r.gate)) gates[j.r.gate] = (gates[j.r.gate] || 0) + 1;
  const country = (c) => profiles.filter((p, i) => p.location.country === c).map((p) => relevantPer[profiles.indexOf(p)]);
  console.log(`reference date ${REFERENCE_DATE}, simulation seed ${SEED}`);
  console.log(`profiles judged: ${judged.size} of ${profiles.length}; judgments: ${all.length}`);
  console.log(`judgments per profile: ${quantiles(profiles.map((p) => judged.get(p.id).length))}`);
  console.log(`grades: 0: ${byGrade[0]}, 1: ${byGrade[1]}, 2: ${byGrade[2]}, 3: ${byGrade[3]}`);
  console.log(`relevant (grade >= 1) per profile: ${quantiles(relevantPer)}`);
  console.log(`  DE profiles: ${quantiles(country('DE'))}; NL profiles: ${quantiles(country('NL'))}`);
  console.log(`profiles placed (one grade 3): ${placed}; with an interview or better: ${profiles.filter((p) => judged.get(p.id).some((j) => j.grade >= 2)).length}`);
  console.log(`profiles without any relevant judgment: ${none.length}${none.length ? ` (${none.join(', ')})` : ''}`);
  console.log(`relevant judgments by kind: ${JSON.stringify(kinds)}`);
  const placedKinds = {};
  for (const j of all.filter((x) => x.grade === 3)) placedKinds[j.r.o.kind] = (placedKinds[j.r.o.kind] || 0) + 1;
  console.log(`placements by kind: ${JSON.stringify(placedKinds)}`);
  const buckets = [[0, 0], [1, 4], [5, 9], [10, 19], [20, 49], [50, Infinity]];
  console.log(`profiles by number of relevant: ${buckets.map(([lo, hi]) => `${hi === Infinity ? `${lo}+` : lo === hi ? lo : `${lo}-${hi}`}: ${relevantPer.filter((n) => n >= lo && n <= hi).length}`).join(', ')}`);
  console.log(`judged grade-0 pairs ruled out by a gate: ${JSON.stringify(gates)}`);
  const filled = [...held.values()].reduce((s, l) => s + l.length, 0);
  const positions = opportunities.reduce((s, o) => s + (o.open_positions ?? 1), 0);
  console.log(`positions filled: ${filled} of ${positions}, at ${held.size} opportunities`);
}

function explainProfile(pid) {
  if (!judged.has(pid)) fail(`unknown profile ${pid}`);
  const fmt = (x) => (x === undefined ? '' : x.toFixed(2));
  const factors = (f) => Object.entries(f).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  const rows = judged.get(pid).slice().sort((a, b) => b.grade - a.grade || b.r.plausibility - a.r.plausibility);
  for (const { r, grade } of rows) {
    const head = `${grade} ${r.o.id.padEnd(7)} ${r.o.kind.padEnd(14)} ${r.o.title.slice(0, 50).padEnd(50)}`;
    if (r.gate) console.log(`${head} gate: ${r.gate}`);
    else {
      console.log(`${head} person ${fmt(r.personLog)}+noise=${fmt(r.personNoisy)} employer ${fmt(r.employerLog)}+noise=${fmt(r.employerNoisy)}${r.applied ? ' applied' : ''}`);
      console.log(`    person: ${factors(r.f.person)}`);
      console.log(`    employer: ${factors(r.f.employer)}`);
    }
  }
}
