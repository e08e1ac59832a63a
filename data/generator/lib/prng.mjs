// Seeded pseudo-random numbers (mulberry32) and the draws the generator needs.
// Nothing here reads the clock or Math.random, so a seed gives one output only.

export class Rng {
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max], both inclusive. */
  int(min, max) {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Integer in [min, max] rounded down to a multiple of step. */
  step(min, max, step) {
    return min + step * this.int(0, Math.floor((max - min) / step));
  }

  chance(p) {
    return this.next() < p;
  }

  pick(list) {
    if (list.length === 0) throw new Error('pick from an empty list');
    return list[Math.floor(this.next() * list.length)];
  }

  /** Picks from [[value, weight], ...]. */
  weighted(pairs) {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1][0];
  }

  shuffle(list) {
    const a = list.slice();
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  }

  /** k distinct elements, in list order. */
  sample(list, k) {
    const chosen = new Set(this.shuffle(list.map((_, i) => i)).slice(0, k));
    return list.filter((_, i) => chosen.has(i));
  }
}

/**
 * Exact quotas: n items spread over [[value, weight], ...] by largest remainder,
 * returned shuffled. Used wherever the README promises a share.
 */
export function quotas(rng, pairs, n) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const raw = pairs.map(([v, w]) => ({ v, exact: (w * n) / total }));
  raw.forEach((r) => (r.count = Math.floor(r.exact)));
  let left = n - raw.reduce((s, r) => s + r.count, 0);
  const order = raw
    .map((r, i) => ({ i, rem: r.exact - r.count }))
    .sort((a, b) => b.rem - a.rem || a.i - b.i);
  for (let k = 0; k < left; k++) raw[order[k].i].count++;
  const out = [];
  raw.forEach((r) => {
    for (let k = 0; k < r.count; k++) out.push(r.v);
  });
  return rng.shuffle(out);
}
