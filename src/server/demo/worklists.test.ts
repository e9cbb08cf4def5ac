import { describe, expect, it } from 'vitest';
import { DEFAULT_IP_MAX_STAY_MONTHS, exitDueOn } from '../../domain/handover/exit';
import { isWorkingDay } from './calendar';
import { demoClients } from './clients';
import { demoCourseStart } from './language';
import { addDays, rng } from './random';

// The demo must make the worklists meaningful (issue 8, defect 11): before, 2,753 of 3,504 open cases were
// listed as exits due, and courses started on Saturdays.
const TODAY = '2026-12-03';

describe('demo data for meaningful worklists', () => {
  const { persons } = demoClients({
    count: 3500,
    seed: 20261122,
    municipalities: [{ id: 'm', weight: 1 }],
    advisors: { jc: [{ id: 'jc1', team: 't' }], aa: [{ id: 'aa1', team: 't' }] },
    agencies: { jc: 'jc', aa: 'aa', sozialamt: 'so', abh: 'abh' },
    createdBy: 'u',
    today: TODAY,
  });
  const open = persons.filter((p) => p.case_status === 'intake' || p.case_status === 'active');
  const due = (p: (typeof open)[number]) => exitDueOn(p.ip_entry_date, DEFAULT_IP_MAX_STAY_MONTHS);

  it('has a few percent of open cases past the maximum IP stay, not most of them', () => {
    expect(open.length).toBeGreaterThan(2500);
    const overdue = open.filter((p) => due(p) < TODAY).length / open.length;
    expect(overdue).toBeGreaterThan(0.01);
    expect(overdue).toBeLessThan(0.06);
    // The exit worklist (due within 30 days, overdue included) stays a worklist.
    const listed = open.filter((p) => due(p) <= addDays(TODAY, 30)).length / open.length;
    expect(listed).toBeLessThan(0.15);
  });

  it('keeps every IP entry after the entry into Germany and not in the future; closings not in the future', () => {
    for (const p of persons) {
      expect(p.ip_entry_date >= p.entry_date, p.id).toBe(true);
      expect(p.ip_entry_date <= TODAY).toBe(true);
      if (p.closed_on) expect(p.closed_on <= TODAY).toBe(true);
    }
  });

  it('never starts a course on a Saturday, Sunday or public holiday', () => {
    const r = rng(7);
    for (const today of [TODAY, '2026-04-01', '2027-05-10', '2026-12-20'])
      for (let month = -3; month <= 4; month++)
        for (let i = 0; i < 200; i++) {
          const start = demoCourseStart(today, month, r);
          expect(isWorkingDay(start), start).toBe(true);
        }
  });
});
