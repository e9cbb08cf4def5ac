import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema';
import { type Actor, decidePersonRead } from '../../domain/access/person-access';
import { actorMay, type Permission } from '../../domain/access/roles';
import { todayInGermany } from '../../domain/reference/dates';
import { forbidden, notFound } from '../http/errors';
import { personActEntry, personRefusalEntry, writeAuditGrouped } from './audit/audit-writer';
import { accessFactColumns, consentFact } from './persons/repo';

/**
 * One guard at the top of every service method that takes ids (after Immich's `requireAccess`): the role's
 * permission (`actorMay`, the same map as the route's declaration), then every id named must exist in the
 * actor's region and lie within what the actor may reach. One statement per kind of id, whatever the count.
 *
 * Answers, as the routes answered before:
 * - 403 when the role lacks the permission;
 * - 404 for an id that is not in the actor's region (another region's id or none at all — no existence leak),
 *   and for a course outside a provider's own courses;
 * - persons: the access rule `decidePersonRead` on the same facts `authorizePerson` loads; a refusal (other
 *   team or agency, no consent) is 403 with the rule's reason, audited as denied, as a person read is. With
 *   `audit`, an allowed act is audited too: one row per person with legal basis and consent, as
 *   `authorizePerson` writes it — for an act on many persons that has no row of its own;
 * - handovers: 403 when the handover concerns neither the actor's agency as sender nor as receiver.
 */
export interface AccessIds {
  personIds?: readonly string[];
  courseIds?: readonly string[];
  handoverIds?: readonly string[];
  runIds?: readonly string[];
}

/** What a refused reader is told, per reason of the access rule (the same words on every path). */
export const PERSON_REFUSAL: Record<string, string> = {
  tenant: 'Person nicht gefunden.',
  permission: 'Ihre Rolle darf Personendaten nicht lesen.',
  scope: 'Dieser Fall gehört nicht zu Ihrem Zuständigkeitsbereich.',
  no_consent: 'Für Ihre Stelle liegt keine gültige Einwilligung der Person vor.',
};

/**
 * The access rule on a person's loaded access facts (`accessFactColumns`): one mapping from the row to
 * `decidePersonRead` for the single-person guard (persons/service) and for `requireAccess` on many.
 */
export function decideOnFacts(
  actor: Actor,
  person: {
    tenant_id: string;
    owner_user_id: string | null;
    owner_agency_id: string | null;
    team: string | null;
  },
  consents: ReturnType<typeof consentFact>[],
  handoverAgencyIds: string[],
  today = todayInGermany(),
) {
  return decidePersonRead({
    actor,
    person: {
      tenantId: person.tenant_id,
      ownerUserId: person.owner_user_id,
      ownerAgencyId: person.owner_agency_id,
      team: person.team,
      handoverAgencyIds,
    },
    consents,
    today,
  });
}

const distinct = (ids: readonly string[] | undefined): string[] => [...new Set(ids ?? [])];

export async function requireAccess(
  db: Kysely<DB>,
  actor: Actor,
  permission: Permission,
  ids: AccessIds = {},
  opts: {
    /** The act, for the audit rows of the persons (default `access:<permission>`). */
    action?: string;
    requestId?: string;
    /** Audit the allowed act as well, one row per person (a refusal is always audited). */
    auditAllowed?: boolean;
  } = {},
): Promise<void> {
  if (!actorMay(actor, permission)) throw forbidden();
  const [persons, courses, handovers, runs] = [
    distinct(ids.personIds),
    distinct(ids.courseIds),
    distinct(ids.handoverIds),
    distinct(ids.runIds),
  ];
  if (courses.length > 0) await requireCourses(db, actor, courses);
  if (handovers.length > 0) await requireHandovers(db, actor, handovers);
  if (runs.length > 0) await requireRuns(db, actor, runs);
  if (persons.length > 0)
    await requirePersons(db, actor, persons, {
      action: opts.action ?? `access:${permission}`,
      requestId: opts.requestId,
      auditAllowed: opts.auditAllowed ?? false,
    });
}

/** Courses of the region; a course provider reaches only the courses of its own Bildungsträger. */
async function requireCourses(db: Kysely<DB>, actor: Actor, ids: string[]): Promise<void> {
  let q = db
    .selectFrom('course as c')
    .innerJoin('course_provider as pr', 'pr.id', 'c.provider_id')
    .select('c.id')
    .where('c.tenant_id', '=', actor.tenantId)
    .where('pr.tenant_id', '=', actor.tenantId)
    .where('c.id', 'in', ids);
  if (actor.role === 'partner') q = q.where('pr.agency_id', '=', actor.agencyId);
  const found = await q.execute();
  if (found.length !== ids.length) throw notFound('Kurs');
}

async function requireHandovers(db: Kysely<DB>, actor: Actor, ids: string[]): Promise<void> {
  const rows = await db
    .selectFrom('handover')
    .select(['id', 'from_agency_id', 'to_agency_id'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', ids)
    .execute();
  if (rows.length !== ids.length) throw notFound('Übergabe');
  if (rows.some((h) => h.from_agency_id !== actor.agencyId && h.to_agency_id !== actor.agencyId))
    throw forbidden('Diese Übergabe betrifft Ihre Stelle nicht.');
}

async function requireRuns(db: Kysely<DB>, actor: Actor, ids: string[]): Promise<void> {
  const rows = await db
    .selectFrom('allocation_run')
    .select('id')
    .where('tenant_id', '=', actor.tenantId)
    .where('id', 'in', ids)
    .execute();
  if (rows.length !== ids.length) throw notFound('Zuteilungslauf');
}

/** The persons with the facts of the access rule (consents, open handovers), all in one statement. */
async function requirePersons(
  db: Kysely<DB>,
  actor: Actor,
  ids: string[],
  opts: { action: string; requestId: string | undefined; auditAllowed: boolean },
): Promise<void> {
  const rows = await db
    .selectFrom('person as p')
    .select((eb) => [
      'p.id',
      'p.tenant_id',
      'p.owner_user_id',
      'p.owner_agency_id',
      'p.team',
      ...accessFactColumns(eb),
    ])
    .where('p.tenant_id', '=', actor.tenantId)
    .where('p.id', 'in', ids)
    .execute();
  if (rows.length !== ids.length) throw notFound('Person');
  const today = todayInGermany();
  const decisions = rows.map((p) => ({
    personId: p.id,
    decision: decideOnFacts(
      actor,
      p,
      p.access_consents.map(consentFact),
      p.access_handovers.map((h) => h.to_agency_id),
      today,
    ),
  }));
  const refused = decisions.flatMap(({ personId, decision }) =>
    decision.allowed ? [] : [{ personId, reason: decision.reason }],
  );
  if (refused.length > 0) {
    // The act did not happen: only the refusals are recorded, each with its reason.
    await Promise.all(
      refused.map(({ personId, reason }) =>
        writeAuditGrouped(db, actor, personRefusalEntry(opts.action, personId, reason), opts.requestId),
      ),
    );
    throw forbidden(PERSON_REFUSAL[refused[0].reason]);
  }
  if (!opts.auditAllowed) return;
  await Promise.all(
    decisions.map(({ personId, decision }) =>
      decision.allowed
        ? writeAuditGrouped(db, actor, personActEntry(opts.action, personId, decision), opts.requestId)
        : undefined,
    ),
  );
}
