// Posting titles as they appear in German, Dutch and English job feeds.

/** Parses 'masculine|feminine#rest' or { t, ... }. */
export function parseEntry(entry) {
  const raw = typeof entry === 'string' ? entry : entry.t;
  const [core, rest] = raw.split('#');
  const [m, f] = core.split('|');
  return { m, f: f || null, rest: rest ? ` ${rest}` : '', opts: typeof entry === 'string' ? {} : entry };
}

const DE_MARK = [['(m/w/d)', 8], ['(w/m/d)', 2], ['(d/m/w)', 1]];

/** A German title with one of the gender forms feeds use. */
export function titleDe(rng, e) {
  const mark = rng.weighted(DE_MARK);
  if (!e.f) return `${e.m}${e.rest} ${mark}`;
  if (e.f === `${e.m}in`) {
    return rng.weighted([
      [`${e.m}${e.rest} (m/w/d)`, 4],
      [`${e.m}/in${e.rest} (m/w/d)`, 4],
      [`${e.m}/in${e.rest}`, 1],
      [`${e.m}/-in${e.rest}`, 1],
      [`${e.m}*in${e.rest}`, 2],
      [`${e.m}:in${e.rest}`, 2],
      [`${e.f} / ${e.m}${e.rest} (w/m/d)`, 1],
    ]);
  }
  return rng.weighted([
    [`${e.m}${e.rest} (m/w/d)`, 3],
    [`${e.m} / ${e.f}${e.rest} (m/w/d)`, 3],
    [`${e.f} / ${e.m}${e.rest} (w/m/d)`, 1],
  ]);
}

export function titleNl(rng, e) {
  return `${e.m}${e.rest}${rng.weighted([[' (m/v/x)', 4], [' (m/v)', 3], ['', 3]])}`;
}

export function titleEn(rng, e, country) {
  const marks = country === 'DE' ? [['', 2], [' (m/f/d)', 2], [' (m/w/d)', 1]] : [['', 3], [' (m/f/x)', 1]];
  return `${e.m}${e.rest}${rng.weighted(marks)}`;
}

/** German apprenticeship title. */
export function apprenticeshipDe(rng, e) {
  if (e.f && e.f !== `${e.m}in` && rng.chance(0.4)) {
    return `Ausbildung zum ${e.m} / zur ${e.f}${e.rest} (m/w/d)`;
  }
  const g = titleDe(rng, e);
  return rng.weighted([
    [`Ausbildung ${g}`, 6],
    [`Ausbildung als ${g}`, 2],
    [`Ausbildungsplatz ${g} 2027`, 1],
    [`Azubi ${g}`, 1],
  ]);
}

/** Dutch BBL learning-job title. */
export function apprenticeshipNl(rng, e) {
  const m = e.m;
  const rest = e.rest.trim();
  const lower = m.charAt(0).toLowerCase() + m.slice(1);
  return rng.weighted([
    [`BBL-leerbaan ${m}${rest ? ' ' + rest : ''}${rng.pick(['', ' (m/v/x)'])}`, 3],
    [`Leerling ${lower}${rest ? ' ' + rest : ' (BBL)'}`, 3],
    [`${m} in opleiding${rest ? ' ' + rest : ' (BBL)'}`, 2],
  ]);
}
