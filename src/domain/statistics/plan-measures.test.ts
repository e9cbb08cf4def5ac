import { describe, expect, it } from 'vitest';
import { measureSpells } from './plan-measures';

const measures = new Map([
  ['m1', { start: '2026-03-01', end: '2026-08-31' }],
  ['m2', { start: null, end: null }],
]);

describe('measure participation from the cooperation plans', () => {
  it.each([
    [
      'an open step in force from the day the plan was saved, within the measure dates',
      [{ personId: 'p', version: 1, savedOn: '2026-02-10', steps: [{ measureId: 'm1', status: 'open' }] }],
      [{ personId: 'p', start: '2026-03-01', end: '2026-08-31' }],
    ],
    [
      'the next version ends the earlier one the day before it was saved; a step done there is no spell',
      [
        { personId: 'p', version: 1, savedOn: '2026-03-10', steps: [{ measureId: 'm1', status: 'open' }] },
        { personId: 'p', version: 2, savedOn: '2026-05-01', steps: [{ measureId: 'm1', status: 'done' }] },
      ],
      [{ personId: 'p', start: '2026-03-10', end: '2026-04-30' }],
    ],
    [
      'a measure without dates runs as long as the plan says so',
      [{ personId: 'p', version: 1, savedOn: '2026-01-05', steps: [{ measureId: 'm2' }] }],
      [{ personId: 'p', start: '2026-01-05', end: null }],
    ],
    [
      'steps without a measure, dropped steps and unknown measures count nothing',
      [
        {
          personId: 'p',
          version: 1,
          savedOn: '2026-01-05',
          steps: [{ measureId: null }, { measureId: 'm1', status: 'dropped' }, { measureId: 'gone' }],
        },
      ],
      [],
    ],
    [
      'a version replaced on the day it was saved was never in force',
      [
        { personId: 'p', version: 1, savedOn: '2026-04-01', steps: [{ measureId: 'm2' }] },
        { personId: 'p', version: 2, savedOn: '2026-04-01', steps: [] },
      ],
      [],
    ],
  ])('%s', (_label, versions, expected) => {
    expect(measureSpells(versions, measures)).toEqual(expected);
  });
});
