import type { z } from 'zod';
import { type Instance, instanceSchema } from './schema';

export interface ValidationIssue {
  /** JSON path of the offending value, e.g. `$.courses[3].seats`. */
  path: string;
  message: string;
}

export type ValidationResult = { ok: true; instance: Instance } | { ok: false; issues: ValidationIssue[] };

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && IDENTIFIER.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

function fromZod(error: z.ZodError): ValidationIssue[] {
  return error.issues.map((i) => ({ path: jsonPath(i.path), message: i.message }));
}

/**
 * Checks what the schema cannot: unique ids and places the travel matrix knows.
 *
 * Decision on "missing travel entries": an absent cell `travelMinutes[home][place]` means
 * "unreachable" (CONTRACTS §3), so it is no error. But a client whose home has no row at all,
 * or a course whose place appears in no row, is almost certainly a data error (the matrix
 * was not imported), and silently treating it as unreachable would leave people unplaced
 * without a reason — so those are reported, naming the client's or course's path.
 */
function crossCheck(instance: Instance): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const duplicates = (items: { id: string }[], field: 'clients' | 'courses') => {
    const seen = new Map<string, number>();
    items.forEach((item, index) => {
      const first = seen.get(item.id);
      if (first === undefined) seen.set(item.id, index);
      else
        issues.push({
          path: jsonPath([field, index, 'id']),
          message: `duplicate id "${item.id}" (first at ${jsonPath([field, first, 'id'])})`,
        });
    });
  };
  duplicates(instance.clients, 'clients');
  duplicates(instance.courses, 'courses');

  const rows = instance.travelMinutes;
  const destinations = new Set<string>();
  for (const row of Object.values(rows)) for (const place of Object.keys(row)) destinations.add(place);
  instance.clients.forEach((client, index) => {
    if (!Object.hasOwn(rows, client.home))
      issues.push({
        path: jsonPath(['clients', index, 'home']),
        message: `unknown place "${client.home}": no row in travelMinutes`,
      });
  });
  instance.courses.forEach((course, index) => {
    if (!destinations.has(course.place))
      issues.push({
        path: jsonPath(['courses', index, 'place']),
        message: `unknown place "${course.place}": no travel time to it in travelMinutes`,
      });
  });
  return issues;
}

/** Validates untrusted input (parsed JSON) into an instance, or lists every problem with its path. */
export function validateInstance(input: unknown): ValidationResult {
  const parsed = instanceSchema.safeParse(input);
  if (!parsed.success) return { ok: false, issues: fromZod(parsed.error) };
  const issues = crossCheck(parsed.data);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, instance: parsed.data };
}

export function formatIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
