import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { notFound } from '../../../http/errors';
import { authOf } from '../../../plugins/access-hook';
import { idParams, uuid } from '../../common-schema';
import { courseTypesOf } from '../course-types';
import { commitCatalogue, previewCatalogue } from '../imports/catalogue';
import {
  catalogueCommitOut,
  cataloguePreviewOut,
  travelCommitOut,
  travelPreviewOut,
} from '../imports/schema';
import { fileBody } from '../imports/tabular';
import { commitTravel, previewTravel } from '../imports/travel';
import { courseScope } from '../scope';
import { attendanceRoutes } from './attendance-routes';
import { createPlace, listPlaces, listProviders, travelTimes } from './places';
import { findCourse, listCourses } from './repo';
import {
  courseCreate,
  courseOut,
  courseQuery,
  courseTypeOut,
  courseUpdate,
  enrolmentOut,
  enrolmentUpdate,
  participantOut,
  placeOut,
  providerOut,
  travelTimesOut,
} from './schema';
import { courseParticipants, createCourse, updateCourse, updateEnrolment } from './service';

const TAG = ['language: courses'];

/** Course catalogue, places, providers, travel times and their imports; attendance and results. */
export async function courseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const types = (tenantId: string) => courseTypesOf(ctx.db, tenantId);
  await attendanceRoutes(app, ctx, types);

  r.get('/api/course-types', {
    schema: {
      tags: TAG,
      summary:
        'Kursarten aus den Rechtsdaten (Integrationskurs-Varianten, Berufssprachkurs-Module, Job-BSK, Erstorientierung)',
      response: { 200: z.array(courseTypeOut) },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => types(authOf(req).actor.tenantId),
  });

  r.get('/api/courses', {
    schema: {
      tags: TAG,
      summary: 'Kurskatalog (Träger sehen nur ihre eigenen Kurse)',
      querystring: courseQuery,
      response: { 200: z.object({ total: z.number().int(), items: z.array(courseOut) }) },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return listCourses(
        ctx.db,
        actor.tenantId,
        await courseScope(ctx.db, actor),
        req.query,
        await types(actor.tenantId),
      );
    },
  });

  r.post('/api/courses', {
    schema: {
      tags: TAG,
      summary: 'Kurs anlegen (Sprachberatung, Koordination, Träger für sich)',
      body: courseCreate,
      response: { 201: courseOut },
    },
    config: { access: { permission: 'courses:manage' } },
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      return reply
        .code(201)
        .send(await createCourse(ctx.db, actor, req.body, await types(actor.tenantId), req.id));
    },
  });

  r.get('/api/courses/:id', {
    schema: { tags: TAG, summary: 'Ein Kurs', params: idParams, response: { 200: courseOut } },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const c = await findCourse(
        ctx.db,
        actor.tenantId,
        await courseScope(ctx.db, actor),
        req.params.id,
        await types(actor.tenantId),
      );
      if (!c) throw notFound('Kurs');
      return c;
    },
  });

  r.patch('/api/courses/:id', {
    schema: {
      tags: TAG,
      summary: 'Kurs ändern, z. B. Plätze (mit Versionsnummer; 409 bei gleichzeitiger Änderung)',
      params: idParams,
      body: courseUpdate,
      response: { 200: courseOut },
    },
    config: { access: { permission: 'courses:manage' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return updateCourse(ctx.db, actor, req.params.id, req.body, await types(actor.tenantId), req.id);
    },
  });

  r.get('/api/courses/:id/participants', {
    schema: {
      tags: TAG,
      summary: 'Teilnehmende eines Kurses: Name und Niveau (protokolliert je Person)',
      params: idParams,
      response: { 200: z.array(participantOut) },
    },
    config: { access: { permission: 'courses:read', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return courseParticipants(ctx.db, actor, req.params.id, await types(actor.tenantId), req.id);
    },
  });

  r.patch('/api/enrolments/:id', {
    schema: {
      tags: TAG,
      summary:
        'Teilnahme melden: Status, Anwesenheit %, Ergebnisniveau, Zertifikat (Träger des Kurses oder Sprachberatung)',
      params: idParams,
      body: enrolmentUpdate,
      response: { 200: enrolmentOut },
    },
    config: { access: { permission: 'courses:manage', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return updateEnrolment(ctx.db, actor, req.params.id, req.body, await types(actor.tenantId), req.id);
    },
  });

  r.get('/api/course-providers', {
    schema: {
      tags: TAG,
      summary: 'Kursträger (Stellen der Art Bildungsträger)',
      response: { 200: z.array(providerOut) },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => listProviders(ctx.db, authOf(req).actor),
  });

  r.get('/api/course-places', {
    schema: {
      tags: TAG,
      summary: 'Orte: Kommunen (Wohnort der Klienten) und Kursorte, mit Koordinaten',
      response: { 200: z.array(placeOut) },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => listPlaces(ctx.db, authOf(req).actor),
  });

  r.post('/api/course-places', {
    schema: {
      tags: TAG,
      summary: 'Kursort anlegen (ohne Koordinaten gelten die der Kommune)',
      body: z.object({
        name: z.string().trim().min(1).max(200),
        municipalityId: uuid,
        officeId: uuid.optional(),
        address: z.string().trim().max(300).optional(),
        lat: z.number().min(-90).max(90).optional(),
        lon: z.number().min(-180).max(180).optional(),
      }),
      response: { 201: z.object({ id: z.string() }) },
    },
    config: { access: { permission: 'courses:manage' } },
    handler: async (req, reply) =>
      reply.code(201).send(await createPlace(ctx.db, authOf(req).actor, req.body, req.id)),
  });

  r.get('/api/travel-times', {
    schema: {
      tags: TAG,
      summary: 'Fahrzeiten (ÖPNV, Minuten) von jeder Kommune zu jedem Kursort: importiert, sonst geschätzt',
      response: { 200: travelTimesOut },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => travelTimes(ctx.db, authOf(req).actor),
  });

  r.post('/api/courses/import/preview', {
    schema: {
      tags: TAG,
      summary:
        'Kurskatalog (CSV oder XLSX als Base64) prüfen: Zeilen und Fehler je Zeile/Spalte, nichts wird gespeichert',
      body: fileBody,
      response: { 200: cataloguePreviewOut },
    },
    config: { access: { permission: 'courses:manage' } },
    handler: async (req) => previewCatalogue(ctx.db, authOf(req).actor, req.body),
  });

  r.post('/api/courses/import/commit', {
    schema: {
      tags: TAG,
      summary: 'Kurskatalog einspielen: alles oder nichts (bei einem Zeilenfehler 400, nichts gespeichert)',
      body: fileBody,
      response: { 201: catalogueCommitOut },
    },
    config: { access: { permission: 'courses:manage' } },
    handler: async (req, reply) =>
      reply.code(201).send(await commitCatalogue(ctx.db, authOf(req).actor, req.body, req.id)),
  });

  r.post('/api/travel-times/import/preview', {
    schema: {
      tags: TAG,
      summary: 'Fahrzeitmatrix (CSV) prüfen',
      body: fileBody,
      response: { 200: travelPreviewOut },
    },
    config: { access: { permission: 'courses:manage' } },
    handler: async (req) => previewTravel(ctx.db, authOf(req).actor, req.body),
  });

  r.post('/api/travel-times/import/commit', {
    schema: {
      tags: TAG,
      summary:
        'Fahrzeitmatrix einspielen: alles oder nichts; replace=true ersetzt alle bisher importierten Zeiten',
      body: fileBody.extend({ replace: z.boolean().default(false) }),
      response: { 201: travelCommitOut },
    },
    config: { access: { permission: 'courses:manage' } },
    handler: async (req, reply) =>
      reply.code(201).send(await commitTravel(ctx.db, authOf(req).actor, req.body, req.body.replace, req.id)),
  });
}
