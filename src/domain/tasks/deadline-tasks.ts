import { exitDueOn } from '../handover/exit';
import { decisionDueOn, followUpOn, legalBasisOf, type RecognitionFacts } from '../recognition/deadline';
import { addDays } from '../reference/dates';
import type { Deadline, DeadlineKind } from '../rules/deadlines';

/**
 * From the rules engine's deadlines to an advisor's tasks (issue 13). The engine says when something
 * happens (a document's last day, the first day without a waiting period); a task says by when to act.
 * Pure: the tasks module loads the open tasks, calls planDeadlineSync and writes what it returns.
 */

export interface DeadlineTaskSpec {
  /** Days before the event to act by (negative: after it, e.g. a fiction that takes effect the next day). */
  leadDays: number;
  /** What to do, in the words of the trade. */
  title: string;
}

// Lead times: the act must be in time for the event, with room for an appointment and the paperwork.
export const DEADLINE_TASKS: Record<DeadlineKind, DeadlineTaskSpec> = {
  // § 81 Abs. 4 AufenthG: a permit continues only if the extension is applied for before it expires.
  document_expires: {
    leadDays: 42,
    title: 'Verlängerung des Aufenthaltstitels rechtzeitig beantragen lassen',
  },
  // § 24 AufenthG: temporary protection ends on a fixed day; the next title needs months.
  protection_ends: { leadDays: 56, title: 'Ende des vorübergehenden Schutzes: Anschlussaufenthalt klären' },
  waiting_period_ends: { leadDays: 0, title: 'Wartezeit endet: Beschäftigungserlaubnis beantragen' },
  ba_consent_not_needed_from: {
    leadDays: 0,
    title: 'Keine Zustimmung der BA mehr nötig: Vermittlung ohne Zustimmungsverfahren',
  },
  // § 36 Abs. 2 BeschV: the consent counts as given after the two weeks — act on the next day.
  ba_consent_deemed_given: {
    leadDays: -1,
    title: 'Zustimmung der BA gilt als erteilt: Arbeitsaufnahme besprechen',
  },
  // § 44 Abs. 2 AufenthG: the entitlement lapses; enrol before.
  integration_course_entitlement_ends: {
    leadDays: 28,
    title: 'Anmeldung zum Integrationskurs vor Ablauf des Anspruchs',
  },
  // The AsylbLG ends with recognition: the switch to the Bürgergeld needs an application in time.
  asylblg_ends: { leadDays: 28, title: 'Rechtskreiswechsel vorbereiten: Antrag auf Bürgergeld (SGB II)' },
  analogue_benefits_from: { leadDays: 0, title: 'Analogleistungen nach § 2 AsylbLG veranlassen' },
};

/**
 * The end of the maximum stay in the Integration Point (the county's setting, Herford: 12 months): the
 * exit to the regular Jobcenter or Agentur für Arbeit is prepared four weeks before.
 */
export const IP_STAY_TASK = {
  leadDays: 28,
  title: 'Höchstverweildauer im Integration Point endet: Übergang in die Regelbetreuung vorbereiten',
  basis: 'Kooperationsvereinbarung des Integration Points (Höchstverweildauer)',
};

export function ipStayTask(ipEntryDate: string | null, months: number): WantedTask | null {
  if (!ipEntryDate) return null;
  const eventOn = exitDueOn(ipEntryDate, months);
  const dueOn = addDays(eventOn, -IP_STAY_TASK.leadDays);
  return {
    sourceKey: 'ip_stay_ends',
    kind: 'ip_stay_ends',
    dueOn,
    eventOn,
    legalBasis: IP_STAY_TASK.basis,
    remindOn: addDays(dueOn, -REMIND_DAYS_BEFORE),
  };
}

/**
 * A recognition procedure with a complete file: if no decision has come by the last day, the advisor asks
 * the authority on the next day (one task per procedure).
 */
export function recognitionTask(id: string, r: RecognitionFacts): WantedTask | null {
  const due = decisionDueOn(r);
  if (!due) return null;
  const dueOn = followUpOn(due);
  return {
    sourceKey: `recognition:${id}`,
    kind: 'recognition_decision_overdue',
    dueOn,
    eventOn: due,
    legalBasis: legalBasisOf(r),
    remindOn: dueOn,
    catchUp: true,
  };
}

/** A reminder goes out this many days before the day to act. */
export const REMIND_DAYS_BEFORE = 7;

/** Deadline kinds of the rules engine, plus the Integration Point's own maximum stay. */
export type DeadlineTaskKind = DeadlineKind | 'ip_stay_ends' | 'recognition_decision_overdue';

export interface WantedTask {
  /** The generator's key of the event: the deadline kind (one task per kind and person). */
  sourceKey: string;
  kind: DeadlineTaskKind;
  dueOn: string;
  eventOn: string;
  legalBasis: string;
  remindOn: string;
  /** Made even when its event is past: an overdue decision is exactly what the advisor must chase. */
  catchUp?: boolean;
}

export function wantedDeadlineTasks(deadlines: readonly Deadline[]): WantedTask[] {
  const byKind = new Map<string, WantedTask>();
  for (const d of deadlines) {
    const spec = DEADLINE_TASKS[d.kind];
    const dueOn = addDays(d.date, -spec.leadDays);
    // Several waiting periods can end (one per rule): the last one is when the person may work.
    const prev = byKind.get(d.kind);
    if (prev && prev.eventOn >= d.date) continue;
    byKind.set(d.kind, {
      sourceKey: d.kind,
      kind: d.kind,
      dueOn,
      eventOn: d.date,
      legalBasis: d.basis,
      remindOn: addDays(dueOn, -REMIND_DAYS_BEFORE),
    });
  }
  return [...byKind.values()];
}

export interface OpenGeneratedTask {
  id: string;
  sourceKey: string;
  dueOn: string;
  eventOn: string | null;
  legalBasis: string | null;
}

export interface DeadlineSyncPlan {
  create: WantedTask[];
  /** Open tasks whose event moved (a corrected status date, a changed law): new days. */
  move: { id: string; to: WantedTask }[];
  /** Open tasks whose event no longer applies (a withdrawn request, a new status). */
  close: string[];
}

/**
 * What to change so the open tasks match the deadlines. New tasks only for events from today on —
 * a first run does not flood the inbox with history; an existing task follows its event even into the
 * past (then it is overdue) and closes when the event is gone.
 */
export function planDeadlineSync(
  open: readonly OpenGeneratedTask[],
  wanted: readonly WantedTask[],
  today: string,
): DeadlineSyncPlan {
  const plan: DeadlineSyncPlan = { create: [], move: [], close: [] };
  const openByKey = new Map(open.map((t) => [t.sourceKey, t]));
  const wantedKeys = new Set<string>();
  for (const w of wanted) {
    wantedKeys.add(w.sourceKey);
    const t = openByKey.get(w.sourceKey);
    if (!t) {
      if (w.eventOn >= today || w.catchUp)
        plan.create.push({ ...w, remindOn: w.remindOn < today ? today : w.remindOn });
    } else if (t.dueOn !== w.dueOn || t.eventOn !== w.eventOn || t.legalBasis !== w.legalBasis) {
      plan.move.push({ id: t.id, to: w });
    }
  }
  for (const t of open) if (!wantedKeys.has(t.sourceKey)) plan.close.push(t.id);
  return plan;
}

/** Inbox buckets: what is late, what is due within the next two weeks, what comes later. */
export type Urgency = 'overdue' | 'today' | 'soon' | 'later';
export const SOON_DAYS = 14;

export function urgencyOf(dueOn: string, today: string): Urgency {
  if (dueOn < today) return 'overdue';
  if (dueOn === today) return 'today';
  return dueOn <= addDays(today, SOON_DAYS) ? 'soon' : 'later';
}
