import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { APPOINTMENT_LETTER_LANGUAGES } from '../../../domain/appointments/letter';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { toICalendar } from './ics';
import * as repo from './repo';
import {
  appointmentOut,
  createBody,
  interpreterBody,
  interpreterOut,
  listQuery,
  roomBody,
  roomOut,
  updateBody,
} from './schema';
import {
  appointmentById,
  appointmentLetter,
  calendarFeed,
  changeAppointment,
  createAppointment,
  createRoom,
  listForActor,
} from './service';

const TAG = ['appointments'];
const idParams = z.object({ id: z.string().uuid('keine gültige ID') });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
/** Not JSON: the text of an iCalendar file (text/calendar), sent as it is. */
const ICALENDAR = z.string().describe('iCalendar (RFC 5545), text/calendar');

/** The address staff reach Lotse at: configured, else what the request came to. */
const appUrl = (ctx: AppContext, req: FastifyRequest) =>
  ctx.config.publicUrl ?? `${req.protocol}://${req.host}`;

export async function appointmentRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: { permission: 'user:admin' as const } };

  r.get('/api/appointments', {
    schema: {
      tags: TAG,
      summary: 'Termine in einem Zeitraum: eigener Kalender, Raum, Standort, Dolmetscherin oder Person',
      querystring: listQuery,
      response: { 200: z.array(appointmentOut) },
    },
    config: { access: { personal: true } },
    handler: async (req) => listForActor(ctx.db, authOf(req).actor, req.query, req.id),
  });

  r.post('/api/appointments', {
    schema: {
      tags: TAG,
      summary: 'Termin buchen (409, wenn Raum, Fachkraft oder Dolmetscherin zu der Zeit belegt sind)',
      body: createBody,
      response: { 201: appointmentOut },
    },
    config: { access: { personal: true } },
    handler: async (req, reply) =>
      reply.code(201).send(await createAppointment(ctx.db, authOf(req).actor, req.body, req.id)),
  });

  r.patch('/api/appointments/:id', {
    schema: {
      tags: TAG,
      summary: 'Termin verschieben, umbuchen, absagen oder als wahrgenommen markieren (mit Versionsnummer)',
      params: idParams,
      body: updateBody,
      response: { 200: appointmentOut },
    },
    config: { access: { personal: true } },
    handler: async (req) => changeAppointment(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });

  r.get('/api/appointments/:id/ics', {
    schema: {
      tags: TAG,
      summary: 'Einen Termin als iCalendar-Datei (.ics), ohne Namen der Person',
      params: idParams,
      response: { 200: ICALENDAR },
    },
    handler: async (req, reply) => {
      const a = await appointmentById(ctx.db, authOf(req).actor, req.params.id);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', `attachment; filename="termin-${a.startsAt.slice(0, 10)}.ics"`)
        .send(toICalendar([a], { appUrl: appUrl(ctx, req), name: 'Lotse' }));
    },
  });

  r.get('/api/appointments/:id/letter', {
    schema: {
      tags: TAG,
      summary:
        'Einladungsbrief an die Person: Deutsch und ihre Sprache (en, ar, fa/Dari, uk, tr, ti), zum Drucken',
      params: idParams,
      querystring: z.object({
        lang: z.enum(APPOINTMENT_LETTER_LANGUAGES as [string, ...string[]]).optional(),
      }),
      response: { 200: z.string().describe('HTML') },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req, reply) =>
      reply
        .type('text/html; charset=utf-8')
        .send(await appointmentLetter(ctx.db, authOf(req).actor, req.params.id, req.query.lang, req.id)),
  });

  r.post('/api/calendar/feed', {
    schema: {
      tags: TAG,
      summary: 'Neue geheime Kalender-Adresse für den eigenen Kalender (die alte wird ungültig)',
      response: { 200: z.object({ url: z.string() }) },
    },
    handler: async (req) => {
      const { actor } = authOf(req);
      const token = randomBytes(24).toString('base64url');
      await repo.setFeedToken(ctx.db, actor.tenantId, actor.userId, sha256(token));
      await writeAudit(
        ctx.db,
        actor,
        { action: 'calendar_feed', entity: 'app_user', entityId: actor.userId },
        req.id,
      );
      return { url: `${appUrl(ctx, req)}/api/calendar/${token}.ics` };
    },
  });

  r.get('/api/calendar/:file', {
    schema: {
      tags: TAG,
      summary:
        'Kalender-Abo einer Fachkraft (iCalendar; 30 Tage zurück, 180 voraus; ohne Namen von Personen)',
      params: z.object({ file: z.string().regex(/^[A-Za-z0-9_-]{20,64}\.ics$/, 'unbekannter Kalender') }),
      response: { 200: ICALENDAR },
    },
    // A calendar app cannot log in: the secret address is the key.
    config: { access: { public: true } },
    handler: async (req, reply) => {
      const items = await calendarFeed(ctx.db, req.params.file.replace(/\.ics$/, ''));
      return reply
        .type('text/calendar; charset=utf-8')
        .send(toICalendar(items, { appUrl: appUrl(ctx, req), name: 'Lotse – meine Termine' }));
    },
  });

  r.get('/api/rooms', {
    schema: { tags: TAG, summary: 'Räume aller Standorte', response: { 200: z.array(roomOut) } },
    handler: async (req) =>
      (await repo.rooms(ctx.db, authOf(req).actor.tenantId)).map((x) => ({
        id: x.id,
        officeId: x.office_id,
        officeName: x.office_name,
        name: x.name,
        seats: x.seats,
      })),
  });

  r.post('/api/rooms', {
    schema: {
      tags: TAG,
      summary: 'Raum anlegen (Verwaltung)',
      body: roomBody,
      response: { 201: z.object({ id: z.string() }) },
    },
    config: admin,
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const id = await createRoom(ctx.db, actor, { ...req.body, seats: req.body.seats ?? null });
      await writeAudit(ctx.db, actor, { action: 'create', entity: 'room', entityId: id }, req.id);
      return reply.code(201).send({ id });
    },
  });

  r.get('/api/interpreters', {
    schema: {
      tags: TAG,
      summary: 'Dolmetscherinnen und Dolmetscher, auf Wunsch nur einer Sprache',
      querystring: z.object({
        language: z
          .string()
          .regex(/^[a-z]{2,3}$/, 'Sprachcode wie „ar“ erwartet')
          .optional(),
      }),
      response: { 200: z.array(interpreterOut) },
    },
    handler: async (req) => repo.interpreters(ctx.db, authOf(req).actor.tenantId, req.query.language),
  });

  r.post('/api/interpreters', {
    schema: {
      tags: TAG,
      summary: 'Dolmetscherin oder Dolmetscher aufnehmen (Verwaltung)',
      body: interpreterBody,
      response: { 201: z.object({ id: z.string() }) },
    },
    config: admin,
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const b = req.body;
      const id = await repo.insertInterpreter(ctx.db, actor.tenantId, {
        name: b.name,
        languages: b.languages,
        phone: b.phone ?? null,
        email: b.email ?? null,
        organisation: b.organisation ?? null,
      });
      await writeAudit(ctx.db, actor, { action: 'create', entity: 'interpreter', entityId: id }, req.id);
      return reply.code(201).send({ id });
    },
  });
}
