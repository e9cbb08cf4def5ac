import { cumulativeOf, mulberry32, type Random } from './prng';
import type { Client, Course, Instance, Level } from './schema';

/**
 * Seeded synthetic instances shaped like a county or Land: places on a plane with
 * town-sized weights, courses concentrated in the larger towns, clients whose course types
 * follow their level (DOMAIN.md §5), a share of women needing women-only courses or
 * childcare, and seats scarcer than demand.
 */
export interface GeneratorOptions {
  clients: number;
  courses: number;
  seed: number;
  /** Number of municipalities; default courses / 10 (at least 5). */
  places?: number;
  /** Side of the square area per place in km; larger spreads places and lowers pairs. */
  kmPerPlace?: number;
  maxTravelMinutes?: number;
  /** Range of seats per course; default 10–25. Small ranges make tight test instances. */
  seats?: [number, number];
}

interface CourseTypeSpec {
  type: string;
  levels: Level[];
  weight: number;
  childcare: number;
  womenOnly: number;
}

const COURSE_TYPES: CourseTypeSpec[] = [
  { type: 'ik_allgemein', levels: ['A0', 'A1', 'A2'], weight: 30, childcare: 0.25, womenOnly: 0 },
  { type: 'ik_alpha', levels: ['A0', 'A1'], weight: 8, childcare: 0.25, womenOnly: 0 },
  { type: 'ik_jugend', levels: ['A0', 'A1', 'A2'], weight: 5, childcare: 0.1, womenOnly: 0 },
  { type: 'ik_eltern_frauen', levels: ['A0', 'A1', 'A2'], weight: 8, childcare: 0.8, womenOnly: 0.7 },
  { type: 'ik_intensiv', levels: ['A1', 'A2'], weight: 4, childcare: 0.1, womenOnly: 0 },
  { type: 'erstorientierung', levels: ['A0'], weight: 5, childcare: 0.3, womenOnly: 0.1 },
  { type: 'bsk_a2_spezial', levels: ['A1'], weight: 5, childcare: 0.2, womenOnly: 0 },
  { type: 'bsk_b1_spezial', levels: ['A2'], weight: 5, childcare: 0.2, womenOnly: 0 },
  { type: 'bsk_b2', levels: ['B1'], weight: 12, childcare: 0.2, womenOnly: 0 },
  { type: 'bsk_c1', levels: ['B2'], weight: 6, childcare: 0.15, womenOnly: 0 },
  { type: 'bsk_c2', levels: ['C1'], weight: 2, childcare: 0.1, womenOnly: 0 },
  { type: 'job_bsk', levels: ['A2', 'B1', 'B2'], weight: 7, childcare: 0.1, womenOnly: 0 },
];

const CLIENT_LEVELS: Level[] = ['A0', 'A1', 'A2', 'B1', 'B2', 'C1'];
const CLIENT_LEVEL_WEIGHTS = cumulativeOf([25, 25, 20, 18, 9, 3]);

/** Course types a client of this level is queued for (what the rules engine would derive). */
function courseTypesFor(level: Level, woman: boolean, young: boolean, random: Random): string[] {
  const types: string[] = [];
  const maybe = (type: string, p: number) => {
    if (random.chance(p)) types.push(type);
  };
  if (level === 'A0' || level === 'A1' || level === 'A2') {
    types.push('ik_allgemein');
    maybe('ik_alpha', level === 'A2' ? 0 : 0.35);
    maybe('ik_jugend', young ? 0.8 : 0);
    maybe('ik_eltern_frauen', woman ? 0.5 : 0);
    maybe('ik_intensiv', level === 'A0' ? 0 : 0.25);
    maybe('erstorientierung', level === 'A0' ? 0.4 : 0);
    maybe('bsk_a2_spezial', level === 'A1' ? 0.4 : 0);
    maybe('bsk_b1_spezial', level === 'A2' ? 0.5 : 0);
    maybe('job_bsk', level === 'A2' ? 0.3 : 0);
  } else if (level === 'B1') {
    types.push('bsk_b2');
    maybe('job_bsk', 0.4);
  } else if (level === 'B2') {
    types.push('bsk_c1');
    maybe('job_bsk', 0.3);
  } else {
    types.push('bsk_c2');
  }
  return types;
}

function travelMatrix(
  placeCount: number,
  side: number,
  random: Random,
  cutoff: number,
): Record<string, Record<string, number>> {
  const x = Array.from({ length: placeCount }, () => random.next() * side);
  const y = Array.from({ length: placeCount }, () => random.next() * side);
  const matrix: Record<string, Record<string, number>> = {};
  for (let a = 0; a < placeCount; a++) {
    const row: Record<string, number> = {};
    for (let b = 0; b < placeCount; b++) {
      // Public transport: a fixed part (walking, waiting) plus a detour-inflated ride.
      const km = Math.hypot(x[a] - x[b], y[a] - y[b]);
      const minutes = a === b ? random.int(5, 15) : Math.round(8 + km * (1.1 + 0.6 * random.next()));
      if (minutes <= cutoff) row[`g${b}`] = minutes;
    }
    matrix[`g${a}`] = row;
  }
  return matrix;
}

export function generateInstance(options: GeneratorOptions): Instance {
  const random = mulberry32(options.seed);
  const placeCount = options.places ?? Math.max(5, Math.round(options.courses / 10));
  const maxTravelMinutes = options.maxTravelMinutes ?? 60;
  const side = Math.sqrt(placeCount) * (options.kmPerPlace ?? 26);
  // Town sizes follow a rank-size law; courses concentrate even more in the larger towns.
  const population = Array.from({ length: placeCount }, (_, r) => 1 / (r + 1) ** 0.5);
  const homeWeights = cumulativeOf(population);
  const courseWeights = cumulativeOf(population.map((p) => p ** 1.0));
  const typeWeights = cumulativeOf(COURSE_TYPES.map((t) => t.weight));
  const travelMinutes = travelMatrix(placeCount, side, random, 2 * maxTravelMinutes);

  const courses: Course[] = Array.from({ length: options.courses }, (_, j) => {
    const spec = COURSE_TYPES[random.weighted(typeWeights)];
    return {
      id: `k${j}`,
      type: spec.type,
      entryLevels: [...spec.levels],
      seats: random.int(...(options.seats ?? [10, 25])),
      place: `g${random.weighted(courseWeights)}`,
      childcare: random.chance(spec.childcare),
      womenOnly: random.chance(spec.womenOnly),
    };
  });
  const clients: Client[] = Array.from({ length: options.clients }, (_, i) => {
    const level = CLIENT_LEVELS[random.weighted(CLIENT_LEVEL_WEIGHTS)];
    const woman = random.chance(0.45);
    const young = random.chance(0.2);
    return {
      id: `c${i}`,
      level,
      gender: woman ? 'f' : random.chance(0.02) ? 'x' : 'm',
      needsWomenOnly: woman && random.chance(0.12),
      needsChildcare: random.chance(woman ? 0.25 : 0.08),
      home: `g${random.weighted(homeWeights)}`,
      // Waits skew short with a long tail, as on real waitlists.
      waitingDays: Math.min(730, Math.floor(-Math.log(1 - random.next()) * 120)),
      courseTypes: courseTypesFor(level, woman, young, random),
    };
  });
  return { asOf: '2025-03-01', maxTravelMinutes, clients, courses, travelMinutes };
}
