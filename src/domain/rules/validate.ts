import { z } from 'zod';
import { type Situation, situationSchema } from './situation-schema';

/**
 * Validation of untrusted JSON (CLI, API). Never throws: invalid input yields issues with a
 * JSONPath-like location such as `$[3].status.since`, which the CLI prints and exits 2 with.
 */

export interface ValidationIssue {
  path: string;
  message: string;
}

export type ValidationResult<T> = { ok: true; value: T } | { ok: false; issues: ValidationIssue[] };

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else if (typeof k === 'string' && IDENT.test(k)) out += `.${k}`;
    else out += `[${JSON.stringify(String(k))}]`;
  }
  return out;
}

function issuesOf(error: z.ZodError, prefix: readonly PropertyKey[]): ValidationIssue[] {
  return error.issues.map((i) => ({ path: formatPath([...prefix, ...i.path]), message: i.message }));
}

export function validateSituation(input: unknown): ValidationResult<Situation> {
  const r = situationSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: issuesOf(r.error, []) };
}

const listSchema = z.array(situationSchema, { error: 'expected a JSON array of situations' });

export function validateSituations(input: unknown): ValidationResult<Situation[]> {
  const r = listSchema.safeParse(input);
  return r.success ? { ok: true, value: r.data } : { ok: false, issues: issuesOf(r.error, []) };
}

/** "$[3].status.since: invalid date" — one line per issue. */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => `${i.path}: ${i.message}`).join('\n');
}
