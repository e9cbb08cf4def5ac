import { describe, expect, it } from 'vitest';
import {
  type CaseFile,
  type CaseFileResidence,
  germanLevelOn,
  residenceOn,
  situationFromCaseFile,
} from './case-file';
import { evaluateExtended } from './extended';

// The one assembly of a person's facts for the rules engine (status card, language path, residence tab,
// handover record, impact) and the expired document as a state of its own. Tables with the legal basis
// per row and the boundary days around each date.

function residence(over: Partial<CaseFileResidence> = {}): CaseFileResidence {
  return {
    kind: 'aufenthaltserlaubnis',
    paragraph: '25(2)',
    since: '2024-01-10',
    until: '2026-01-09',
    asylum_application_date: null,
    asylum_decision: null,
    asylum_decision_date: null,
    lives_in_reception_centre: null,
    own_fault_obstacle: null,
    identity_unclear: null,
    registered: null,
    ...over,
  };
}

function file(over: Partial<CaseFile> = {}, person: Partial<CaseFile['person']> = {}): CaseFile {
  return {
    person: { id: 'p1', nationalities: ['SY'], entry_date: '2023-05-02', ...person },
    residence: [residence()],
    ...over,
  };
}

describe('an expired document is its own state, not a contradiction', () => {
  // Document valid until 09.01.2026 (its last day).
  const rows: { basis: string; kind: string; paragraph: string | null; asOf: string; expired: boolean }[] = [
    {
      basis: '§ 81 Abs. 4 AufenthG',
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      asOf: '2026-01-08',
      expired: false,
    },
    {
      basis: '§ 81 Abs. 4 AufenthG',
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      asOf: '2026-01-09',
      expired: false,
    },
    {
      basis: '§ 81 Abs. 4 AufenthG',
      kind: 'aufenthaltserlaubnis',
      paragraph: '25(2)',
      asOf: '2026-01-10',
      expired: true,
    },
    {
      basis: '§ 81 Abs. 4 AufenthG',
      kind: 'aufenthaltserlaubnis',
      paragraph: '24',
      asOf: '2026-01-10',
      expired: true,
    },
    {
      basis: '§ 60a Abs. 4 AufenthG',
      kind: 'duldung',
      paragraph: '60a(2)1',
      asOf: '2026-01-09',
      expired: false,
    },
    {
      basis: '§ 60a Abs. 4 AufenthG',
      kind: 'duldung',
      paragraph: '60a(2)1',
      asOf: '2026-01-10',
      expired: true,
    },
    {
      basis: '§ 81 Abs. 5 AufenthG',
      kind: 'fiktionsbescheinigung',
      paragraph: '25(2)',
      asOf: '2026-01-10',
      expired: true,
    },
  ];
  for (const r of rows)
    it(`${r.kind} ${r.paragraph} valid until 09.01.2026, asked on ${r.asOf} — ${r.basis}`, () => {
      const status = residence({
        kind: r.kind,
        paragraph: r.paragraph,
        own_fault_obstacle: false,
        identity_unclear: false,
      });
      const d = evaluateExtended(situationFromCaseFile(file({ residence: [status] }), r.asOf));
      expect(d.rules).not.toContain('review.contradiction');
      if (r.expired) {
        expect(d.employment).toBe('review');
        expect(d.rules).toEqual(['review.document_expired']);
        expect(d.details.documentExpiredOn).toBe('2026-01-09');
        expect(d.explanation.de).toContain('§ 81 Abs. 4 AufenthG');
        expect(d.explanation.de).toContain('Fiktionsbescheinigung');
        expect(d.explanation.de).not.toMatch(/asOf|status\.|\d{4}-\d{2}-\d{2}/);
      } else {
        expect(d.rules).not.toContain('review.document_expired');
        expect(d.details.documentExpiredOn).toBeNull();
      }
    });

  it('a real contradiction stays one, and is named in words (§ 20 SGB X)', () => {
    const d = evaluateExtended(
      situationFromCaseFile(
        file({ residence: [residence({ since: '2024-01-10', until: '2024-01-09' })] }),
        '2024-01-09',
      ),
    );
    expect(d.rules).toEqual(['review.contradiction']);
    expect(d.explanation.de).toContain('das Dokument endet vor seinem Beginn');
    expect(d.explanation.en).toContain('the document ends before it begins');
  });
});

describe('the residence status in force on a day', () => {
  const older = residence({ kind: 'gestattung', paragraph: null, since: '2023-05-02', until: null });
  const newer = residence({ since: '2024-01-10' });
  const rows: { basis: string; asOf: string; kind: string }[] = [
    { basis: 'status begins on its first day (§ 187 Abs. 2 BGB)', asOf: '2024-01-09', kind: 'gestattung' },
    {
      basis: 'status begins on its first day (§ 187 Abs. 2 BGB)',
      asOf: '2024-01-10',
      kind: 'aufenthaltserlaubnis',
    },
    {
      basis: 'status begins on its first day (§ 187 Abs. 2 BGB)',
      asOf: '2024-01-11',
      kind: 'aufenthaltserlaubnis',
    },
  ];
  for (const r of rows)
    it(`on ${r.asOf}: ${r.kind} — ${r.basis}`, () => {
      expect(residenceOn([newer, older], r.asOf)?.kind).toBe(r.kind);
      expect(residenceOn([older, newer], r.asOf)?.kind).toBe(r.kind);
    });

  it('only future entries: the newest one, so the engine names the contradiction', () => {
    expect(residenceOn([newer], '2023-01-01')?.since).toBe('2024-01-10');
    const d = evaluateExtended(situationFromCaseFile(file({ residence: [newer] }), '2023-01-01'));
    expect(d.details.missing).toContain('conflict.statusStartsLater');
  });
});

describe('the German level comes from the case file', () => {
  const dtzA2 = { assessedOn: '2025-03-14', overall: 'A2', literacy: 'latin' as const };
  const rows: { basis: string; f: CaseFile; asOf: string; level: string | undefined; source?: string }[] = [
    {
      basis: 'DTZ certificate (§ 17 Abs. 1 Nr. 1 IntV) on the day of the test',
      f: file({ assessments: [dtzA2] }),
      asOf: '2025-03-14',
      level: 'A2',
      source: 'assessment',
    },
    {
      basis: 'DTZ certificate: the day before the test it did not exist yet',
      f: file({ assessments: [dtzA2] }, { languages: [{ code: 'de', level: 'A1' }] }),
      asOf: '2025-03-13',
      level: 'A1',
      source: 'self_report',
    },
    {
      basis: 'DTZ certificate beats the level stated at intake',
      f: file({ assessments: [dtzA2] }, { languages: [{ code: 'de', level: 'A1' }] }),
      asOf: '2025-03-15',
      level: 'A2',
      source: 'assessment',
    },
    {
      basis: 'stated at intake (person languages), nothing tested',
      f: file(
        {},
        {
          languages: [
            { code: 'ar', level: 'native' },
            { code: 'de', level: 'A2' },
          ],
        },
      ),
      asOf: '2025-03-15',
      level: 'A2',
      source: 'self_report',
    },
    {
      basis: 'German as mother tongue counts as the top level',
      f: file({}, { languages: [{ code: 'de', level: 'muttersprache' }] }),
      asOf: '2025-03-15',
      level: 'C2',
      source: 'self_report',
    },
    {
      basis: 'exam result of a completed course (§ 17 IntV), newer than the test',
      f: file({
        assessments: [dtzA2],
        enrolments: [{ status: 'completed', courseType: 'bsk_b1', endDate: '2025-09-30', resultLevel: 'B1' }],
      }),
      asOf: '2025-09-30',
      level: 'B1',
      source: 'course_result',
    },
    {
      basis: 'a dropped-out course certifies nothing',
      f: file({
        assessments: [dtzA2],
        enrolments: [
          { status: 'dropped_out', courseType: 'bsk_b1', endDate: '2025-09-30', resultLevel: 'B1' },
        ],
      }),
      asOf: '2025-10-01',
      level: 'A2',
      source: 'assessment',
    },
    {
      basis: 'nothing recorded: unknown, never guessed (§ 20 SGB X)',
      f: file(),
      asOf: '2025-03-15',
      level: undefined,
    },
  ];
  for (const r of rows)
    it(`${r.basis} (on ${r.asOf})`, () => {
      const g = germanLevelOn(r.f, r.asOf);
      expect(g?.level).toBe(r.level);
      if (r.source) expect(g?.source).toBe(r.source);
      expect(situationFromCaseFile(r.f, r.asOf).germanLevel ?? undefined).toBe(r.level);
    });

  it('the status card no longer asks for the German level once a DTZ A2 is recorded', () => {
    const without = evaluateExtended(situationFromCaseFile(file(), '2025-06-01'));
    const withDtz = evaluateExtended(situationFromCaseFile(file({ assessments: [dtzA2] }), '2025-06-01'));
    const asks = (d: typeof without) =>
      [d.courses.integrationCourse, d.courses.berufssprachkurs, d.courses.jobBsk].some((c) =>
        c.missing.includes('germanLevel'),
      );
    expect(asks(without)).toBe(true);
    expect(asks(withDtz)).toBe(false);
  });

  it('children in the household and a completed Integrationskurs are facts of the case file', () => {
    const s = situationFromCaseFile(
      file({
        household: [{ relation: 'child' }],
        enrolments: [
          { status: 'completed', courseType: 'ik_general', endDate: '2025-01-31', resultLevel: null },
        ],
      }),
      '2025-02-01',
    );
    expect(s.parent).toBe(true);
    expect(s.integrationCourseCompleted).toBe(true);
    // Unknown stays unknown: no child recorded is not "no children".
    expect(situationFromCaseFile(file(), '2025-02-01').parent).toBeNull();
  });
});

describe('nationality "ungeklärt" (XXX) and "staatenlos" (XXA) name no state', () => {
  // A Gestattung (asylum pending) for five months: whether the person may work depends on the
  // nationality (§ 61 Abs. 2 Satz 4 AsylG: nationals of a safe country of origin may not).
  const pending = residence({
    kind: 'gestattung',
    paragraph: null,
    since: '2024-01-10',
    until: '2024-12-31',
    asylum_application_date: '2024-01-10',
    asylum_decision: 'pending',
    lives_in_reception_centre: false,
  });
  const rows = [
    {
      nationalities: ['XXX'],
      nationality: null,
      review: true,
      basis: '§ 61 Abs. 2 AsylG — safe country unknown: review',
    },
    {
      nationalities: ['XXA'],
      nationality: null,
      review: true,
      basis: '§ 61 Abs. 2 AsylG — stateless: review',
    },
    {
      nationalities: ['XXX', 'SY'],
      nationality: 'SY',
      review: false,
      basis: 'a known nationality beside "ungeklärt" counts',
    },
    {
      nationalities: ['SY'],
      nationality: 'SY',
      review: false,
      basis: '§ 61 Abs. 2 AsylG — not a safe country',
    },
  ];
  for (const r of rows) {
    it(`${r.nationalities.join('+')} → nationality ${r.nationality ?? 'unknown'} (${r.basis})`, () => {
      const s = situationFromCaseFile(
        file({ residence: [pending] }, { nationalities: r.nationalities }),
        '2024-06-15',
      );
      expect(s.nationality).toBe(r.nationality);
      expect(evaluateExtended(s).employment === 'review').toBe(r.review);
    });
  }
});
