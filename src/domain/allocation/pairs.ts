import { PLACEMENT_SCORE } from './feasibility';
import { type Instance, LEVELS } from './schema';

/**
 * Every feasible client–course pair with a positive score, stored per client (CSR layout):
 * the pairs of client i are `start[i] .. start[i+1]-1`. Pairs with score ≤ 0 are left out
 * because leaving the client unplaced (score 0) is never worse.
 */
export interface PairTable {
  clientCount: number;
  courseCount: number;
  start: Int32Array;
  course: Int32Array;
  travel: Int32Array;
  score: Int32Array;
}

/** A growable Int32 column; typed arrays keep two million pairs compact (no object per pair). */
class IntColumn {
  data: Int32Array;
  length = 0;
  constructor(capacity: number) {
    this.data = new Int32Array(Math.max(16, capacity));
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  /** The filled part; a view while it uses at least half the buffer (saves a copy), else a copy. */
  toArray(): Int32Array {
    return 2 * this.length >= this.data.length
      ? this.data.subarray(0, this.length)
      : this.data.slice(0, this.length);
  }
}

function indexer(): { of(key: string): number; get(key: string): number | undefined; size(): number } {
  const map = new Map<string, number>();
  return {
    of(key) {
      let i = map.get(key);
      if (i === undefined) {
        i = map.size;
        map.set(key, i);
      }
      return i;
    },
    get: (key) => map.get(key),
    size: () => map.size,
  };
}

/**
 * Builds the pairs without scanning clients × courses: courses are bucketed by (type, place),
 * and each client only visits the buckets of its course types at the places it can reach.
 */
export function buildPairs(instance: Instance): PairTable {
  const { clients, courses, travelMinutes, maxTravelMinutes } = instance;
  const places = indexer();
  const types = indexer();
  for (const c of courses) {
    places.of(c.place);
    types.of(c.type);
  }
  const placeCount = places.size();
  const typeCount = types.size();

  // Courses grouped by bucket = type * placeCount + place, in CSR form.
  const bucketStart = new Int32Array(typeCount * placeCount + 1);
  const courseBucket = new Int32Array(courses.length);
  const levelMask = new Int32Array(courses.length);
  courses.forEach((c, j) => {
    const b = types.of(c.type) * placeCount + places.of(c.place);
    courseBucket[j] = b;
    bucketStart[b + 1]++;
    for (const level of c.entryLevels) levelMask[j] |= 1 << LEVELS.indexOf(level);
  });
  for (let b = 0; b < typeCount * placeCount; b++) bucketStart[b + 1] += bucketStart[b];
  const bucketCourses = new Int32Array(courses.length);
  const fill = bucketStart.slice(0, -1);
  for (let j = 0; j < courses.length; j++) bucketCourses[fill[courseBucket[j]]++] = j;

  // Reachable course places per home, computed once per distinct home.
  const reach = new Map<string, { place: Int32Array; minutes: Int32Array }>();
  const reachable = (home: string) => {
    let r = reach.get(home);
    if (!r) {
      const place: number[] = [];
      const minutes: number[] = [];
      for (const [name, m] of Object.entries(travelMinutes[home] ?? {})) {
        const p = places.get(name);
        if (p !== undefined && m <= maxTravelMinutes) {
          place.push(p);
          minutes.push(m);
        }
      }
      r = { place: Int32Array.from(place), minutes: Int32Array.from(minutes) };
      reach.set(home, r);
    }
    return r;
  };

  const start = new Int32Array(clients.length + 1);
  const pairCourse = new IntColumn(clients.length * 8);
  const pairTravel = new IntColumn(clients.length * 8);
  const pairScore = new IntColumn(clients.length * 8);
  const seenType = new Int32Array(typeCount).fill(-1);
  clients.forEach((client, i) => {
    const { place, minutes } = reachable(client.home);
    const levelBit = 1 << LEVELS.indexOf(client.level);
    const woman = client.gender === 'f';
    for (const typeName of client.courseTypes) {
      const t = types.get(typeName);
      if (t === undefined || seenType[t] === i) continue; // no such course, or listed twice
      seenType[t] = i;
      for (let r = 0; r < place.length; r++) {
        const b = t * placeCount + place[r];
        const score = PLACEMENT_SCORE + client.waitingDays - minutes[r];
        if (score <= 0) continue;
        for (let k = bucketStart[b]; k < bucketStart[b + 1]; k++) {
          const j = bucketCourses[k];
          const course = courses[j];
          if ((levelMask[j] & levelBit) === 0) continue;
          if (client.needsChildcare && !course.childcare) continue;
          if (course.womenOnly ? !woman : client.needsWomenOnly) continue;
          pairCourse.push(j);
          pairTravel.push(minutes[r]);
          pairScore.push(score);
        }
      }
    }
    start[i + 1] = pairCourse.length;
  });
  return {
    clientCount: clients.length,
    courseCount: courses.length,
    start,
    course: pairCourse.toArray(),
    travel: pairTravel.toArray(),
    score: pairScore.toArray(),
  };
}
