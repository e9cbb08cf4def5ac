import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../context';
import { authOf } from '../../../plugins/access-hook';
import { idParams, uuid } from '../../common-schema';
import {
  assessmentBody,
  assessmentOut,
  personLanguageOut,
  waitlistBody,
  waitlistEntryOut,
  waitlistUpdate,
} from './schema';
import {
  addToWaitlist,
  changeWaitlistEntry,
  listAssessments,
  personLanguage,
  recordAssessment,
} from './service';

export { TEST_KINDS } from './schema';

const TAG = ['language: person'];

/** Language record, waitlist entry and course history of one person — each call guarded and audited. */
export async function personLanguageRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/persons/:id/language', {
    schema: {
      tags: TAG,
      summary:
        'Sprachstand einer Person: Einstufungen (Verlauf), aktuelles Niveau, Kursanspruch, Warteliste, Kurse',
      params: idParams,
      response: { 200: personLanguageOut },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => personLanguage(ctx.db, authOf(req).actor, req.params.id, req.id),
  });

  r.post('/api/persons/:id/language-assessments', {
    schema: {
      tags: TAG,
      summary: 'Einstufung/Prüfungsergebnis erfassen (neuer Eintrag; der Verlauf wird nie überschrieben)',
      params: idParams,
      body: assessmentBody,
      response: { 201: assessmentOut },
    },
    config: { access: { permission: 'language:record', personal: true } },
    handler: async (req, reply) => {
      const created = await recordAssessment(
        ctx.db,
        authOf(req).actor,
        { personId: req.params.id, body: req.body },
        { requestId: req.id, log: req.log },
      );
      return reply.code(201).send(created);
    },
  });

  r.get('/api/persons/:id/language-assessments', {
    schema: {
      tags: TAG,
      summary: 'Verlauf der Einstufungen einer Person',
      params: idParams,
      response: { 200: z.array(assessmentOut) },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => listAssessments(ctx.db, authOf(req).actor, req.params.id, req.id),
  });

  r.post('/api/persons/:id/waitlist', {
    schema: {
      tags: TAG,
      summary:
        'Auf die Warteliste setzen (Kursarten aus dem Regelwerk; 409, wenn schon ein offener Eintrag besteht)',
      params: idParams,
      body: waitlistBody,
      response: { 201: waitlistEntryOut },
    },
    config: { access: { permission: 'language:record', personal: true } },
    handler: async (req, reply) => {
      const created = await addToWaitlist(
        ctx.db,
        authOf(req).actor,
        { personId: req.params.id, body: req.body },
        req.id,
      );
      return reply.code(201).send(created);
    },
  });

  r.patch('/api/persons/:id/waitlist/:entryId', {
    schema: {
      tags: TAG,
      summary:
        'Wartelisteneintrag ändern oder zurückziehen (mit Versionsnummer; 409 bei gleichzeitiger Änderung)',
      params: z.object({ id: uuid, entryId: uuid }),
      body: waitlistUpdate,
      response: { 200: waitlistEntryOut },
    },
    config: { access: { permission: 'language:record', personal: true } },
    handler: async (req) =>
      changeWaitlistEntry(
        ctx.db,
        authOf(req).actor,
        { personId: req.params.id, entryId: req.params.entryId, body: req.body },
        req.id,
      ),
  });
}
