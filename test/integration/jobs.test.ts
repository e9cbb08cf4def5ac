import { sql } from 'kysely';
import { createTransport } from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addDays, todayInGermany } from '../../src/domain/reference/dates';
import { claim, complete, enqueue, fail, jobState } from '../../src/server/jobs/queue';
import { startWorker } from '../../src/server/jobs/worker';
import { sendDueReminders } from '../../src/server/modules/tasks/reminders';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant } from '../support/factories';

// The durable job queue and the reminder e-mails, against a real SMTP server started here.

/** The mail body as a person reads it (quoted-printable, UTF-8). */
function quotedPrintable(s: string): string {
  const soft = s.replace(/=\r?\n/g, '');
  const bytes: number[] = [];
  for (let i = 0; i < soft.length; i++) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-F]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else bytes.push(...Buffer.from(soft[i] as string));
  }
  return Buffer.from(bytes).toString('utf8');
}

interface Received {
  to: string;
  data: string;
}
const inbox: Received[] = [];
let smtp: SMTPServer;
let smtpPort = 0;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      let data = '';
      stream.on('data', (c: Buffer) => {
        data += c.toString('utf8');
      });
      stream.on('end', () => {
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), data });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpPort = (smtp.server.address() as { port: number }).port;
});
afterAll(async () => {
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
});

describeEachDb('job queue', (env) => {
  it('queues a dedupe key once, hands each job to one worker only, retries with a pause, fails for good', async () => {
    const db = env().database.db;
    const name = `test.${Math.random().toString(36).slice(2)}`;
    expect(await enqueue(db, name, { n: 1 }, { dedupeKey: 'd1' })).not.toBeNull();
    expect(await enqueue(db, name, { n: 2 }, { dedupeKey: 'd1' })).toBeNull();
    await enqueue(db, name, { n: 3 }, { maxAttempts: 2 });
    // Two workers at once take two different jobs.
    const [a, b] = await Promise.all([claim(db, [name]), claim(db, [name])]);
    expect(a && b && a.id !== b.id).toBe(true);
    expect(await claim(db, [name])).toBeNull();
    await complete(db, (a as { id: string }).id, { ok: 1 });
    expect((await jobState(db, (a as { id: string }).id))?.state).toBe('done');
    const second = b as NonNullable<typeof b>;
    await fail(db, second, new Error('SMTP weg'));
    const after = await jobState(db, second.id);
    // The first failure waits a minute before the next try (or is final if it was the last attempt).
    expect(after?.state).toBe(second.attempts >= second.max_attempts ? 'failed' : 'queued');
    expect(after?.last_error).toBe('SMTP weg');
    expect(await claim(db, [name])).toBeNull();
  });

  it('a job survives a worker that died: after its lease a new worker takes it and runs it', async () => {
    const db = env().database.db;
    const name = `test.${Math.random().toString(36).slice(2)}`;
    const id = await enqueue(db, name, { x: 1 });
    const taken = await claim(db, [name]);
    expect(taken?.id).toBe(id);
    // The worker "crashes": its lease runs out.
    await sql`UPDATE job SET locked_until = now() - interval '1 second' WHERE id = ${id}`.execute(db);
    const ran: unknown[] = [];
    const w = startWorker(db, {
      [name]: async (j) => {
        ran.push(j.payload);
        return { done: true };
      },
    });
    expect(await w.drain()).toBe(1);
    await w.stop();
    expect(ran).toEqual([{ x: 1 }]);
    expect((await jobState(db, id as string))?.state).toBe('done');
  });

  it('mails each advisor once about tasks due for a reminder, without any client name', async () => {
    const db = env().database.db;
    const { app } = env();
    const t = await makeTenant(db);
    const p = await makePerson(db, t, {
      ownerUserId: t.users.integrationsfachkraft.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    const s = await login(app, t.users.integrationsfachkraft.email);
    const today = todayInGermany();
    for (const title of ['Rückruf Frau K.', 'Unterlagen anfordern']) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/tasks',
        headers: as(s),
        payload: { title, dueOn: today, personId: p.id },
      });
      expect(r.statusCode).toBe(200);
    }
    await app.inject({
      method: 'POST',
      url: '/api/tasks',
      headers: as(s),
      payload: { title: 'später', dueOn: addDays(today, 30) },
    });
    const mailer = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const before = inbox.length;
    const r = await sendDueReminders(db, mailer, {
      today,
      from: 'Lotse <lotse@kreis.test>',
      appUrl: 'https://lotse.kreis.test',
    });
    expect(r.tasks).toBeGreaterThanOrEqual(2);
    const mine = inbox.slice(before).filter((m) => m.to === t.users.integrationsfachkraft.email);
    expect(mine).toHaveLength(1);
    const raw = mine[0]?.data ?? '';
    expect(raw).toContain('Subject: =?UTF-8?Q?Lotse=3A_2_Aufgaben_werden_f=C3=A4llig?=');
    const body = quotedPrintable(raw);
    expect(body).toMatch(/werden 2 Aufgaben fällig, die erste am \d\d\.\d\d\.\d{4}/);
    expect(body).toContain('https://lotse.kreis.test/aufgaben');
    expect(body).not.toMatch(/Al-Hassan|Mohammed|Frau K/);
    // Reminded once: a second run sends nothing to this advisor.
    const again = inbox.length;
    await sendDueReminders(db, mailer, {
      today,
      from: 'Lotse <lotse@kreis.test>',
      appUrl: 'https://lotse.kreis.test',
    });
    expect(inbox.slice(again).filter((m) => m.to === t.users.integrationsfachkraft.email)).toHaveLength(0);
  });
});

describeEachDb('appointment reminders', (env) => {
  it('tells each staff member about tomorrow’s appointments and open interpreter bookings, without names', async () => {
    const db = env().database.db;
    const t = await makeTenant(db);
    const today = todayInGermany();
    const tomorrow = addDays(today, 1);
    const m = await db
      .insertInto('municipality')
      .values({
        tenant_id: t.tenantId,
        name: `Vlotho ${Math.random().toString(36).slice(2, 6)}`,
        lat: 52.16,
        lon: 8.86,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const office = await db
      .insertInto('office')
      .values({
        tenant_id: t.tenantId,
        municipality_id: m.id,
        name: `Außenstelle ${Math.random().toString(36).slice(2, 6)}`,
        kind: 'satellite',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const p = await makePerson(db, t, {
      ownerUserId: t.users.sprachberatung.id,
      ownerAgencyId: t.agencies.jobcenter,
    });
    for (const [h, lang] of [
      ['10', 'ar'],
      ['12', null],
    ] as const)
      await db
        .insertInto('appointment')
        .values({
          tenant_id: t.tenantId,
          person_id: p.id,
          office_id: office.id,
          staff_user_id: t.users.sprachberatung.id,
          kind: 'beratung',
          interpreter_language: lang,
          starts_at: new Date(`${tomorrow}T${h}:00:00+01:00`),
          ends_at: new Date(`${tomorrow}T${h}:45:00+01:00`),
        })
        .execute();
    const mailer = createTransport({ host: '127.0.0.1', port: smtpPort, secure: false, ignoreTLS: true });
    const before = inbox.length;
    await sendDueReminders(db, mailer, {
      today,
      from: 'Lotse <lotse@kreis.test>',
      appUrl: 'https://lotse.kreis.test',
    });
    const mail = inbox.slice(before).find((x) => x.to === t.users.sprachberatung.email);
    const body = quotedPrintable(mail?.data ?? '');
    expect(body).toMatch(/Morgen, am \d\d\.\d\d\.\d{4}, haben Sie 2 Termine\./);
    expect(body).toMatch(/Für einen davon ist noch keine Dolmetschung gebucht/);
    expect(body).toContain('https://lotse.kreis.test/termine');
    expect(body).not.toMatch(/Al-Hassan|Mohammed/);
  });
});
