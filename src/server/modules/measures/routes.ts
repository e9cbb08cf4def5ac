import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { fileBody } from '../language/imports/tabular';
import * as repo from './repo';
import { fittingOut, measureCreate, measureOut, measureQuery, measureUpdate } from './schema';
import {
  changeMeasure,
  createMeasure,
  exportMeasures,
  fittingMeasures,
  importMeasures,
  presentMeasure,
} from './service';

const TAG = ['measures'];
const idParams = z.object({ id: z.string().uuid('keine gültige ID') });
const manage = { access: { permission: 'measures:manage' as const } };

export async function measureRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/measures', {
    schema: {
      tags: TAG,
      summary: 'Maßnahmen aller Stellen und Partner (Förderkompass): Suche und Filter',
      querystring: measureQuery,
      response: { 200: z.array(measureOut) },
    },
    config: { access: { permission: 'person:read' } },
    handler: async (req) =>
      (
        await repo.listMeasures(ctx.db, authOf(req).actor.tenantId, {
          q: req.query.q,
          type: req.query.type,
          includeInactive: req.query.includeInactive === 'true',
        })
      ).map(presentMeasure),
  });

  r.post('/api/measures', {
    schema: { tags: TAG, summary: 'Maßnahme anlegen', body: measureCreate, response: { 201: measureOut } },
    config: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await createMeasure(ctx.db, authOf(req).actor, req.body, req.id)),
  });

  r.patch('/api/measures/:id', {
    schema: {
      tags: TAG,
      summary: 'Maßnahme ändern oder beenden (mit Versionsnummer)',
      params: idParams,
      body: measureUpdate,
      response: { 200: measureOut },
    },
    config: manage,
    handler: async (req) => changeMeasure(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });

  r.get('/api/measures/export', {
    schema: {
      tags: TAG,
      summary:
        'Maßnahmenkatalog als CSV (Semikolon, UTF-8 mit BOM) oder XLSX; dieselben Spalten liest der Import',
      querystring: z.object({
        format: z.enum(['csv', 'xlsx'], { message: 'Format: csv oder xlsx' }).default('csv'),
      }),
      response: { 200: z.string().describe('CSV oder XLSX') },
    },
    config: { access: { permission: 'person:read' } },
    handler: async (req, reply) => {
      const table = await exportMeasures(ctx.db, authOf(req).actor.tenantId);
      if (req.query.format === 'xlsx') {
        const file = await writeXlsxFile(
          table.map((row) => row.map((value) => ({ value }))) as never,
        ).toBuffer();
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', 'attachment; filename="massnahmen.xlsx"')
          .send(file as never);
      }
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="massnahmen.csv"')
        .send(`\uFEFF${Papa.unparse(table, { delimiter: ';' })}`);
    },
  });

  r.post('/api/measures/import', {
    schema: {
      tags: TAG,
      summary: 'Maßnahmen aus CSV oder XLSX einspielen: alles oder nichts (Fehler je Zeile und Spalte)',
      body: fileBody,
      response: { 201: z.object({ imported: z.number().int() }) },
    },
    config: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await importMeasures(ctx.db, authOf(req).actor, req.body, req.id)),
  });

  r.get('/api/persons/:id/measures', {
    schema: {
      tags: TAG,
      summary: 'Passende Maßnahmen für eine Person: passt / was fehlt / was unbekannt ist, geprüft am Beginn',
      params: idParams,
      response: { 200: fittingOut },
    },
    config: { access: { permission: 'person:read', personal: true } },
    handler: async (req) => fittingMeasures(ctx.db, authOf(req).actor, req.params.id, req.id),
  });
}
