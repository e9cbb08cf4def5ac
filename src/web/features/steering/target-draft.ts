import { type TargetDirection, unitOf } from '../../../domain/statistics/targets';
import type {
  TargetCreate,
  TargetOut,
  TargetUpdate,
} from '../../../server/modules/statistics/steering-schema';

/**
 * A target as the form holds it: the value as typed (shares in percent, "" when empty), days as entered
 * ("" for no baseline day). The wire takes shares as 0..1.
 */
export interface TargetDraft {
  indicatorId: string;
  label: string;
  value: number | string;
  direction: TargetDirection;
  deadline: string;
  baselineOn: string;
}

const isShare = (indicatorId: string) => unitOf(indicatorId) === 'share';
/** Rounds away the binary noise of ×100 and ÷100 (0.07 × 100 = 7.000000000000001). */
const clean = (n: number) => Math.round(n * 1e9) / 1e9;

export function toDraft(target?: TargetOut): TargetDraft {
  if (!target)
    return {
      indicatorId: 'in_work_share',
      label: '',
      value: 50,
      direction: 'at_least',
      deadline: '',
      baselineOn: '',
    };
  return {
    indicatorId: target.indicatorId,
    label: target.label,
    value: isShare(target.indicatorId) ? clean(target.targetValue * 100) : target.targetValue,
    direction: target.direction,
    deadline: target.deadline,
    baselineOn: target.baselineOn ?? '',
  };
}

/** The value the API takes: a share typed as 55 (%) is sent as 0.55; nothing typed is sent as null (400). */
export function wireValue(d: TargetDraft): number | null {
  if (d.value === '' || d.value === null) return null;
  const n = Number(String(d.value).replace(',', '.'));
  if (!Number.isFinite(n)) return null;
  return isShare(d.indicatorId) ? clean(n / 100) : n;
}

/** POST /api/statistics/targets. targetValue null lets the server name the field (in German). */
export function createBody(
  d: TargetDraft,
): Omit<TargetCreate, 'targetValue'> & { targetValue: number | null } {
  return {
    indicatorId: d.indicatorId as TargetCreate['indicatorId'],
    label: d.label.trim(),
    targetValue: wireValue(d),
    direction: d.direction,
    deadline: d.deadline,
    baselineOn: d.baselineOn || null,
  };
}

type UpdateBody = Omit<TargetUpdate, 'targetValue'> & { targetValue?: number | null };

/** PATCH /api/statistics/targets/:id: only the fields that differ from the target as read, and its version. */
export function changedFields(before: TargetOut, d: TargetDraft): UpdateBody | null {
  const now = createBody(d);
  const out: UpdateBody = { version: before.version };
  if (now.indicatorId !== before.indicatorId) out.indicatorId = now.indicatorId;
  if (now.label !== before.label) out.label = now.label;
  if (now.targetValue === null || Math.abs(now.targetValue - before.targetValue) > 1e-9)
    out.targetValue = now.targetValue;
  if (now.direction !== before.direction) out.direction = now.direction;
  if (now.deadline !== before.deadline) out.deadline = now.deadline;
  if (now.baselineOn !== before.baselineOn) out.baselineOn = now.baselineOn;
  return Object.keys(out).length > 1 ? out : null;
}
