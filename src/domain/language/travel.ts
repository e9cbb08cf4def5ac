/**
 * Public-transport travel time estimated from coordinates, used wherever no imported matrix entry exists.
 *
 *   minutes = ACCESS + (haversine km × DETOUR) / SPEED × 60, rounded up to whole minutes
 *
 * - DETOUR_FACTOR 1.3: roads and rail lines are longer than the straight line; studies of route
 *   circuity in Germany and Europe find 1.2–1.4 for regional distances, 1.3 is the usual planning value.
 * - SPEED_KMH 25: average door-to-door speed of regional buses and trains including stops and
 *   transfers in a rural county (regional buses run at 20–30 km/h, trains faster but rarely direct).
 * - ACCESS_MINUTES 10: walking to the stop and waiting for the service; also the time within one town.
 *
 * The estimate is deliberately conservative for rural trips (no timetable knowledge): a county should
 * import its real matrix (CSV) once; imported entries always override the estimate.
 */
export const DETOUR_FACTOR = 1.3;
export const SPEED_KMH = 25;
export const ACCESS_MINUTES = 10;
const EARTH_RADIUS_KM = 6371.0088;

export interface Coordinates {
  lat: number;
  lon: number;
}

export function haversineKm(a: Coordinates, b: Coordinates): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export function estimateTravelMinutes(a: Coordinates, b: Coordinates): number {
  return Math.ceil(ACCESS_MINUTES + ((haversineKm(a, b) * DETOUR_FACTOR) / SPEED_KMH) * 60);
}

export interface TravelPlace extends Coordinates {
  id: string;
}

export interface TravelEntry {
  minutes: number;
  source: 'import' | 'estimate';
}

/**
 * One-way minutes from every origin to every destination: the imported entry where there is one,
 * otherwise the estimate. `imported` maps "from→to" (ids) to minutes.
 */
export function travelMatrix(
  origins: readonly TravelPlace[],
  destinations: readonly TravelPlace[],
  imported: ReadonlyMap<string, number>,
): Record<string, Record<string, TravelEntry>> {
  const out: Record<string, Record<string, TravelEntry>> = {};
  for (const o of origins) {
    const row: Record<string, TravelEntry> = {};
    for (const d of destinations) {
      const known = imported.get(travelKey(o.id, d.id));
      row[d.id] =
        known !== undefined
          ? { minutes: known, source: 'import' }
          : { minutes: estimateTravelMinutes(o, d), source: 'estimate' };
    }
    out[o.id] = row;
  }
  return out;
}

export const travelKey = (from: string, to: string): string => `${from}→${to}`;
