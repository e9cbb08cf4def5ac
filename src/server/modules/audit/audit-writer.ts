import { CompiledQuery, type Kysely } from 'kysely';
import { jsonRowsInsert } from '../../../db/bulk';
import type { DB } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';

export interface AuditEntry {
  action:
    | 'read'
    | 'create'
    | 'update'
    | 'delete'
    | 'export'
    | 'merge'
    | 'search'
    | 'login'
    | 'logout'
    | string;
  entity: string;
  entityId?: string | null;
  personId?: string | null;
  outcome?: 'allowed' | 'denied';
  legalBasis?: string | null;
  consentId?: string | null;
  purpose?: string | null;
  details?: Record<string, unknown>;
}

type Auditor = Pick<Actor, 'tenantId' | 'userId' | 'agencyId' | 'role'> | null;

const onPerson = (action: string, personId: string) =>
  ({ action, entity: 'person', entityId: personId, personId }) as const;

/**
 * The audit entry of an allowed act on a person: which person, and the decision's legal basis, consent,
 * purpose and the data categories the answer was cut to — one shape for every place that decides on persons.
 */
export function personActEntry(
  action: string,
  personId: string,
  decision: { basis: string; consentId: string | null; purpose: string; categories: readonly string[] },
  details: Record<string, unknown> = {},
): AuditEntry {
  return {
    ...onPerson(action, personId),
    legalBasis: decision.basis,
    consentId: decision.consentId,
    purpose: decision.purpose,
    details: { categories: decision.categories, ...details },
  };
}

/** The audit entry of a refused act on a person: the rule's reason, nothing of the person's data. */
export function personRefusalEntry(
  action: string,
  personId: string,
  reason: string,
  details: Record<string, unknown> = {},
): AuditEntry {
  return {
    ...onPerson(action, personId),
    outcome: 'denied',
    details: { reason, ...details },
  };
}

function auditValues(actor: Auditor, entry: AuditEntry & { tenantId?: string }, requestId?: string) {
  const tenantId = actor?.tenantId ?? entry.tenantId;
  if (!tenantId) throw new Error('audit entry without tenant');
  return {
    tenant_id: tenantId,
    user_id: actor?.userId ?? null,
    agency_id: actor?.agencyId ?? null,
    role: actor?.role ?? null,
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId ?? null,
    person_id: entry.personId ?? null,
    outcome: entry.outcome ?? 'allowed',
    legal_basis: entry.legalBasis ?? null,
    consent_id: entry.consentId ?? null,
    purpose: entry.purpose ?? null,
    request_id: requestId ?? null,
    details: entry.details ?? null,
  };
}
type AuditValues = ReturnType<typeof auditValues>;

/** One row as Kysely inserts it: jsonb as JSON text. */
const asRow = (v: AuditValues) => ({ ...v, details: v.details ? JSON.stringify(v.details) : null });

const COLUMNS = [
  'tenant_id',
  'user_id',
  'agency_id',
  'role',
  'action',
  'entity',
  'entity_id',
  'person_id',
  'outcome',
  'legal_basis',
  'consent_id',
  'purpose',
  'request_id',
  'details',
] as const satisfies readonly (keyof AuditValues)[];

/**
 * The grouped INSERT: the rows as one JSON parameter, unpacked in their order (the chain trigger links them
 * in that order). One constant text, so it is prepared once per connection (src/db/prepared.ts) and neither
 * compiled nor walked by the tenant guard per group — it names tenant_id in every row by construction.
 */
const GROUP_INSERT = jsonRowsInsert('audit_log', COLUMNS);

/** Appends one row; the table's trigger refuses every UPDATE and DELETE. */
export async function writeAudit(
  db: Kysely<DB>,
  actor: Auditor,
  entry: AuditEntry & { tenantId?: string },
  requestId?: string,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values(asRow(auditValues(actor, entry, requestId)))
    .execute();
}

/**
 * Appends one row like `writeAudit` and resolves once it is stored, but shares the INSERT with the rows
 * other requests of this process write at the same moment (group commit): while one INSERT is on its way,
 * the rows arriving meanwhile wait and go together in the next. The hash chain stays one chain per tenant —
 * the trigger links the rows of a multi-row INSERT one after the other, in arrival order within a tenant;
 * rows are sorted by tenant so two processes always lock the tenants' chain heads in the same order. Inside
 * a transaction the row is written in it, alone, as `writeAudit` does. A failing group is retried row by
 * row, so one bad row fails only its own request.
 */
export function writeAuditGrouped(
  db: Kysely<DB>,
  actor: Auditor,
  entry: AuditEntry & { tenantId?: string },
  requestId?: string,
): Promise<void> {
  if (db.isTransaction) return writeAudit(db, actor, entry, requestId);
  let group = groups.get(db);
  if (!group) {
    group = new AuditGroup(db);
    groups.set(db, group);
  }
  return group.add(auditValues(actor, entry, requestId));
}

/** Rows per INSERT at most (a bound on the JSON parameter and on the time the chain head stays locked). */
const MAX_GROUP = 200;
const groups = new WeakMap<Kysely<DB>, AuditGroup>();

interface Waiting {
  values: AuditValues;
  resolve: () => void;
  reject: (e: unknown) => void;
}

class AuditGroup {
  private waiting: Waiting[] = [];
  private draining: Promise<void> | null = null;
  constructor(private readonly db: Kysely<DB>) {}

  add(values: AuditValues): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ values, resolve, reject });
      // The first row goes at once; rows arriving while an INSERT is out wait for the next one.
      this.draining ??= this.drain().finally(() => {
        this.draining = null;
      });
    });
  }

  private async drain(): Promise<void> {
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_GROUP);
      const sorted = batch
        .map((w, i) => ({ w, i }))
        .sort((a, b) => a.w.values.tenant_id.localeCompare(b.w.values.tenant_id) || a.i - b.i)
        .map((x) => x.w);
      try {
        await this.db.executeQuery(
          CompiledQuery.raw(GROUP_INSERT, [JSON.stringify(sorted.map((w) => w.values))]),
        );
        for (const w of sorted) w.resolve();
      } catch (e) {
        if (sorted.length === 1) sorted[0].reject(e);
        else
          for (const w of sorted)
            await this.db.insertInto('audit_log').values(asRow(w.values)).execute().then(w.resolve, w.reject);
      }
    }
  }
}
