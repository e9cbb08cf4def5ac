import { describe, expect, it } from 'vitest';
import { formatIssues, formatPath, validateSituations } from './validate';

describe('validateSituations', () => {
  it('requires an array', () => {
    const r = validateSituations({ id: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(formatIssues(r.issues)).toBe('$: expected a JSON array of situations');
  });

  it('names every bad field by path', () => {
    const r = validateSituations([
      { id: 'ok', asOf: '2024-01-01' },
      { id: '', asOf: '2024-1-1', nationality: 'syr', status: { kind: 'visa', registered: 'yes' } },
      5,
    ]);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = formatIssues(r.issues).split('\n');
    expect(lines).toContain('$[1].id: expected a non-empty string');
    expect(lines).toContain('$[1].asOf: invalid date (expected YYYY-MM-DD)');
    expect(lines).toContain('$[1].nationality: expected an ISO 3166-1 alpha-2 code (e.g. "SY")');
    expect(
      lines.some((l) => l.startsWith('$[1].status.kind: invalid value, expected one of gestattung')),
    ).toBe(true);
    expect(lines).toContain('$[1].status.registered: expected true or false');
    expect(lines).toContain('$[2]: expected a situation object');
  });

  it('accepts null as unknown and drops unknown keys', () => {
    const r = validateSituations([
      { id: 'a', asOf: null, status: { kind: 'duldung', since: null }, extra: 1 },
    ]);
    expect(r).toEqual({
      ok: true,
      value: [{ id: 'a', asOf: null, status: { kind: 'duldung', since: null } }],
    });
  });

  it('formats odd keys safely', () => {
    expect(formatPath([0, 'status', 'since'])).toBe('$[0].status.since');
    expect(formatPath(['a b'])).toBe('$["a b"]');
  });
});
