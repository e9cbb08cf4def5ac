import type { Kysely } from 'kysely';
import type { Transporter } from 'nodemailer';
import type { DB } from '../../../db/schema';
import { crossTenant } from '../../../db/tenant-guard';
import { germanDay } from '../../../domain/reference/dates';

export interface ReminderResult {
  users: number;
  tasks: number;
}

/**
 * One e-mail per staff member with tasks whose reminder day has come. E-mail is no safe channel for
 * personal data: the message names only how many tasks and the first due day, never a client; the link
 * leads into Lotse, behind the login. Tasks of a team inbox (no person assigned) are not mailed.
 * At least once: a crash between sending and marking sends the reminder again on the next run.
 */
export async function sendDueReminders(
  db: Kysely<DB>,
  mailer: Transporter,
  opts: { today: string; from: string; appUrl: string },
): Promise<ReminderResult> {
  const rows = await db
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
  const byUser = new Map<string, typeof rows>();
  for (const r of rows) byUser.set(r.user_id, [...(byUser.get(r.user_id) ?? []), r]);
  let tasks = 0;
  for (const list of byUser.values()) {
    const first = list[0] as (typeof rows)[number];
    const n = list.length;
    await mailer.sendMail({
      from: opts.from,
      to: first.email,
      subject: n === 1 ? 'Lotse: Eine Aufgabe wird fällig' : `Lotse: ${n} Aufgaben werden fällig`,
      text: [
        `Guten Tag ${first.display_name},`,
        '',
        n === 1
          ? `in Ihrem Aufgabeneingang wird eine Aufgabe fällig, am ${germanDay(first.due_on)}.`
          : `in Ihrem Aufgabeneingang werden ${n} Aufgaben fällig, die erste am ${germanDay(first.due_on)}.`,
        '',
        `Zum Aufgabeneingang: ${opts.appUrl.replace(/\/$/, '')}/aufgaben`,
        '',
        'Diese Nachricht enthält aus Datenschutzgründen keine Namen. Sie wurde von Lotse automatisch verschickt.',
      ].join('\n'),
    });
    await db
      .updateTable('task')
      .set({ reminded_at: new Date() })
      .where('tenant_id', '=', first.tenant_id)
      .where(
        'id',
        'in',
        list.map((t) => t.id),
      )
      .execute();
    tasks += n;
  }
  return { users: byUser.size, tasks };
}
