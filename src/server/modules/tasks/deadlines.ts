import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import { todayInGermany } from '../../../domain/reference/dates';
import { situationFromCaseFile } from '../../../domain/rules';
import { evaluateExtended } from '../../../domain/rules/extended';
import {
  ipStayTask,
  type OpenGeneratedTask,
  planDeadlineSync,
  recognitionTask,
  type WantedTask,
  wantedDeadlineTasks,
} from '../../../domain/tasks/deadline-tasks';
import { awaitedDecisions } from '../recognition/service';
import { lawFor } from '../rules/law-store';
import { loadCaseFiles } from '../rules/situation';
import { readSettings } from '../settings/service';
import {
  closeGenerated,
  type GeneratedTask,
  insertGenerated,
  moveGenerated,
  openDeadlineTasks,
} from './repo';

export interface SyncResult {
  persons: number;
  created: number;
  moved: number;
  closed: number;
  ms: number;
}

/**
 * Brings the deadline tasks of some persons (or of the whole region) in line with the rules engine on
 * `today`: after a status is recorded or corrected, after a law change. The same facts as the status
 * card (whole case files); generated tasks go to the person's advisor, else to the owning agency's team.
 */
export async function syncDeadlines(
  db: Kysely<DB>,
  tenantId: string,
  opts: {
    personIds?: readonly string[];
    today?: string;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<SyncResult> {
  const started = performance.now();
  const today = opts.today ?? todayInGermany();
  const ids = opts.personIds ?? null;
  if (ids && ids.length === 0) return { persons: 0, created: 0, moved: 0, closed: 0, ms: 0 };
  const people = await db
    .selectFrom('person')
    .select([
      'id',
      'nationalities',
      'entry_date',
      'birth_date',
      'gender',
      'languages',
      'owner_user_id',
      'owner_agency_id',
      'ip_entry_date',
      'case_status',
      'merged_into',
    ])
    .where('tenant_id', '=', tenantId)
    .$if(ids !== null, (q) => q.where('id', 'in', ids ?? []))
    .execute();
  const live = people.filter((p) => p.case_status !== 'closed' && p.merged_into === null);
  const [files, { law }, open, settings, recognitions] = await Promise.all([
    loadCaseFiles(db, tenantId, live, ids === null),
    lawFor(db, tenantId, today),
    openDeadlineTasks(db, tenantId, ids),
    readSettings(db, tenantId),
    awaitedDecisions(db, tenantId, ids),
  ]);
  const recognitionsOf = new Map<string, WantedTask[]>();
  for (const r of recognitions) {
    const w = recognitionTask(r.id, {
      regulated: r.regulated,
      completeOn: r.complete_on,
      extendedUntil: r.extended_until,
      decisionOn: r.decision_on,
      status: r.status,
    });
    if (w) recognitionsOf.set(r.person_id, [...(recognitionsOf.get(r.person_id) ?? []), w]);
  }
  const openByPerson = new Map<string, OpenGeneratedTask[]>();
  for (const t of open) {
    const list = openByPerson.get(t.person_id as string) ?? [];
    list.push({
      id: t.id,
      sourceKey: t.source_key as string,
      dueOn: t.due_on,
      eventOn: t.event_on,
      legalBasis: t.legal_basis,
    });
    openByPerson.set(t.person_id as string, list);
  }
  const create: GeneratedTask[] = [];
  const moves: Parameters<typeof moveGenerated>[2][number][] = [];
  const gone: string[] = [];
  let n = 0;
  for (const p of live) {
    const file = files.get(p.id) ?? { person: p, residence: [] };
    const decision = evaluateExtended(situationFromCaseFile(file, today), law);
    const stay = ipStayTask(p.ip_entry_date, settings.ipMaxStayMonths);
    const wanted = wantedDeadlineTasks(decision.deadlines);
    const all = [...wanted, ...(stay ? [stay] : []), ...(recognitionsOf.get(p.id) ?? [])];
    const plan = planDeadlineSync(openByPerson.get(p.id) ?? [], all, today);
    openByPerson.delete(p.id);
    for (const w of plan.create) {
      create.push({
        personId: p.id,
        kind: w.kind,
        source: 'deadline',
        sourceKey: w.sourceKey,
        dueOn: w.dueOn,
        eventOn: w.eventOn,
        legalBasis: w.legalBasis,
        remindOn: w.remindOn,
        userId: p.owner_user_id,
        agencyId: p.owner_agency_id,
      });
    }
    moves.push(...plan.move);
    gone.push(...plan.close);
    if (++n % 5000 === 0) opts.onProgress?.(n, live.length);
  }
  // Open tasks of persons whose case closed or was merged: nothing is due for them any more.
  const closedCase = [...openByPerson.values()].flat().map((t) => t.id);
  await insertGenerated(db, tenantId, create);
  await moveGenerated(db, tenantId, moves);
  await closeGenerated(db, tenantId, gone, 'source_gone');
  await closeGenerated(db, tenantId, closedCase, 'case_closed');
  opts.onProgress?.(live.length, live.length);
  return {
    persons: live.length,
    created: create.length,
    moved: moves.length,
    closed: gone.length + closedCase.length,
    ms: Math.round(performance.now() - started),
  };
}
