import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { badRequest, conflict, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { updateVersioned } from '../versioned';
import { presentEmployer } from './presenter';
import * as repo from './repo';
import type { EmployerInput, EmployerOut } from './schema';

// Employers (Arbeitgeber) with contacts, places of work and the mentors (Paten) they offer. No person data.

const COLUMNS = {
  name: 'name',
  sector: 'sector',
  size: 'size',
  street: 'street',
  postcode: 'postcode',
  city: 'city',
  municipalityId: 'municipality_id',
  betriebsnummer: 'betriebsnummer',
  contacts: 'contacts',
  mentors: 'mentors',
  notes: 'notes',
  active: 'active',
} as const satisfies Record<keyof Omit<EmployerInput, 'version'>, string>;

function toColumns(b: Partial<EmployerInput>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [f, c] of Object.entries(COLUMNS)) {
    const v = b[f as keyof typeof COLUMNS];
    if (v === undefined) continue;
    out[c] = c === 'contacts' || c === 'mentors' ? JSON.stringify(v) : v;
  }
  return out;
}

export async function employerById(db: Kysely<DB>, tenantId: string, id: string): Promise<EmployerOut> {
  const [row] = await repo.employerRows(db, tenantId, { id });
  if (!row) throw notFound('Arbeitgeber');
  return presentEmployer(row);
}

export async function listEmployers(
  db: Kysely<DB>,
  actor: Actor,
  q: { q?: string; includeInactive?: boolean },
) {
  return (await repo.employerRows(db, actor.tenantId, q)).map(presentEmployer);
}

async function checkReferences(db: Kysely<DB>, tenantId: string, b: Partial<EmployerInput>) {
  if (b.municipalityId && !(await repo.municipalityInTenant(db, tenantId, b.municipalityId)))
    throw badRequest('Unbekannter Ort.', [{ path: 'municipalityId', message: 'kein Ort dieser Region' }]);
}

async function nameTaken(db: Kysely<DB>, tenantId: string, name: string, except?: string) {
  const same = await db
    .selectFrom('employer')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', name)
    .$if(except !== undefined, (q) => q.where('id', '!=', except as string))
    .executeTakeFirst();
  if (same)
    throw badRequest('Diesen Arbeitgeber gibt es schon.', [
      { path: 'name', message: 'Ein Arbeitgeber mit diesem Namen ist schon angelegt' },
    ]);
}

export async function createEmployer(
  db: Kysely<DB>,
  actor: Actor,
  b: Partial<EmployerInput> & { name: string },
  requestId?: string,
) {
  await checkReferences(db, actor.tenantId, b);
  await nameTaken(db, actor.tenantId, b.name);
  const r = await db
    .insertInto('employer')
    .values({ ...toColumns(b), tenant_id: actor.tenantId, created_by: actor.userId } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeAudit(db, actor, { action: 'create', entity: 'employer', entityId: r.id }, requestId);
  return employerById(db, actor.tenantId, r.id);
}

export async function changeEmployer(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  b: EmployerInput,
  requestId?: string,
) {
  const cur = await employerById(db, actor.tenantId, id);
  const { version, ...fields } = b;
  await checkReferences(db, actor.tenantId, fields);
  if (fields.name !== undefined) await nameTaken(db, actor.tenantId, fields.name, id);
  if (!(await updateVersioned(db, 'employer', actor.tenantId, id, version, toColumns(fields))))
    throw conflict('Der Arbeitgeber wurde inzwischen geändert. Bitte neu laden.', cur);
  await writeAudit(
    db,
    actor,
    { action: 'update', entity: 'employer', entityId: id, details: { fields: Object.keys(fields) } },
    requestId,
  );
  return employerById(db, actor.tenantId, id);
}
