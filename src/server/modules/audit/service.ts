import type { Kysely } from 'kysely';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { badRequest, forbidden, notFound } from '../../http/errors';
import { writeAudit } from './audit-writer';
import { auditCsv, presentAuditRow, presentTrailRow } from './presenter';
import { countAudit, findAudit, lookupPersons, personOwner, personTrailRows, userInTenant } from './repo';
import type { AuditFilter, AuditItem, AuditQuery, PersonTrailItem } from './schema';

/**
 * Why the administration may look into the log and name the persons in it: the data-protection officer
 * monitors compliance (Art. 39 Abs. 1 lit. b DSGVO). It sees identity only (name, birth year), never the file.
 */
export const BASIS_AUDIT_CONTROL = 'Art. 39 Abs. 1 lit. b DSGVO (Datenschutzkontrolle)';
const PURPOSE = 'datenschutzkontrolle';

/** More rows than this are not exported at once: the admin narrows the period instead. */
export const AUDIT_EXPORT_CAP = 50_000;

function filterOf(q: AuditFilter): AuditFilter {
  const { person, user, action, outcome, from, to } = q;
  return { person, user, action, outcome, from, to };
}

async function checkUser(db: Kysely<DB>, actor: Actor, f: AuditFilter) {
  if (f.user && !(await userInTenant(db, actor.tenantId, f.user)))
    throw badRequest('Ungültige Eingabe', [{ path: 'query.user', message: 'Benutzer nicht gefunden.' }]);
}

/** Looking into the log is itself an act of the admin: one audit row with the filters used. */
async function auditLookIn(
  db: Kysely<DB>,
  actor: Actor,
  action: string,
  f: AuditFilter,
  details: Record<string, unknown>,
  requestId?: string,
) {
  await writeAudit(
    db,
    actor,
    {
      action,
      entity: 'audit_log',
      personId: f.person ?? null,
      legalBasis: BASIS_AUDIT_CONTROL,
      purpose: PURPOSE,
      details: { filter: f, ...details },
    },
    requestId,
  );
}

export async function searchAudit(
  db: Kysely<DB>,
  actor: Actor,
  q: AuditQuery,
  requestId?: string,
): Promise<{ total: number; items: AuditItem[] }> {
  const f = filterOf(q);
  await checkUser(db, actor, f);
  // Read before the viewer's own row is written: the answer shows the log as it was when asked.
  const [total, rows] = await Promise.all([
    countAudit(db, actor.tenantId, f),
    findAudit(db, actor.tenantId, f, { limit: q.limit, offset: q.offset }),
  ]);
  await auditLookIn(db, actor, 'read_audit_log', f, { total }, requestId);
  return { total, items: rows.map(presentAuditRow) };
}

export async function exportAudit(
  db: Kysely<DB>,
  actor: Actor,
  f0: AuditFilter,
  requestId?: string,
): Promise<string> {
  const f = filterOf(f0);
  await checkUser(db, actor, f);
  const total = await countAudit(db, actor.tenantId, f);
  if (total > AUDIT_EXPORT_CAP)
    throw badRequest('Zu viele Einträge für eine Datei', [
      {
        path: 'query.from',
        message: `${total.toLocaleString('de-DE')} Einträge – bitte den Zeitraum eingrenzen (höchstens ${AUDIT_EXPORT_CAP.toLocaleString('de-DE')}).`,
      },
    ]);
  const rows = await findAudit(db, actor.tenantId, f, { limit: AUDIT_EXPORT_CAP, offset: 0 });
  await auditLookIn(db, actor, 'export_audit_log', f, { rows: rows.length }, requestId);
  return auditCsv(rows.map(presentAuditRow));
}

/** The person picker: identity only, and the lookup itself is in the log. */
export async function lookupAuditPersons(db: Kysely<DB>, actor: Actor, q: string, requestId?: string) {
  const rows = await lookupPersons(db, actor.tenantId, q);
  await auditLookIn(db, actor, 'audit_person_lookup', {}, { hits: rows.length }, requestId);
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: `${r.family_name}, ${r.given_names}`,
      birthYear: r.birth_date ? Number(String(r.birth_date).slice(0, 4)) : null,
    })),
  };
}

/**
 * Who looked at a person: one page of the person's trail. The trail itself says who looked, so only the
 * administration and the case owner may see it (404 for an unknown person; 403 otherwise, the refused
 * look logged as denied). The reading is logged after the page is read.
 */
export async function personAuditTrail(
  db: Kysely<DB>,
  actor: Actor,
  q: {
    personId: string;
    /** page size and start, as in `paging` */
    limit: number;
    offset: number;
  },
  requestId?: string,
): Promise<{ items: PersonTrailItem[] }> {
  const person = await personOwner(db, { tenantId: actor.tenantId, personId: q.personId });
  if (!person) throw notFound('Person');
  const look = { action: 'read_audit', entity: 'person', entityId: q.personId, personId: q.personId };
  if (actor.role !== 'admin' && person.owner_user_id !== actor.userId) {
    await writeAudit(db, actor, { ...look, outcome: 'denied' }, requestId);
    throw forbidden('Das Protokoll sehen nur die Administration und die fallverantwortliche Fachkraft.');
  }
  const rows = await personTrailRows(db, { tenantId: actor.tenantId, ...q });
  await writeAudit(db, actor, look, requestId);
  return { items: rows.map(presentTrailRow) };
}
