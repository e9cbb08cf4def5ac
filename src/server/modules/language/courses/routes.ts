import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { travelKey, travelMatrix } from '../../../../domain/language';
import type { AppContext } from '../../../context';
import { badRequest, notFound } from '../../../http/errors';
import { authOf } from '../../../plugins/access-hook';
import { writeAudit } from '../../audit/audit-writer';
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
import { courseScope, ensureMunicipalityPlaces, ensureProviders, requireStaff } from '../scope';
import { attendanceRoutes } from './attendance-routes';
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
    handler: async (req) => {
      const { actor } = authOf(req);
      const scope = await courseScope(ctx.db, actor);
      await ensureProviders(ctx.db, actor.tenantId);
      let q = ctx.db
        .selectFrom('course_provider as p')
        .innerJoin('agency as a', 'a.id', 'p.agency_id')
        .select(['p.id', 'p.agency_id', 'a.name', 'p.bamf_number', 'p.contact_email', 'p.contact_phone'])
        .where('p.tenant_id', '=', actor.tenantId);
      if (scope.kind === 'provider') q = q.where('p.id', '=', scope.providerId);
      const rows = await q.orderBy('a.name').execute();
      return rows.map((p) => ({
        id: p.id,
        agencyId: p.agency_id,
        name: p.name,
        bamfNumber: p.bamf_number,
        contactEmail: p.contact_email,
        contactPhone: p.contact_phone,
      }));
    },
  });

  r.get('/api/course-places', {
    schema: {
      tags: TAG,
      summary: 'Orte: Kommunen (Wohnort der Klienten) und Kursorte, mit Koordinaten',
      response: { 200: z.array(placeOut) },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await courseScope(ctx.db, actor);
      await ensureMunicipalityPlaces(ctx.db, actor.tenantId);
      const rows = await ctx.db
        .selectFrom('course_place as p')
        .innerJoin('municipality as m', 'm.id', 'p.municipality_id')
        .select([
          'p.id',
          'p.kind',
          'p.name',
          'p.municipality_id',
          'm.name as municipality',
          'p.office_id',
          'p.address',
          'p.lat',
          'p.lon',
        ])
        .where('p.tenant_id', '=', actor.tenantId)
        .orderBy('m.name')
        .orderBy('p.kind')
        .orderBy('p.name')
        .execute();
      return rows.map((p) => ({
        id: p.id,
        kind: p.kind,
        name: p.name,
        municipalityId: p.municipality_id,
        municipality: p.municipality,
        officeId: p.office_id,
        address: p.address,
        lat: p.lat,
        lon: p.lon,
      }));
    },
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
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      // Places are the region's data, shared by every provider: a provider picks one, the IP creates it.
      requireStaff(actor);
      const b = req.body;
      const m = await ctx.db
        .selectFrom('municipality')
        .select(['id', 'lat', 'lon'])
        .where('tenant_id', '=', actor.tenantId)
        .where('id', '=', b.municipalityId)
        .executeTakeFirst();
      if (!m)
        throw badRequest('Ungültige Eingabe', [{ path: 'municipalityId', message: 'unbekannte Kommune' }]);
      if (b.officeId) {
        const o = await ctx.db
          .selectFrom('office')
          .select('id')
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', b.officeId)
          .executeTakeFirst();
        if (!o)
          throw badRequest('Ungültige Eingabe', [{ path: 'officeId', message: 'unbekannter Standort' }]);
      }
      const clash = await ctx.db
        .selectFrom('course_place')
        .select('id')
        .where('tenant_id', '=', actor.tenantId)
        .where('name', '=', b.name)
        .executeTakeFirst();
      if (clash)
        throw badRequest('Ungültige Eingabe', [{ path: 'name', message: 'diesen Ortsnamen gibt es schon' }]);
      const row = await ctx.db
        .insertInto('course_place')
        .values({
          tenant_id: actor.tenantId,
          kind: 'venue',
          name: b.name,
          municipality_id: m.id,
          office_id: b.officeId ?? null,
          address: b.address ?? null,
          lat: b.lat ?? m.lat,
          lon: b.lon ?? m.lon,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeAudit(
        ctx.db,
        actor,
        { action: 'create', entity: 'course_place', entityId: row.id, details: { name: b.name } },
        req.id,
      );
      return reply.code(201).send(row);
    },
  });

  r.get('/api/travel-times', {
    schema: {
      tags: TAG,
      summary: 'Fahrzeiten (ÖPNV, Minuten) von jeder Kommune zu jedem Kursort: importiert, sonst geschätzt',
      response: { 200: travelTimesOut },
    },
    config: { access: { permission: 'courses:read' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await courseScope(ctx.db, actor);
      await ensureMunicipalityPlaces(ctx.db, actor.tenantId);
      const [places, imported] = await Promise.all([
        ctx.db
          .selectFrom('course_place')
          .select(['id', 'name', 'kind', 'lat', 'lon'])
          .where('tenant_id', '=', actor.tenantId)
          .orderBy('name')
          .execute(),
        ctx.db
          .selectFrom('travel_time')
          .select(['from_place_id', 'to_place_id', 'minutes'])
          .where('tenant_id', '=', actor.tenantId)
          .execute(),
      ]);
      const homes = places.filter((p) => p.kind === 'municipality');
      const venues = places;
      const matrix = travelMatrix(
        homes,
        venues,
        new Map(imported.map((t) => [travelKey(t.from_place_id, t.to_place_id), t.minutes])),
      );
      return {
        places: places.map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
        entries: Object.entries(matrix).flatMap(([from, row]) =>
          Object.entries(row).map(([to, e]) => ({ from, to, minutes: e.minutes, source: e.source })),
        ),
      };
    },
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
