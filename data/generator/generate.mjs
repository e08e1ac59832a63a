#!/usr/bin/env node
// Writes the synthetic sample data of data/: opportunities.jsonl, profiles.jsonl and
// malformed-opportunities.jsonl, then checks them and prints the counts.
//
//   cd data/generator && npm ci && node generate.mjs
//
// Output is byte-identical on every run: a fixed seed, a fixed reference date, no clock.

import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { Rng } from './lib/prng.mjs';
import { resolvePlaces } from './lib/places.mjs';
import { generateOpportunities } from './lib/opportunities.mjs';
import { generateProfiles } from './lib/profiles.mjs';
import { malformedLines } from './lib/malformed.mjs';
import { validateOpportunities, validateProfiles } from './lib/validate.mjs';

export const REFERENCE_DATE = '2026-11-23';
const SEED_OPPORTUNITIES = 20261123;
const SEED_PROFILES = 4711;

const dataDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = (name) => join(dataDir, name);
const jsonl = (records) => records.map((r) => JSON.stringify(r)).join('\n') + '\n';

resolvePlaces();
const opportunities = generateOpportunities(new Rng(SEED_OPPORTUNITIES), REFERENCE_DATE);
const profiles = generateProfiles(new Rng(SEED_PROFILES), REFERENCE_DATE);
writeFileSync(out('opportunities.jsonl'), jsonl(opportunities));
writeFileSync(out('profiles.jsonl'), jsonl(profiles));
writeFileSync(out('malformed-opportunities.jsonl'), malformedLines().join('\n') + '\n');

const o = validateOpportunities(out('opportunities.jsonl'), REFERENCE_DATE);
const p = validateProfiles(out('profiles.jsonl'), REFERENCE_DATE);
console.log(`reference date ${REFERENCE_DATE}`);
console.log('opportunities', JSON.stringify(o.stats, null, 1).replace(/\n\s*/g, ' '));
console.log('profiles', JSON.stringify(p.stats, null, 1).replace(/\n\s*/g, ' '));
const errors = [...o.errors, ...p.errors];
if (errors.length) {
  console.error(`${errors.length} check(s) failed:`);
  errors.slice(0, 50).forEach((e) => console.error(`  ${e}`));
  process.exit(1);
}
console.log('all checks passed');
