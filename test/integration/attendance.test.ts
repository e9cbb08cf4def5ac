import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { todayInGermany } from '../../src/domain/reference/dates';
import { addDays } from '../../src/server/demo/random';
import { describeEachDb } from '../support/databases';
import { as, login, makePerson, makeTenant, type TestTenant } from '../support/factories';

const TODAY = todayInGermany();

describeEachDb('course attendance: the class list of a day', (env) => {
  const db = () => env().database.db;

  /** A course of the test tenant's Bildungsträger that started 20 days ago, with three participants. */
  async function classOf(t: TestTenant, startDate = addDays(TODAY, -20)) {
    const m = await db()
      .insertInto('municipality')
      .values({ tenant_id: t.tenantId, name: `Herford ${randomUUID()}`, lat: 52.1, lon: 8.67 })
      .returning('id')
      .executeTakeFirstOrThrow();
    const place = await db()
      .insertInto('course_place')
      .values({
        tenant_id: t.tenantId,
        kind: 'venue',
        name: `VHS ${randomUUID()}`,
        municipality_id: m.id,
        lat: 52.1,
        lon: 8.67,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const provider = await db()
      .insertInto('course_provider')
      .values({ tenant_id: t.tenantId, agency_id: t.agencies.bildungstraeger })
      .onConflict((oc) => oc.columns(['tenant_id', 'agency_id']).doUpdateSet({ bamf_number: null }))
      .returning('id')
      .executeTakeFirstOrThrow();
    const course = await db()
      .insertInto('course')
      .values({
        tenant_id: t.tenantId,
        provider_id: provider.id,
        place_id: place.id,
        ref: `IK-${randomUUID().slice(0, 8)}`,
        course_type: 'ik_allgemein',
        entry_levels: ['A1'],
        hours: 700,
        start_date: startDate,
        seats: 20,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const enrolments: string[] = [];
    for (const name of ['Amal', 'Bashir', 'Dana']) {
      const p = await makePerson(db(), t, { givenNames: name, familyName: 'Kurs' });
      const e = await db()
        .insertInto('enrolment')
        .values({ tenant_id: t.tenantId, person_id: p.id, course_id: course.id, start_date: startDate })
        .returning('id')
        .executeTakeFirstOrThrow();
      enrolments.push(e.id);
    }
    return { courseId: course.id, enrolments };
  }

  it('saves the whole class in one request, derives attendance and "nimmt teil", audits each participant', async () => {
    const t = await makeTenant(db());
    const { courseId, enrolments } = await classOf(t);
    const s = await login(env().app, t.users.partner_bildungstraeger.email);
    const put = (day: string, states: string[]) =>
      env().app.inject({
        method: 'PUT',
        url: `/api/courses/${courseId}/attendance`,
        headers: as(s),
        payload: { day, entries: enrolments.map((enrolmentId, i) => ({ enrolmentId, state: states[i] })) },
      });
    const first = await put(addDays(TODAY, -2), ['present', 'absent', 'excused']);
    expect(first.statusCode, first.body).toBe(200);
    const second = await put(addDays(TODAY, -1), ['present', 'present', 'absent']);
    expect(second.statusCode).toBe(200);
    expect(second.json().rows).toEqual([
      expect.objectContaining({
        name: 'Amal Kurs',
        state: 'present',
        status: 'attending',
        attendancePercent: 100,
      }),
      expect.objectContaining({
        name: 'Bashir Kurs',
        state: 'present',
        status: 'attending',
        attendancePercent: 50,
      }),
      expect.objectContaining({
        name: 'Dana Kurs',
        state: 'absent',
        status: 'enrolled',
        attendancePercent: 0,
      }),
    ]);
    // Saving a day again replaces that day's entries.
    expect((await put(addDays(TODAY, -1), ['present', 'present', 'present'])).statusCode).toBe(200);
    const list = await env().app.inject({
      method: 'GET',
      url: `/api/courses/${courseId}/attendance?day=${addDays(TODAY, -2)}`,
      headers: as(s),
    });
    expect(list.json().rows.map((r: { state: string }) => r.state)).toEqual(['present', 'absent', 'excused']);
    const audit = await db()
      .selectFrom('audit_log')
      .select('person_id')
      .where('tenant_id', '=', t.tenantId)
      .where('action', '=', 'attendance')
      .execute();
    expect(audit).toHaveLength(9);
  });

  it('is all or nothing: one unknown participant saves nobody, with the path of the bad entry', async () => {
    const t = await makeTenant(db());
    const { courseId, enrolments } = await classOf(t);
    const other = await classOf(await makeTenant(db()));
    const s = await login(env().app, t.users.partner_bildungstraeger.email);
    const res = await env().app.inject({
      method: 'PUT',
      url: `/api/courses/${courseId}/attendance`,
      headers: as(s),
      payload: {
        day: addDays(TODAY, -1),
        entries: [
          { enrolmentId: enrolments[0], state: 'present' },
          { enrolmentId: other.enrolments[0], state: 'present' },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().issues).toEqual([
      { path: 'entries.1.enrolmentId', message: 'nimmt an diesem Kurs nicht teil' },
    ]);
    const rows = await db()
      .selectFrom('course_attendance')
      .select('day')
      .where('tenant_id', '=', t.tenantId)
      .execute();
    expect(rows).toHaveLength(0);
  });

  it('refuses days before the course start or in the future, and a course of another provider', async () => {
    const t = await makeTenant(db());
    const { courseId, enrolments } = await classOf(t, addDays(TODAY, 10));
    const s = await login(env().app, t.users.partner_bildungstraeger.email);
    const put = (day: string) =>
      env().app.inject({
        method: 'PUT',
        url: `/api/courses/${courseId}/attendance`,
        headers: as(s),
        payload: { day, entries: [{ enrolmentId: enrolments[0], state: 'present' }] },
      });
    const early = await put(TODAY);
    expect(early.statusCode).toBe(400);
    expect(early.json().issues[0]).toMatchObject({
      path: 'day',
      message: expect.stringMatching(/^Der Kurs beginnt erst am \d\d\.\d\d\.\d{4}\.$/),
    });
    const started = await classOf(await makeTenant(db()));
    expect(started.courseId).toBeTruthy();
    const mine = await classOf(t);
    const future = await env().app.inject({
      method: 'PUT',
      url: `/api/courses/${mine.courseId}/attendance`,
      headers: as(s),
      payload: { day: addDays(TODAY, 1), entries: [{ enrolmentId: mine.enrolments[0], state: 'present' }] },
    });
    expect(future.statusCode).toBe(400);
    expect(future.json().issues[0].path).toBe('day');
    const foreign = await env().app.inject({
      method: 'GET',
      url: `/api/courses/${started.courseId}/attendance?day=${TODAY}`,
      headers: as(s),
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('rejects 9,999 seats and 150 % attendance with German field messages instead of clamping', async () => {
    const t = await makeTenant(db());
    const { courseId, enrolments } = await classOf(t);
    const s = await login(env().app, t.users.partner_bildungstraeger.email);
    const seats = await env().app.inject({
      method: 'PATCH',
      url: `/api/courses/${courseId}`,
      headers: as(s),
      payload: { version: 1, seats: 9999 },
    });
    expect(seats.statusCode).toBe(400);
    expect(seats.json().issues).toEqual([{ path: 'seats', message: 'höchstens 1.000 Plätze' }]);
    const pct = await env().app.inject({
      method: 'PATCH',
      url: `/api/enrolments/${enrolments[0]}`,
      headers: as(s),
      payload: { version: 1, attendancePercent: 150 },
    });
    expect(pct.statusCode).toBe(400);
    expect(pct.json().issues).toEqual([{ path: 'attendancePercent', message: 'Anwesenheit: 0–100 %' }]);
    const stored = await db()
      .selectFrom('course')
      .select('seats')
      .where('id', '=', courseId)
      .executeTakeFirstOrThrow();
    expect(stored.seats).toBe(20);
  });
});
