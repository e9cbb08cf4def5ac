import type { Selectable } from 'kysely';
import type { ResidenceStatusTable } from '../../db/schema';
import { addDays, randomDay, weighted } from './random';

/** One residence status as the seed inserts it: the table's columns without the keys and bookkeeping. */
export type StatusStep = Omit<
  Selectable<ResidenceStatusTable>,
  'id' | 'tenant_id' | 'person_id' | 'recorded_by' | 'recorded_at'
>;

const base = (): Omit<StatusStep, 'kind' | 'since'> => ({
  paragraph: null,
  until: null,
  document: null,
  work_annotation: null,
  asylum_application_date: null,
  asylum_decision: null,
  asylum_decision_date: null,
  lives_in_reception_centre: null,
  own_fault_obstacle: null,
  identity_unclear: null,
  registered: null,
  dublin_case: null,
});

/**
 * A plausible residence history for a nationality, oldest first. The mix is chosen so that the rules
 * are interesting: waiting periods that end soon, reception-centre residents, safe countries, own-fault
 * Duldung, recognitions that trigger a Rechtskreiswechsel, and Ukrainians under §24.
 */
export function statusHistory(
  r: () => number,
  nationality: string,
  today: string,
): { entryDate: string; steps: StatusStep[] } {
  if (nationality === 'UA') {
    const entry = randomDay(r, '2022-03-01', addDays(today, -30));
    return {
      entryDate: entry,
      steps: [
        {
          ...base(),
          kind: 'aufenthaltserlaubnis',
          paragraph: '24',
          since: addDays(entry, 10 + Math.floor(r() * 40)),
          until: '2027-03-04',
          document: 'eAT',
          work_annotation: 'Erwerbstätigkeit erlaubt',
          registered: true,
        },
      ],
    };
  }
  if (nationality === 'BG' || nationality === 'RO') {
    const entry = randomDay(r, '2018-01-01', addDays(today, -30));
    return { entryDate: entry, steps: [{ ...base(), kind: 'eu_freizuegigkeit', since: entry }] };
  }
  const entry = randomDay(r, '2019-06-01', addDays(today, -14));
  const application = addDays(entry, Math.floor(r() * 20));
  const inAE = r() < 0.18;
  const gestattung: StatusStep = {
    ...base(),
    kind: 'gestattung',
    since: application,
    until: addDays(application, 180),
    document: 'Aufenthaltsgestattung',
    asylum_application_date: application,
    asylum_decision: 'pending',
    lives_in_reception_centre: inAE,
    // Recorded as known (no Dublin case): the demo's asylum seekers get a real answer, not "review".
    dublin_case: false,
  };
  const decidedAfter = 120 + Math.floor(r() * 600);
  const decisionDay = addDays(application, decidedAfter);
  if (decisionDay > today) return { entryDate: entry, steps: [gestattung] };

  const recognitionRate: Record<string, number> = {
    SY: 0.9,
    ER: 0.8,
    AF: 0.6,
    IR: 0.45,
    IQ: 0.4,
    SO: 0.5,
    TR: 0.25,
    GE: 0.02,
    MD: 0.02,
    RU: 0.3,
  };
  const recognised = r() < (recognitionRate[nationality] ?? 0.4);
  if (recognised) {
    const paragraph = weighted(r, [
      ['25(2)', 6],
      ['25(1)', 1],
      ['25(3)', 1],
    ] as const);
    return {
      entryDate: entry,
      steps: [
        { ...gestattung, lives_in_reception_centre: false },
        {
          ...base(),
          kind: 'aufenthaltserlaubnis',
          paragraph,
          since: addDays(decisionDay, 20),
          until: addDays(decisionDay, 20 + 3 * 365),
          document: 'eAT',
          work_annotation: 'Erwerbstätigkeit erlaubt',
          asylum_application_date: application,
          asylum_decision: 'recognised',
          asylum_decision_date: decisionDay,
        },
      ],
    };
  }
  const manifestly = r() < 0.3;
  return {
    entryDate: entry,
    steps: [
      { ...gestattung, lives_in_reception_centre: false },
      {
        ...base(),
        kind: 'duldung',
        paragraph: r() < 0.08 ? '60b' : '60a',
        since: addDays(decisionDay, 30),
        until: addDays(decisionDay, 30 + 180),
        document: 'Duldung',
        work_annotation: r() < 0.5 ? 'Erwerbstätigkeit nur mit Erlaubnis der Ausländerbehörde' : null,
        asylum_application_date: application,
        asylum_decision: manifestly ? 'rejected_manifestly_unfounded' : 'rejected',
        asylum_decision_date: decisionDay,
        own_fault_obstacle: r() < 0.15,
        identity_unclear: r() < 0.08,
      },
    ],
  };
}
