import type { Decision } from './decision';
import { evaluate } from './evaluate';
import { type ExtendedDecision, evaluateExtended } from './extended';
import type { LawData } from './law-schema';
import { type ValidationIssue, validateSituations } from './validate';

/** Untrusted JSON in, decisions or located issues out — what the CLI and the API call. Never throws on JSON. */
export type BatchResult<T> = { ok: true; decisions: T[] } | { ok: false; issues: ValidationIssue[] };

export function evaluateJson(input: unknown, lawData?: LawData): BatchResult<Decision>;
export function evaluateJson(
  input: unknown,
  lawData: LawData | undefined,
  extended: true,
): BatchResult<ExtendedDecision>;
export function evaluateJson(
  input: unknown,
  lawData?: LawData,
  extended = false,
): BatchResult<Decision | ExtendedDecision> {
  const v = validateSituations(input);
  if (!v.ok) return v;
  const decisions = v.value.map((s) => (extended ? evaluateExtended(s, lawData) : evaluate(s, lawData)));
  return { ok: true, decisions };
}
