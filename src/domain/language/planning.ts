import { daysBetween } from '../reference/dates';

/**
 * Demand versus seats per municipality × course type × month: the basis of the joint course planning
 * with providers. Demand is the current backlog (open waitlist entries), counted once per person under
 * the first (preferred) course type of the entry; `eligible` counts a person under every listed type.
 * Seats are those of courses starting in the month in that municipality; free = seats − taken.
 * `backlog[m]` is what remains of the demand after the free seats of months 0…m — a positive last value
 * is the gap the county should plan courses for.
 */
export interface PlanningWaiting {
  municipalityId: string | null;
  courseTypes: readonly string[];
  since: string;
}

export interface PlanningCourse {
  municipalityId: string;
  type: string;
  startDate: string;
  seats: number;
  taken: number;
}

export interface PlanningRow {
  municipalityId: string | null;
  courseType: string;
  demand: number;
  eligible: number;
  longestWaitDays: number;
  seats: number[];
  free: number[];
  backlog: number[];
  gap: number;
}

export interface Planning {
  months: string[];
  rows: PlanningRow[];
}

/** Last calendar day of a `YYYY-MM` month as an ISO date (PostgreSQL rejects `2026-11-31`). */
export function lastDayOfMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  const day = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${month}-${String(day).padStart(2, '0')}`;
}

export function monthsFrom(today: string, count: number): string[] {
  let y = Number(today.slice(0, 4));
  let m = Number(today.slice(5, 7));
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m++;
    if (m === 13) {
      m = 1;
      y++;
    }
  }
  return out;
}

export function planDemand(input: {
  today: string;
  months: number;
  waiting: readonly PlanningWaiting[];
  courses: readonly PlanningCourse[];
}): Planning {
  const months = monthsFrom(input.today, input.months);
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const rows = new Map<string, PlanningRow>();
  const row = (municipalityId: string | null, courseType: string): PlanningRow => {
    const key = `${municipalityId ?? '-'}|${courseType}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        municipalityId,
        courseType,
        demand: 0,
        eligible: 0,
        longestWaitDays: 0,
        seats: months.map(() => 0),
        free: months.map(() => 0),
        backlog: [],
        gap: 0,
      };
      rows.set(key, r);
    }
    return r;
  };
  for (const w of input.waiting) {
    if (w.courseTypes.length === 0) continue;
    const wait = Math.max(0, daysBetween(w.since, input.today));
    w.courseTypes.forEach((t, i) => {
      const r = row(w.municipalityId, t);
      r.eligible++;
      if (i === 0) {
        r.demand++;
        r.longestWaitDays = Math.max(r.longestWaitDays, wait);
      }
    });
  }
  for (const c of input.courses) {
    const i = monthIndex.get(c.startDate.slice(0, 7));
    if (i === undefined) continue;
    const r = row(c.municipalityId, c.type);
    r.seats[i] += c.seats;
    r.free[i] += Math.max(0, c.seats - c.taken);
  }
  for (const r of rows.values()) {
    let left = r.demand;
    r.backlog = r.free.map((f) => {
      left = Math.max(0, left - f);
      return left;
    });
    r.gap = left;
  }
  const sorted = [...rows.values()].sort(
    (a, b) =>
      (a.municipalityId ?? '').localeCompare(b.municipalityId ?? '') ||
      a.courseType.localeCompare(b.courseType),
  );
  return { months, rows: sorted };
}
