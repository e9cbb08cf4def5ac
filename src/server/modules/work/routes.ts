import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams } from '../common-schema';
import { fileBody } from '../language/imports/tabular';
import { authorizePerson } from '../persons/service';
import { rankForPerson, rankForVacancy } from './candidates';
import { changeEmployer, createEmployer, employerById, listEmployers } from './employers';
import { changeProfile, profileOf } from './profile';
import {
  candidatesOut,
  candidatesQuery,
  employerCreate,
  employerOut,
  employerQuery,
  employerUpdate,
  profileOut,
  profileUpdate,
  vacancyCreate,
  vacancyMatchOut,
  vacancyOut,
  vacancyQuery,
  vacancyUpdate,
} from './schema';
import { changeVacancy, createVacancy, listVacancies, vacancyById } from './vacancies';
import { importVacancies, previewVacancyImport } from './vacancy-import';

const TAG = ['work'];
const READ = { permission: 'work:read' } as const;
const MANAGE = { permission: 'work:manage' } as const;

/** Employers, vacancies, the competence profile and matching (issue 14). Placements: placement-routes.ts. */
export async function workRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/employers', {
    schema: {
      tags: TAG,
      summary: 'Arbeitgeber mit Ansprechpersonen und Paten',
      querystring: employerQuery,
      response: { 200: z.array(employerOut) },
    },
    config: { access: READ },
    handler: async (req) => listEmployers(ctx.db, authOf(req).actor, req.query),
  });
  r.get('/api/employers/:id', {
    schema: { tags: TAG, summary: 'Ein Arbeitgeber', params: idParams, response: { 200: employerOut } },
    config: { access: READ },
    handler: async (req) => employerById(ctx.db, authOf(req).actor.tenantId, req.params.id),
  });
  r.post('/api/employers', {
    schema: {
      tags: TAG,
      summary: 'Arbeitgeber anlegen',
      body: employerCreate,
      response: { 201: employerOut },
    },
    config: { access: MANAGE },
    handler: async (req, reply) =>
      reply.code(201).send(await createEmployer(ctx.db, authOf(req).actor, req.body, req.id)),
  });
  r.patch('/api/employers/:id', {
    schema: {
      tags: TAG,
      summary: 'Arbeitgeber ändern (mit Versionsnummer)',
      params: idParams,
      body: employerUpdate,
      response: { 200: employerOut },
    },
    config: { access: MANAGE },
    handler: async (req) => changeEmployer(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });

  r.get('/api/vacancies', {
    schema: {
      tags: TAG,
      summary: 'Stellen: Arbeit, Ausbildung, Praktikum, Einstiegsqualifizierung',
      querystring: vacancyQuery,
      response: { 200: z.array(vacancyOut) },
    },
    config: { access: READ },
    handler: async (req) => listVacancies(ctx.db, authOf(req).actor, req.query),
  });
  r.get('/api/vacancies/:id', {
    schema: { tags: TAG, summary: 'Eine Stelle', params: idParams, response: { 200: vacancyOut } },
    config: { access: READ },
    handler: async (req) => vacancyById(ctx.db, authOf(req).actor.tenantId, req.params.id),
  });
  r.post('/api/vacancies', {
    schema: {
      tags: TAG,
      summary: 'Stelle anlegen (Beruf aus der ESCO-Berufssuche)',
      body: vacancyCreate,
      response: { 201: vacancyOut },
    },
    config: { access: MANAGE },
    handler: async (req, reply) =>
      reply.code(201).send(await createVacancy(ctx.db, authOf(req).actor, req.body, req.id)),
  });
  r.patch('/api/vacancies/:id', {
    schema: {
      tags: TAG,
      summary: 'Stelle ändern (mit Versionsnummer)',
      params: idParams,
      body: vacancyUpdate,
      response: { 200: vacancyOut },
    },
    config: { access: MANAGE },
    handler: async (req) => changeVacancy(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });
  r.post('/api/vacancies/import/preview', {
    schema: {
      tags: TAG,
      summary: 'Stellen aus CSV/XLSX prüfen: Vorschau und Zeilenfehler, nichts wird gespeichert',
      body: fileBody,
      response: {
        200: z.object({
          rows: z.array(
            z.object({
              row: z.number(),
              employer: z.string(),
              title: z.string(),
              kind: z.string(),
              occupation: z.string(),
              startDate: z.string(),
              openings: z.number(),
            }),
          ),
          total: z.number().int(),
          newEmployers: z.array(z.string()),
          errors: z.array(z.object({ row: z.number(), column: z.string(), message: z.string() })),
          errorCount: z.number().int(),
          rowsWithErrors: z.number().int(),
          errorsByColumn: z.array(z.object({ column: z.string(), count: z.number() })),
        }),
      },
    },
    config: { access: MANAGE },
    handler: async (req) => previewVacancyImport(ctx.db, authOf(req).actor, req.body),
  });
  r.post('/api/vacancies/import', {
    schema: {
      tags: TAG,
      summary: 'Stellen aus CSV/XLSX importieren: alle Zeilen oder keine',
      body: fileBody,
      response: { 201: z.object({ imported: z.number().int(), newEmployers: z.number().int() }) },
    },
    config: { access: MANAGE },
    handler: async (req, reply) =>
      reply.code(201).send(await importVacancies(ctx.db, authOf(req).actor, req.body, req.id)),
  });
  r.get('/api/vacancies/:id/candidates', {
    schema: {
      tags: TAG,
      summary: 'Passende Kundinnen und Kunden für eine Stelle, beste zuerst, mit Gründen und was fehlt',
      params: idParams,
      querystring: candidatesQuery,
      response: { 200: candidatesOut },
    },
    config: { access: MANAGE },
    handler: async (req) => {
      const { actor } = authOf(req);
      const vacancy = await vacancyById(ctx.db, actor.tenantId, req.params.id);
      return rankForVacancy(ctx.db, actor, vacancy, req.query.limit, req.id);
    },
  });

  r.get('/api/persons/:id/work-profile', {
    schema: {
      tags: TAG,
      summary: 'Kompetenzprofil einer Person',
      params: idParams,
      response: { 200: profileOut },
    },
    config: { access: { permission: 'work:read', personal: true } },
    handler: async (req) => profileOf(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
  r.patch('/api/persons/:id/work-profile', {
    schema: {
      tags: TAG,
      summary: 'Kompetenzprofil ändern (Version 0 legt es an); ein gesendetes Feld ändert nur dieses Feld',
      params: idParams,
      body: profileUpdate,
      response: { 200: profileOut },
    },
    config: { access: { permission: 'work:manage', personal: true } },
    handler: async (req) => changeProfile(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });
  r.get('/api/persons/:id/vacancies', {
    schema: {
      tags: TAG,
      summary: 'Passende offene Stellen für eine Person, mit Gründen und was fehlt',
      params: idParams,
      response: { 200: z.array(vacancyMatchOut) },
    },
    config: { access: { permission: 'work:read', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'read_vacancy_matches',
        requestId: req.id,
      });
      const open = await listVacancies(ctx.db, actor, { status: 'open' });
      return rankForPerson(ctx.db, actor, req.params.id, open);
    },
  });
}
