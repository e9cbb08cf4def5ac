import { describe, expect, it } from 'vitest';
import type { Deadline, DeadlineKind } from '../rules/deadlines';
import { evaluateExtended } from '../rules/extended';
import {
  ipStayTask,
  planDeadlineSync,
  recognitionTask,
  urgencyOf,
  wantedDeadlineTasks,
} from './deadline-tasks';

const deadline = (kind: DeadlineKind, date: string, basis = '§ x'): Deadline => ({
  kind,
  date,
  basis,
  rule: 'r',
  label: { de: '', en: '' },
  passed: false,
});

describe('deadline → task: the day to act, per legal basis (boundary days)', () => {
  // [kind, legal basis of the lead time, event day, due day, reminder day]
  it.each([
    [
      'document_expires',
      '§ 81 Abs. 4 AufenthG (Antrag vor Ablauf)',
      '2027-03-31',
      '2027-02-17',
      '2027-02-10',
    ],
    ['document_expires', '§ 81 Abs. 4 AufenthG, Schaltjahr', '2028-03-01', '2028-01-19', '2028-01-12'],
    ['protection_ends', '§ 24 AufenthG', '2027-03-04', '2027-01-07', '2026-12-31'],
    ['waiting_period_ends', '§ 61 Abs. 2 AsylG (3 Monate)', '2027-01-15', '2027-01-15', '2027-01-08'],
    [
      'ba_consent_deemed_given',
      '§ 36 Abs. 2 BeschV (Tag nach Fristablauf)',
      '2026-12-31',
      '2027-01-01',
      '2026-12-25',
    ],
    ['integration_course_entitlement_ends', '§ 44 Abs. 2 AufenthG', '2027-06-30', '2027-06-02', '2027-05-26'],
    ['asylblg_ends', '§ 1 Abs. 3 AsylbLG', '2027-02-01', '2027-01-04', '2026-12-28'],
    ['analogue_benefits_from', '§ 2 Abs. 1 AsylbLG', '2027-05-01', '2027-05-01', '2027-04-24'],
  ] as const)('%s (%s): event %s → due %s, reminder %s', (kind, _basis, event, due, remind) => {
    const [w] = wantedDeadlineTasks([deadline(kind, event)]);
    expect(w).toMatchObject({ kind, eventOn: event, dueOn: due, remindOn: remind });
  });

  it('keeps the last of several waiting periods (the day the person may work)', () => {
    const w = wantedDeadlineTasks([
      deadline('waiting_period_ends', '2027-01-15'),
      deadline('waiting_period_ends', '2027-04-15'),
    ]);
    expect(w).toHaveLength(1);
    expect(w[0]?.eventOn).toBe('2027-04-15');
  });
});

describe('planDeadlineSync: a deadline moves when its source fact changes', () => {
  const today = '2026-12-04';
  const [doc] = wantedDeadlineTasks([deadline('document_expires', '2027-03-31', '§ 81 Abs. 4 AufenthG')]);

  it('creates a task for an event today, not for one yesterday (first run brings no history)', () => {
    const [onToday] = wantedDeadlineTasks([deadline('waiting_period_ends', today)]);
    const [yesterday] = wantedDeadlineTasks([deadline('asylblg_ends', '2026-12-03')]);
    const plan = planDeadlineSync([], [onToday!, yesterday!], today);
    expect(plan.create.map((c) => c.kind)).toEqual(['waiting_period_ends']);
    // A reminder day already past is sent today.
    expect(plan.create[0]?.remindOn).toBe(today);
  });

  it('leaves an unchanged task alone, moves a changed one, closes one whose event is gone', () => {
    const open = [
      {
        id: 'a',
        sourceKey: 'document_expires',
        dueOn: doc!.dueOn,
        eventOn: doc!.eventOn,
        legalBasis: doc!.legalBasis,
      },
      { id: 'b', sourceKey: 'asylblg_ends', dueOn: '2027-01-04', eventOn: '2027-02-01', legalBasis: '§' },
    ];
    expect(planDeadlineSync(open, [doc!], today)).toEqual({ create: [], move: [], close: ['b'] });
    const [later] = wantedDeadlineTasks([deadline('document_expires', '2027-09-30', '§ 81 Abs. 4 AufenthG')]);
    const plan = planDeadlineSync(open, [later!], today);
    expect(plan.move).toEqual([{ id: 'a', to: later }]);
    expect(later?.dueOn).toBe('2027-08-19');
  });

  it('follows an event into the past: the open task becomes overdue, it is not closed', () => {
    const open = [
      { id: 'a', sourceKey: 'document_expires', dueOn: '2027-02-17', eventOn: '2027-03-31', legalBasis: '§' },
    ];
    const [earlier] = wantedDeadlineTasks([deadline('document_expires', '2026-12-10', '§')]);
    const plan = planDeadlineSync(open, [earlier!], today);
    expect(plan.move[0]?.to.dueOn).toBe('2026-10-29');
    expect(urgencyOf('2026-10-29', today)).toBe('overdue');
  });
});

describe('urgency buckets (boundary days)', () => {
  it.each([
    ['2026-12-03', 'overdue'],
    ['2026-12-04', 'today'],
    ['2026-12-05', 'soon'],
    ['2026-12-18', 'soon'],
    ['2026-12-19', 'later'],
  ] as const)('due %s on 2026-12-04 is %s', (due, u) => expect(urgencyOf(due, '2026-12-04')).toBe(u));
});

describe('with the rules engine: the dates come from the law', () => {
  it('a residence permit valid until 31.03.2027 gives a task due 17.02.2027', () => {
    const d = evaluateExtended({
      id: 's1',
      asOf: '2026-12-04',
      nationality: 'SY',
      entryDate: '2023-10-02',
      status: { kind: 'aufenthaltserlaubnis', paragraph: '25(2)', since: '2024-04-01', until: '2027-03-31' },
    });
    const w = wantedDeadlineTasks(d.deadlines).find((t) => t.kind === 'document_expires');
    expect(w).toMatchObject({ eventOn: '2027-03-31', dueOn: '2027-02-17' });
  });
});

describe('maximum stay in the Integration Point (county setting)', () => {
  it.each([
    ['2026-01-15', 12, '2027-01-15', '2026-12-18'],
    ['2026-01-31', 1, '2026-02-28', '2026-01-31'],
    ['2025-02-28', 12, '2026-02-28', '2026-01-31'],
  ] as const)(
    'entered %s, %i months: ends %s, act by %s (IP agreement, 28 days ahead)',
    (entry, months, end, due) => {
      expect(ipStayTask(entry, months)).toMatchObject({ kind: 'ip_stay_ends', eventOn: end, dueOn: due });
    },
  );
  it('makes no task without an entry date', () => expect(ipStayTask(null, 12)).toBeNull());
});

describe('recognition decision overdue (§ 14 Abs. 3 / § 6 Abs. 3 BQFG)', () => {
  it('asks the authority the day after the last day, even when that day is already past', () => {
    const w = recognitionTask('r1', {
      regulated: true,
      completeOn: '2026-06-03',
      extendedUntil: null,
      decisionOn: null,
      status: 'complete',
    });
    expect(w).toMatchObject({
      sourceKey: 'recognition:r1',
      eventOn: '2026-09-03',
      dueOn: '2026-09-04',
      legalBasis: '§ 14 Abs. 3 BQFG',
    });
    expect(planDeadlineSync([], [w!], '2026-12-04').create).toHaveLength(1);
  });
});
