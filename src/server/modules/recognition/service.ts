import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import {
  decisionDueOn,
  isOverdue,
  legalBasisOf,
  type RecognitionFacts,
} from '../../../domain/recognition/deadline';
import { todayInGermany } from '../../../domain/reference/dates';
import { badRequest, conflict, notFound } from '../../http/errors';
import { authorizePerson } from '../persons/service';
import { deadlinesChanged } from '../tasks/triggers';
import type { RecognitionOut } from './schema';

// The recognition module: its own table, the decision deadline from the domain, tasks via the task module.

const COLUMNS = {
  qualification: 'qualification',
  country: 'country',
  referenceOccupation: 'reference_occupation',
  escoUri: 'esco_uri',
  regulated: 'regulated',
  authority: 'authority',
  status: 'status',
  appliedOn: 'applied_on',
  completeOn: 'complete_on',
  extendedUntil: 'extended_until',
  decisionOn: 'decision_on',
  result: 'result',
  adaptationMeasure: 'adaptation_measure',
} as const;

function rows(db: Kysely<DB>, tenantId: string, personId: string, id?: string) {
  return db
    .selectFrom('recognition')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('person_id', '=', personId)
    .$if(id !== undefined, (q) => q.where('id', '=', id as string))
    .orderBy('created_at')
    .execute();
}
type Row = Awaited<ReturnType<typeof rows>>[number];

const facts = (r: Row): RecognitionFacts => ({
  regulated: r.regulated,
  completeOn: r.complete_on,
  extendedUntil: r.extended_until,
  decisionOn: r.decision_on,
  status: r.status,
});

function present(r: Row, today: string): RecognitionOut {
  return {
    id: r.id,
    qualification: r.qualification,
    country: r.country,
    referenceOccupation: r.reference_occupation,
    escoUri: r.esco_uri,
    regulated: r.regulated,
    authority: r.authority,
    status: r.status,
    appliedOn: r.applied_on,
    completeOn: r.complete_on,
    extendedUntil: r.extended_until,
    decisionOn: r.decision_on,
    result: r.result,
    adaptationMeasure: r.adaptation_measure,
    decisionDueOn: decisionDueOn(facts(r)),
    overdue: isOverdue(facts(r), today),
    legalBasis: legalBasisOf(r),
    version: r.version,
  };
}

/** Checks across fields that a single field's schema cannot: the order of the days, a result with its day. */
function checkConsistency(m: Row | Record<string, unknown>) {
  const v = m as Record<string, string | null>;
  if (v.complete_on && v.applied_on && v.complete_on < v.applied_on)
    throw badRequest('Vollständig kann die Akte erst nach dem Antrag sein.', [
      { path: 'completeOn', message: 'liegt vor dem Antrag' },
    ]);
  if (v.decision_on && !v.result)
    throw badRequest('Zur Entscheidung gehört ihr Ergebnis.', [
      { path: 'result', message: 'Bitte das Ergebnis angeben' },
    ]);
}

export async function recognitionsOf(db: Kysely<DB>, actor: Actor, personId: string, requestId?: string) {
  await authorizePerson(db, actor, personId, { action: 'read_recognition', requestId });
  const today = todayInGermany();
  return (await rows(db, actor.tenantId, personId)).map((r) => present(r, today));
}

export async function addRecognition(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  b: Partial<Record<keyof typeof COLUMNS, unknown>>,
  requestId?: string,
  log?: { warn: (o: object, m: string) => void },
) {
  await authorizePerson(db, actor, personId, { action: 'add_recognition', requestId });
  const values: Record<string, unknown> = {
    tenant_id: actor.tenantId,
    person_id: personId,
    created_by: actor.userId,
  };
  for (const [f, c] of Object.entries(COLUMNS))
    if (b[f as keyof typeof COLUMNS] !== undefined) values[c] = b[f as keyof typeof COLUMNS];
  checkConsistency(values);
  const r = await db
    .insertInto('recognition')
    .values(values as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await deadlinesChanged(db, actor.tenantId, [personId], log);
  const [row] = await rows(db, actor.tenantId, personId, r.id);
  return present(row as Row, todayInGermany());
}

export async function changeRecognition(
  db: Kysely<DB>,
  actor: Actor,
  personId: string,
  id: string,
  b: Partial<Record<keyof typeof COLUMNS, unknown>> & { version: number },
  requestId?: string,
  log?: { warn: (o: object, m: string) => void },
) {
  await authorizePerson(db, actor, personId, { action: 'update_recognition', requestId });
  const [cur] = await rows(db, actor.tenantId, personId, id);
  if (!cur) throw notFound('Anerkennungsverfahren');
  const set: Record<string, unknown> = {};
  for (const [f, c] of Object.entries(COLUMNS))
    if (b[f as keyof typeof COLUMNS] !== undefined) set[c] = b[f as keyof typeof COLUMNS];
  checkConsistency({ ...cur, ...set });
  const r = await db
    .updateTable('recognition')
    .set((eb) => ({ ...set, version: eb('version', '+', 1), updated_at: new Date() }) as never)
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', id)
    .where('version', '=', b.version)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) !== 1)
    throw conflict(
      'Das Verfahren wurde inzwischen geändert. Bitte neu laden.',
      present(cur, todayInGermany()),
    );
  await deadlinesChanged(db, actor.tenantId, [personId], log);
  const [row] = await rows(db, actor.tenantId, personId, id);
  return present(row as Row, todayInGermany());
}

/** Open procedures with a complete file, for the deadline run. */
export function awaitedDecisions(db: Kysely<DB>, tenantId: string, personIds: readonly string[] | null) {
  return db
    .selectFrom('recognition')
    .select([
      'id',
      'person_id',
      'regulated',
      'complete_on',
      'extended_until',
      'decision_on',
      'status',
      'reference_occupation',
    ])
    .where('tenant_id', '=', tenantId)
    .where('complete_on', 'is not', null)
    .where('decision_on', 'is', null)
    .where('status', 'not in', ['decided', 'withdrawn'])
    .$if(personIds !== null, (q) => q.where('person_id', 'in', personIds ?? []))
    .execute();
}
