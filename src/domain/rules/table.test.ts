import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { evaluateExtended } from './extended';
import { BENEFITS_TABLE } from './fixtures/table-benefits';
import { COURSES_TABLE } from './fixtures/table-courses';
import { EMPLOYMENT_TABLE } from './fixtures/table-employment';
import { REVIEW_BENEFITS_COURSES_TABLE } from './fixtures/table-review-benefits';
import { REVIEW_EMPLOYMENT_TABLE } from './fixtures/table-review-employment';
import type { Row } from './fixtures/table-types';
import { validateSituation } from './validate';

const TABLES: [string, Row[]][] = [
  ['labour-market access (DOMAIN §3)', EMPLOYMENT_TABLE],
  ['Rechtskreis (DOMAIN §4)', BENEFITS_TABLE],
  ['courses and deadlines (DOMAIN §5)', COURSES_TABLE],
  ['legal review, labour-market access (issue 11)', REVIEW_EMPLOYMENT_TABLE],
  ['legal review, benefits and courses (issue 11)', REVIEW_BENEFITS_COURSES_TABLE],
];

function check(row: Row): void {
  // Every fixture must itself be valid input, as the CLI would see it.
  const valid = validateSituation(JSON.parse(JSON.stringify(row.s)));
  expect(valid.ok, JSON.stringify(valid)).toBe(true);
  const d = evaluateExtended(row.s, row.law);
  const e = row.expect;
  const ctx = `${row.name} [${row.basis}] → ${JSON.stringify({ ...d, courses: undefined, explanation: undefined })}`;
  for (const k of ['employment', 'permitFrom', 'baConsent', 'benefits', 'agency'] as const) {
    if (k in e) expect(d[k], ctx).toBe(e[k]);
  }
  for (const r of e.rules ?? []) expect(d.rules, ctx).toContain(r);
  for (const m of e.missing ?? []) expect(d.details.missing, ctx).toContain(m);
  if ('permitMode' in e) expect(d.details.permitMode, ctx).toBe(e.permitMode);
  if ('priorityCheck' in e) expect(d.details.priorityCheck, ctx).toBe(e.priorityCheck);
  const c = d.courses;
  if (e.ik) expect(c.integrationCourse.status, ctx).toBe(e.ik);
  if (e.ikTypes)
    expect(
      c.integrationCourse.courseTypes.map((t) => t.type),
      ctx,
    ).toEqual(e.ikTypes);
  if ('ikEnds' in e) expect(c.integrationCourse.entitlementEnds, ctx).toBe(e.ikEnds);
  if (e.bsk) expect(c.berufssprachkurs.status, ctx).toBe(e.bsk);
  if (e.bskModules)
    expect(
      c.berufssprachkurs.modules.map((m) => m.module),
      ctx,
    ).toEqual(e.bskModules);
  if (e.jobBsk) expect(c.jobBsk.status, ctx).toBe(e.jobBsk);
  if (e.eok) expect(c.erstorientierung.status, ctx).toBe(e.eok);
  if (e.deadline) expect(d.deadlines, ctx).toContainEqual(expect.objectContaining(e.deadline));
  const courseRules = [c.integrationCourse, c.berufssprachkurs, c.jobBsk, c.erstorientierung].flatMap(
    (x) => x.rules,
  );
  for (const r of e.courseRules ?? []) expect(courseRules, ctx).toContain(r);
  // The contract decision is the extended one without the extras.
  const plain = evaluate(row.s, row.law);
  const { details: _d, courses: _c, deadlines: _l, ...contract } = d;
  expect(plain).toEqual(contract);
  // Every decision explains itself in both languages and cites resolvable rules.
  expect(d.explanation.de.length, ctx).toBeGreaterThan(0);
  expect(d.explanation.en.length, ctx).toBeGreaterThan(0);
  expect(d.rules.length, ctx).toBeGreaterThan(0);
}

describe('table-driven rules', () => {
  it('has at least 80 situations, each naming its legal basis', () => {
    const rows = TABLES.flatMap(([, t]) => t);
    expect(rows.length).toBeGreaterThanOrEqual(80);
    for (const r of rows) expect(r.basis.trim().length, r.name).toBeGreaterThan(0);
  });
  for (const [title, rows] of TABLES) {
    describe(title, () => {
      it.each(rows.map((r) => [`${r.name} — ${r.basis}`, r] as const))('%s', (_name, row) => check(row));
    });
  }
});
