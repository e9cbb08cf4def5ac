import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { todayInGermany } from '../../../domain/reference/dates';
import { evaluateExtended, impact, situationSchema } from '../../../domain/rules';
import type { AppContext } from '../../context';
import { forbidden } from '../../http/errors';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { idParams, isoDate } from '../common-schema';
import { personScope } from '../persons/scope';
import { authorizePerson } from '../persons/service';
import { decisionOut } from './decision-schema';
import { lawFor } from './law-store';
import { presentDecision } from './presenter';
import { regionSituations } from './region';
import { impactOut, impactQuery, lawOut, lawQuery, lawVersionBody } from './schema';
import { storeLawVersion } from './service';
import { personSituation } from './situation';

export async function rulesRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post('/api/rules/evaluate', {
    schema: {
      tags: ['rules'],
      summary:
        'Eine Situation bewerten (Arbeitsmarktzugang, Rechtskreis, Kurse, Fristen) — ohne Personenbezug',
      body: situationSchema,
      response: { 200: decisionOut },
    },
    config: { access: { permission: 'rules:evaluate' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const { law } = await lawFor(ctx.db, actor.tenantId, req.body.asOf ?? todayInGermany());
      return presentDecision(evaluateExtended(req.body, law), law);
    },
  });

  r.get('/api/persons/:id/status-card', {
    schema: {
      tags: ['rules'],
      summary:
        'Statuskarte einer Person: darf arbeiten ab …, zuständige Stelle, Kurse, Fristen — mit Rechtsgrundlagen',
      params: idParams,
      querystring: z.object({ asOf: isoDate.optional() }),
      response: { 200: decisionOut },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const { row, decision } = await authorizePerson(ctx.db, actor, req.params.id, {
        action: 'read_status_card',
        requestId: req.id,
      });
      if (!decision.categories.includes('residence'))
        throw forbidden('Für den Aufenthaltsstatus liegt keine Einwilligung vor.');
      const asOf = req.query.asOf ?? todayInGermany();
      const [situation, { law }] = await Promise.all([
        personSituation(ctx.db, actor.tenantId, row, asOf),
        lawFor(ctx.db, actor.tenantId, asOf),
      ]);
      return presentDecision(evaluateExtended(situation, law), law);
    },
  });

  r.get('/api/rules/impact', {
    schema: {
      tags: ['rules'],
      summary:
        'Auswirkung einer Rechtsänderung: Personen, deren Bewertung sich zwischen dem Vortag und dem Stichtag ändert',
      querystring: impactQuery,
      response: { 200: impactOut },
    },
    config: { access: { permission: 'rules:impact', personal: true } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const started = performance.now();
      const today = todayInGermany();
      const { situations, names } = await regionSituations(
        ctx.db,
        actor.tenantId,
        req.query.on,
        personScope(actor, today),
      );
      const { law } = await lawFor(ctx.db, actor.tenantId, req.query.on);
      const rows = impact(situations, req.query.on, law);
      await writeAudit(
        ctx.db,
        actor,
        {
          action: 'impact',
          entity: 'person',
          legalBasis: '§§ 67d, 69 SGB X (Steuerung)',
          details: { on: req.query.on, persons: situations.length, changed: rows.length },
        },
        req.id,
      );
      return {
        on: req.query.on,
        evaluated: situations.length,
        seconds: (performance.now() - started) / 1000,
        items: rows.map((x) => ({ ...x, name: names.get(x.id) ?? '' })),
      };
    },
  });

  r.get('/api/rules/law', {
    schema: {
      tags: ['rules'],
      summary: 'Die Rechtsdaten in Kraft an einem Tag (Regeln, Stichtage, sichere Herkunftsstaaten)',
      querystring: lawQuery,
      response: { 200: lawOut },
    },
    config: { access: { permission: 'rules:evaluate' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      return lawFor(ctx.db, actor.tenantId, req.query.on ?? todayInGermany());
    },
  });

  r.post('/api/rules/law', {
    schema: {
      tags: ['rules'],
      summary: 'Geänderte Rechtsdaten speichern, in Kraft ab einem Tag (Administration)',
      body: lawVersionBody,
      response: { 201: z.object({ id: z.string() }) },
    },
    config: { access: { permission: 'law:edit' } },
    handler: async (req, reply) =>
      reply.code(201).send(await storeLawVersion(ctx.db, authOf(req).actor, req.body, req.id)),
  });
}
