import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { idParams, uuid } from '../common-schema';
import { deadlinesChanged } from '../tasks/triggers';
import { checkDuplicates } from './duplicate-check';
import { mergePersons } from './merge';
import {
  duplicateCandidates,
  duplicateCheck,
  fieldHistoryOut,
  personCreate,
  personList,
  personOut,
  personSearch,
  personUpdate,
} from './schema';
import {
  createPerson,
  listPersons,
  personAfterWrite,
  personHistory,
  readPerson,
  updatePerson,
} from './service';

const DEADLINE_FIELDS = ['entryDate', 'birthDate', 'nationalities', 'languages', 'caseStatus'];

export async function personRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/persons', {
    schema: {
      tags: ['persons'],
      summary: 'Personen suchen (unscharf nach Name, Geburtsdatum, Nummern) mit Filtern',
      querystring: personSearch,
      response: { 200: personList },
    },
    config: { access: { permission: 'person:search', personal: true } },
    handler: async (req) => listPersons(ctx.db, authOf(req).actor, req.query, req.id),
  });
  r.post('/api/persons', {
    schema: {
      tags: ['persons'],
      summary: 'Person anlegen (Header Idempotency-Key: doppelt gesendet wird nur einmal angelegt)',
      body: personCreate,
      response: { 201: personOut },
    },
    config: { access: { permission: 'person:create', personal: true }, idempotent: true },
    handler: async (req, reply) =>
      reply.code(201).send(await createPerson(ctx.db, authOf(req).actor, req.body, req.id)),
  });
  r.post('/api/persons/duplicate-check', {
    schema: {
      tags: ['persons'],
      summary: 'Dublettenprüfung bei der Aufnahme (regionsweit, vor dem Anlegen)',
      body: duplicateCheck,
      response: { 200: duplicateCandidates },
    },
    config: { access: { permission: 'person:create', personal: true } },
    handler: async (req) => checkDuplicates(ctx.db, authOf(req).actor, req.body, req.id),
  });
  r.get('/api/persons/:id', {
    schema: {
      tags: ['persons'],
      summary: 'Person lesen (geprüft und protokolliert)',
      params: idParams,
      response: { 200: personOut },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => readPerson(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
  r.patch('/api/persons/:id', {
    schema: {
      tags: ['persons'],
      summary: 'Person ändern (mit Versionsnummer; 409 bei gleichzeitiger Änderung)',
      params: idParams,
      body: personUpdate,
      response: { 200: personOut },
    },
    config: { access: { permission: 'person:update', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const person = await updatePerson(ctx.db, actor, req.params.id, req.body, req.id);
      // Dates and nationality feed the rules engine: the person's deadline tasks follow.
      if (DEADLINE_FIELDS.some((f) => f in req.body))
        await deadlinesChanged(ctx.db, actor.tenantId, [req.params.id], req.log);
      return person;
    },
  });
  r.get('/api/persons/:id/history', {
    schema: {
      tags: ['persons'],
      summary:
        'Änderungsverlauf der Stammdaten: wer, wann, alt → neu, Grund (nur Angaben, die man sehen darf)',
      params: idParams,
      response: { 200: fieldHistoryOut },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => personHistory(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
  r.post('/api/persons/:id/merge', {
    schema: {
      tags: ['persons'],
      summary: 'Dublette in diese Person zusammenführen (alle Verläufe bleiben erhalten, protokolliert)',
      params: idParams,
      body: z.object({
        duplicateId: uuid,
        version: z.number().int().positive(),
        duplicateVersion: z.number().int().positive(),
      }),
      response: { 200: personOut },
    },
    config: { access: { permission: 'person:merge', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await mergePersons(
        ctx.db,
        actor,
        req.params.id,
        req.body.duplicateId,
        { survivor: req.body.version, duplicate: req.body.duplicateVersion },
        req.id,
      );
      // The merge's own audit rows record the act; the answer is no second read.
      return personAfterWrite(ctx.db, actor, req.params.id, req.id);
    },
  });
}
