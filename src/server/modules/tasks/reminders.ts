import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import { addDays, germanDay } from '../../../domain/reference/dates';

export interface ReminderResult {
  users: number;
  tasks: number;
  appointments: number;
}

interface Recipient {
  tenantId: string;
  email: string;
  name: string;
  taskIds: string[];
  firstDue: string | null;
  appointments: number;
  interpreterOpen: number;
}

const berlinOffset = (day: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(new Date(`${day}T12:00:00Z`))
    .find((p) => p.type === 'timeZoneName')
    ?.value.replace('GMT', '') || '+00:00';

/**
 * One e-mail per staff member: tasks whose reminder day has come, and tomorrow's appointments (with how
 * many still wait for an interpreter). E-mail is no safe channel for personal data: the message names only
 * numbers and days, never a client; the link leads into Lotse, behind the login. Team-inbox tasks (no
 * person assigned) are not mailed. At least once: a crash between sending and marking sends the task
 * reminder again on the next run; appointments are mailed by the once-a-day run itself.
 */
export async function sendDueReminders(
  db: Kysely<DB>,
  mailer: Transporter,
  opts: { today: string; from: string; appUrl: string },
): Promise<ReminderResult> {
  const tasks = await db
    .selectFrom('task as t')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.id', '=', 't.assignee_user_id').onRef('u.tenant_id', '=', 't.tenant_id'),
    )
    .select(['t.id', 't.tenant_id', 't.due_on', 'u.id as user_id', 'u.email', 'u.display_name'])
    .where('t.status', '=', 'open')
    .where('t.reminded_at', 'is', null)
    .where('t.remind_on', '<=', opts.today)
    .where('u.disabled_at', 'is', null)
    .orderBy('t.due_on')
    .modifyEnd(crossTenant('the reminder run serves every region; each mail goes to the task’s own assignee'))
    .execute();
  const tomorrow = addDays(opts.today, 1);
  const appointments = await db
    .selectFrom('appointment as a')
    .innerJoin('app_user as u', (j) =>
      j.onRef('u.id', '=', 'a.staff_user_id').onRef('u.tenant_id', '=', 'a.tenant_id'),
    )
    .select([
      'a.tenant_id',
      'a.interpreter_language',
      'a.interpreter_id',
      'u.id as user_id',
      'u.email',
      'u.display_name',
    ])
    .where('a.status', '=', 'planned')
    .where('a.starts_at', '>=', new Date(`${tomorrow}T00:00:00${berlinOffset(tomorrow)}`))
    .where(
      'a.starts_at',
      '<',
      new Date(`${addDays(tomorrow, 1)}T00:00:00${berlinOffset(addDays(tomorrow, 1))}`),
    )
    .where('u.disabled_at', 'is', null)
    .modifyEnd(
      crossTenant(
        'the reminder run serves every region; each mail goes to the appointment’s own staff member',
      ),
    )
    .execute();

  const to = new Map<string, Recipient>();
  const recipient = (r: { user_id: string; tenant_id: string; email: string; display_name: string }) => {
    let x = to.get(r.user_id);
    if (!x) {
      x = {
        tenantId: r.tenant_id,
        email: r.email,
        name: r.display_name,
        taskIds: [],
        firstDue: null,
        appointments: 0,
        interpreterOpen: 0,
      };
      to.set(r.user_id, x);
    }
    return x;
  };
  for (const t of tasks) {
    const x = recipient(t);
    x.taskIds.push(t.id);
    x.firstDue ??= t.due_on;
  }
  for (const a of appointments) {
    const x = recipient(a);
    x.appointments++;
    if (a.interpreter_language && !a.interpreter_id) x.interpreterOpen++;
  }

  const base = opts.appUrl.replace(/\/$/, '');
  for (const x of to.values()) {
    const n = x.taskIds.length;
    const lines = [`Guten Tag ${x.name},`, ''];
    if (n > 0)
      lines.push(
        n === 1
          ? `in Ihrem Aufgabeneingang wird eine Aufgabe fällig, am ${germanDay(x.firstDue as string)}.`
          : `in Ihrem Aufgabeneingang werden ${n} Aufgaben fällig, die erste am ${germanDay(x.firstDue as string)}.`,
        `Zum Aufgabeneingang: ${base}/aufgaben`,
        '',
      );
    if (x.appointments > 0)
      lines.push(
        x.appointments === 1
          ? `Morgen, am ${germanDay(tomorrow)}, haben Sie einen Termin.`
          : `Morgen, am ${germanDay(tomorrow)}, haben Sie ${x.appointments} Termine.`,
        ...(x.interpreterOpen > 0
          ? [
              `Für ${x.interpreterOpen === 1 ? 'einen davon' : `${x.interpreterOpen} davon`} ist noch keine Dolmetschung gebucht.`,
            ]
          : []),
        `Zu Ihren Terminen: ${base}/termine`,
        '',
      );
    lines.push(
      'Diese Nachricht enthält aus Datenschutzgründen keine Namen. Sie wurde von Lotse automatisch verschickt.',
    );
    const subject =
      n > 0 && x.appointments > 0
        ? `Lotse: ${n === 1 ? 'eine Aufgabe' : `${n} Aufgaben`} fällig, ${x.appointments === 1 ? 'ein Termin' : `${x.appointments} Termine`} morgen`
        : n > 0
          ? n === 1
            ? 'Lotse: Eine Aufgabe wird fällig'
            : `Lotse: ${n} Aufgaben werden fällig`
          : x.appointments === 1
            ? 'Lotse: Ein Termin morgen'
            : `Lotse: ${x.appointments} Termine morgen`;
    await mailer.sendMail({ from: opts.from, to: x.email, subject, text: lines.join('\n') });
    if (n > 0)
      await db
        .updateTable('task')
        .set({ reminded_at: new Date() })
        .where('tenant_id', '=', x.tenantId)
        .where('id', 'in', x.taskIds)
        .execute();
  }
  return { users: to.size, tasks: tasks.length, appointments: appointments.length };
}
