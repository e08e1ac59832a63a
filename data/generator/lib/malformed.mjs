// A small file of broken opportunity records for demonstrating rejects. Each line has
// one problem (or none), in the order the README's table lists them.

const base = {
  kind: 'vacancy',
  title: 'Lagerhelfer/in (m/w/d)',
  occupation: { isco: '9333' },
  level: 'helper',
  language_requirements: [{ language: 'de', min_level: 'A2' }],
  location: { lat: 51.25435, lon: 6.39441, postal_code: '41747', place: 'Viersen', region: 'DE-NW', country: 'DE' },
  posted_date: '2026-11-02',
  employer: { id: 'EMP-9001', name: 'Logistikzentrum Beispiel GmbH' },
  source: 'ba-jobboerse',
};

const j = (o) => JSON.stringify(o);

export function malformedLines() {
  return [
    // 1. bad JSON: the line is cut off.
    j({ id: 'V-9001', ...base }).slice(0, 60),
    // 2. missing required id.
    j({ ...base, title: 'Küchenhilfe (m/w/d)', occupation: { isco: '9412' } }),
    // 3. unknown kind.
    j({ id: 'V-9003', ...base, kind: 'job' }),
    // 4. latitude out of range.
    j({ id: 'V-9004', ...base, location: { ...base.location, lat: 151.25 } }),
    // 5. valid record.
    j({ id: 'V-9005', ...base }),
    // 6. duplicate id (same as line 5).
    j({ id: 'V-9005', ...base, title: 'Kommissionierer/in (m/w/d)' }),
    // 7. unknown extra field: read, field ignored and counted in a warning.
    j({ id: 'V-9007', ...base, salary_band: 'E3' }),
    // 8. unknown CEFR level B3.
    j({ id: 'V-9008', ...base, language_requirements: [{ language: 'de', min_level: 'B3' }] }),
  ];
}
