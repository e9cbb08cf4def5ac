import type { Kysely } from 'kysely';
import type { DB, PlacementStep } from '../../../db/schema';
import type { Actor } from '../../../domain/access/person-access';
import { todayInGermany } from '../../../domain/reference/dates';
import { MAX_OPEN_PROPOSALS } from '../../../domain/work/matching';
import { aftercareSteps, canMove, isOpen } from '../../../domain/work/pipeline';
import { PLACEMENT_STATUS_WORDS, type PlacementStatus } from '../../../domain/work/vocab';
import { badRequest, conflict, forbidden, notFound } from '../../http/errors';
import { writeAudit } from '../audit/audit-writer';
import { visiblePersons } from '../persons/scope';
import { authorizePerson, decidePerson } from '../persons/service';
import { replaceSourceTasks } from '../tasks/service';
import { deadlinesChanged } from '../tasks/triggers';
import { updateVersioned } from '../versioned';
import { presentPlacement } from './presenter';
import * as repo from './repo';
import type { PlacementInput, PlacementOut } from './schema';
import { vacancyById } from './vacancies';

// Placements through the pipeline: proposed → contacted → interview → trial → hired | declined. A hire
// creates the after-care steps in the task inbox; a permit request feeds the rules engine's case file.

/** Proposals per vacancy at most this many per opening: employers get a shortlist, not the register. */
export const PROPOSALS_PER_OPENING = 5;

export async function placementById(db: Kysely<DB>, tenantId: string, id: string): Promise<PlacementOut> {
  const [row] = await repo.placementRows(db, tenantId, { id });
  if (!row) throw notFound('Vermittlungsvorschlag');
  return presentPlacement(row);
}

/** The placements of a vacancy, limited to the persons the reader may open. */
export async function placementsOfVacancy(db: Kysely<DB>, actor: Actor, vacancyId: string) {
  await vacancyById(db, actor.tenantId, vacancyId);
  const rows = await repo.placementRows(db, actor.tenantId, { vacancyId });
  const visible = await visiblePersons(
    db,
    actor,
    rows.map((r) => r.person_id),
  );
  return rows.filter((r) => visible.has(r.person_id)).map(presentPlacement);
}

export async function placementsOfPerson(db: Kysely<DB>, actor: Actor, personId: string, requestId?: string) {
  const { decision } = await authorizePerson(db, actor, personId, { action: 'read_placements', requestId });
  if (!decision.allowed || !decision.categories.includes('profile')) throw forbidden();
  return (await repo.placementRows(db, actor.tenantId, { personId })).map(presentPlacement);
}

export async function propose(
  db: Kysely<DB>,
  actor: Actor,
  vacancyId: string,
  b: { personId: string; note?: string | null },
  requestId?: string,
) {
  const vacancy = await vacancyById(db, actor.tenantId, vacancyId);
  if (vacancy.status !== 'open')
    throw badRequest('Die Stelle ist nicht mehr offen.', [
      { path: 'personId', message: 'Stelle ist besetzt oder geschlossen' },
    ]);
  const { decision } = await decidePerson(db, actor, b.personId, { action: 'propose', requestId });
  if (!decision.allowed || !decision.categories.includes('profile')) throw forbidden();
  const today = todayInGermany();
  const [releases, open, all] = await Promise.all([
    repo.employerReleases(db, actor.tenantId, [b.personId], today),
    repo.openProposalCounts(db, actor.tenantId, [b.personId]),
    repo.placementRows(db, actor.tenantId, { vacancyId }),
  ]);
  if (!releases.has(b.personId))
    throw badRequest('Ohne Einwilligung darf das Profil nicht an Arbeitgeber gehen.', [
      {
        path: 'personId',
        message: 'keine Einwilligung „Arbeitsvermittlung/Arbeitgeber“ mit Kategorie Profil',
      },
    ]);
  if ((open.get(b.personId) ?? 0) >= MAX_OPEN_PROPOSALS)
    throw badRequest(`Diese Person ist schon für ${MAX_OPEN_PROPOSALS} offene Stellen vorgeschlagen.`, [
      { path: 'personId', message: `höchstens ${MAX_OPEN_PROPOSALS} offene Vorschläge je Person` },
    ]);
  if (all.some((p) => p.person_id === b.personId))
    throw conflict('Diese Person ist für die Stelle schon vorgeschlagen.');
  if (
    all.filter((p) => isOpen(p.status as PlacementStatus)).length >=
    vacancy.openings * PROPOSALS_PER_OPENING
  )
    throw badRequest(
      `Für diese Stelle gibt es schon ${vacancy.openings * PROPOSALS_PER_OPENING} offene Vorschläge.`,
      [{ path: 'personId', message: `höchstens ${PROPOSALS_PER_OPENING} offene Vorschläge je Stelle` }],
    );
  const step: PlacementStep = { status: 'proposed', on: today, by: actor.userId, note: b.note ?? null };
  const r = await db
    .insertInto('placement')
    .values({
      tenant_id: actor.tenantId,
      person_id: b.personId,
      vacancy_id: vacancyId,
      history: JSON.stringify([step]) as never,
      note: b.note ?? null,
      created_by: actor.userId,
    })
    .onConflict((oc) => oc.columns(['vacancy_id', 'person_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!r) throw conflict('Diese Person ist für die Stelle schon vorgeschlagen.');
  await writeAudit(
    db,
    actor,
    {
      action: 'propose',
      entity: 'person',
      entityId: b.personId,
      personId: b.personId,
      legalBasis: decision.basis,
      purpose: decision.purpose,
      details: { vacancyId, placementId: r.id },
    },
    requestId,
  );
  return placementById(db, actor.tenantId, r.id);
}

const COLUMNS = {
  status: 'status',
  note: 'note',
  interviewOn: 'interview_on',
  declinedReason: 'declined_reason',
  declinedBy: 'declined_by',
  contractType: 'contract_type',
  hours: 'hours',
  wageBracket: 'wage_bracket',
  startDate: 'start_date',
  permitRequestedOn: 'permit_requested_on',
  permitDecidedOn: 'permit_decided_on',
  permitResult: 'permit_result',
} as const satisfies Record<keyof Omit<PlacementInput, 'version'>, string>;

/** Checks across fields: a step the pipeline allows, a hire with its contract, a decline with who declined. */
function checkMove(cur: PlacementOut, next: PlacementOut) {
  if (next.status !== cur.status && !canMove(cur.status, next.status))
    throw badRequest(
      `Von „${PLACEMENT_STATUS_WORDS[cur.status]}“ geht es nicht zu „${PLACEMENT_STATUS_WORDS[next.status]}“.`,
      [{ path: 'status', message: 'dieser Schritt ist nicht möglich' }],
    );
  if (next.status === 'hired') {
    if (!next.startDate)
      throw badRequest('Zur Einstellung gehört der Beginn.', [
        { path: 'startDate', message: 'Bitte den Beginn angeben' },
      ]);
    if (!next.contractType)
      throw badRequest('Zur Einstellung gehört die Vertragsart.', [
        { path: 'contractType', message: 'Bitte die Vertragsart angeben' },
      ]);
  }
  if (next.status === 'declined' && !next.declinedBy)
    throw badRequest('Wer hat abgesagt?', [
      { path: 'declinedBy', message: 'Bitte angeben, wer abgesagt hat' },
    ]);
  if (next.permitDecidedOn && !next.permitRequestedOn)
    throw badRequest('Eine Entscheidung braucht den Antrag.', [
      { path: 'permitRequestedOn', message: 'Bitte zuerst den Tag der Anfrage angeben' },
    ]);
  if (next.permitDecidedOn && next.permitRequestedOn && next.permitDecidedOn < next.permitRequestedOn)
    throw badRequest('Die Entscheidung liegt vor dem Antrag.', [
      { path: 'permitDecidedOn', message: 'liegt vor dem Antrag' },
    ]);
  if (next.permitDecidedOn && !next.permitResult)
    throw badRequest('Zur Entscheidung gehört ihr Ergebnis.', [
      { path: 'permitResult', message: 'Bitte das Ergebnis angeben' },
    ]);
}

export async function movePlacement(
  db: Kysely<DB>,
  actor: Actor,
  id: string,
  b: PlacementInput,
  requestId?: string,
  log?: { warn: (o: object, m: string) => void },
) {
  const cur = await placementById(db, actor.tenantId, id);
  const { decision } = await decidePerson(db, actor, cur.personId, { action: 'update_placement', requestId });
  if (!decision.allowed || !decision.categories.includes('profile')) throw forbidden();
  const { version, ...fields } = b;
  const note = fields.note;
  const next = { ...cur, ...fields } as PlacementOut;
  checkMove(cur, next);
  const set: Record<string, unknown> = {};
  for (const [f, c] of Object.entries(COLUMNS)) {
    const v = fields[f as keyof typeof COLUMNS];
    if (v !== undefined) set[c] = v;
  }
  if ((fields.status !== undefined && fields.status !== cur.status) || note) {
    const step: PlacementStep = {
      status: next.status,
      on: todayInGermany(),
      by: actor.userId,
      note: note ?? null,
    };
    set.history = JSON.stringify([...cur.history, step]);
  }
  if (!(await updateVersioned(db, 'placement', actor.tenantId, id, version, set)))
    throw conflict('Der Vorschlag wurde inzwischen geändert. Bitte neu laden.', cur);
  await writeAudit(
    db,
    actor,
    {
      action: 'update_placement',
      entity: 'person',
      entityId: cur.personId,
      personId: cur.personId,
      legalBasis: decision.basis,
      purpose: decision.purpose,
      details: { placementId: id, fields: Object.keys(fields), status: next.status },
    },
    requestId,
  );
  const after = await placementById(db, actor.tenantId, id);
  await afterMove(db, actor, after, log);
  return after;
}

/** Consequences of a move: after-care tasks for a hire, the vacancy filled, the permit in the case file. */
async function afterMove(
  db: Kysely<DB>,
  actor: Actor,
  p: PlacementOut,
  log?: { warn: (o: object, m: string) => void },
) {
  const wanted =
    p.status === 'hired' && p.startDate
      ? aftercareSteps(p.startDate).map((s) => ({
          personId: p.personId,
          kind: s.key,
          source: 'work' as const,
          sourceKey: `${s.key}:${p.id}`,
          dueOn: s.dueOn,
          eventOn: p.startDate,
          legalBasis: null,
          remindOn: s.dueOn,
          title: `${s.title}: ${p.vacancyTitle}, ${p.employerName}`,
          userId: actor.userId,
          agencyId: actor.agencyId,
        }))
      : [];
  // This placement's after-care only: the person's other placements keep theirs.
  await replaceSourceTasks(db, actor.tenantId, p.personId, 'work', wanted, new Set(), (key) =>
    key.endsWith(`:${p.id}`),
  );
  if (p.status === 'hired') {
    const v = await vacancyById(db, actor.tenantId, p.vacancyId);
    if (v.hires >= v.openings && v.status === 'open')
      await updateVersioned(db, 'vacancy', actor.tenantId, v.id, v.version, { status: 'filled' });
  }
  // A permit request or a hire changes the rules engine's facts (consent fiction, employed): deadlines follow.
  await deadlinesChanged(db, actor.tenantId, [p.personId], log);
}
