import { DEADLINE_TASKS, IP_STAY_TASK, urgencyOf } from '../../../domain/tasks/deadline-tasks';
import type { TaskRow } from './repo';
import type { TaskOut } from './schema';

/** Titles of the generated kinds that are not deadlines. */
const OTHER_TITLES: Record<string, string> = {
  hand_over_letter: 'Kursbrief an die Person übergeben',
  plan_review: 'Kooperationsplan überprüfen (Fortschreibung)',
  ip_stay_ends: IP_STAY_TASK.title,
  aftercare_2w: 'Nachbetreuung nach zwei Wochen: Kundin/Kunde und Arbeitgeber anrufen',
  aftercare_3m: 'Nachbetreuung nach drei Monaten: Kundin/Kunde und Arbeitgeber anrufen',
  aftercare_6m: 'Nachbetreuung nach sechs Monaten (Ende der Probezeit)',
  recognition_decision_overdue:
    'Anerkennung: Entscheidung überfällig – bei der zuständigen Stelle nachfragen',
};

export const titleOf = (kind: string, title: string | null): string =>
  title ??
  (DEADLINE_TASKS as Record<string, { title: string }>)[kind]?.title ??
  OTHER_TITLES[kind] ??
  'Aufgabe';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function presentTask(t: TaskRow, today: string): TaskOut {
  return {
    id: t.id,
    kind: t.kind,
    source: t.source,
    title: titleOf(t.kind, t.title),
    note: t.note,
    dueOn: t.due_on,
    eventOn: t.event_on,
    legalBasis: t.legal_basis,
    urgency: t.status === 'open' ? urgencyOf(t.due_on, today) : null,
    status: t.status,
    closedReason: t.closed_reason,
    person:
      t.person_id && t.given_names !== null
        ? { id: t.person_id, name: `${t.given_names} ${t.family_name ?? ''}`.trim() }
        : null,
    assignee: {
      userId: t.assignee_user_id,
      userName: t.assignee_name,
      agencyId: t.assignee_agency_id,
      agencyName: t.agency_name,
    },
    letterUrl:
      t.kind === 'hand_over_letter' && t.enrolment_id ? `/api/enrolments/${t.enrolment_id}/letter` : null,
    doneAt: iso(t.done_at),
    version: t.version,
  };
}
