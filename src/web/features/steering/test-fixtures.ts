// Answers of the steering API for component tests, checked against the server's response schemas.
import {
  type DashboardOut,
  dashboardOut,
  type TargetProgressOut,
  targetOut,
  targetProgressOut,
} from '../../../server/modules/statistics/steering-schema';
import { ids } from '../../test/fixtures';

export const targetId = '0191d2a0-0000-7000-8000-0000000000f1';

export function target(over: Partial<TargetProgressOut> = {}): TargetProgressOut {
  return targetProgressOut.parse({
    id: targetId,
    indicatorId: 'in_work_share',
    label: 'Hälfte in Arbeit',
    targetValue: 0.5,
    direction: 'at_least',
    deadline: '2027-12-31',
    baselineOn: null,
    version: 3,
    unit: 'share',
    current: 0.31,
    distance: 0.19,
    daysLeft: 500,
    slopePer30Days: 0.01,
    projected: 0.48,
    verdict: 'off_track',
    points: [],
    ...over,
  });
}

/** The target as GET/PATCH answer it (no progress). */
export const plainTarget = (over: Partial<TargetProgressOut> = {}) => targetOut.parse(target(over));

export function dashboard(over: Partial<DashboardOut> = {}): DashboardOut {
  return dashboardOut.parse({
    asOf: '2026-05-31',
    filters: {},
    view: 'ip',
    smallCellsHidden: false,
    mayDrillDown: false,
    mayManageTargets: true,
    indicators: [
      {
        id: 'caseload',
        label: 'Fälle im Integration Point',
        value: 120,
        numerator: 120,
        denominator: null,
        suppressed: false,
      },
      {
        id: 'in_work_share',
        label: 'Anteil in Arbeit',
        value: 0.31,
        numerator: 37,
        denominator: 120,
        suppressed: false,
      },
    ],
    trend: [{ on: '2026-05-31', caseload: 120, inWorkShare: 0.31 }],
    funnel: [{ id: 'funnel_intake', label: 'Offene Fälle', value: 120, suppressed: false }],
    map: {
      rows: 1,
      cols: 1,
      tiles: [
        {
          municipalityId: ids.municipality,
          name: 'Herford',
          row: 0,
          col: 0,
          caseload: 120,
          inWorkShare: 0.31,
          suppressed: false,
        },
      ],
    },
    targets: [target()],
    ...over,
  });
}
