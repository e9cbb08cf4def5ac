import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import writeXlsxFile from 'write-excel-file/node';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { idParams } from '../common-schema';
import { exportTables, toCsv } from './steering-presenter';
import {
  dashboardOut,
  dashboardQuery,
  drilldownOut,
  drilldownQuery,
  exportQuery,
  targetCreate,
  targetDeleteQuery,
  targetOut,
  targetUpdate,
} from './steering-schema';
import {
  changeTarget,
  computeDashboard,
  createTarget,
  dashboard,
  drilldown,
  listTargets,
  removeTarget,
} from './steering-service';

const TAG = ['statistics'];
const dashboardAccess = { access: { permission: 'reports:dashboard' as const } };
const manage = { access: { permission: 'reports:manage' as const } };

/** The steering dashboard (issue 15): per role, with targets, funnel, map, drill-down and exports. */
export async function steeringRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/statistics/dashboard', {
    schema: {
      tags: TAG,
      summary:
        'Steuerungs-Dashboard zu einem Stichtag: eigener Fallbestand (Fachkraft) oder Region mit unterdrückten kleinen Zellen; Kennzahlen, Verlauf, Weg in Arbeit, Karte der Kommunen, Ziele',
      querystring: dashboardQuery,
      response: { 200: dashboardOut },
    },
    config: dashboardAccess,
    handler: async (req) => dashboard(ctx.db, authOf(req).actor, req.query, req.id),
  });

  r.get('/api/statistics/drilldown', {
    schema: {
      tags: TAG,
      summary:
        'Die Personen hinter einer Zahl: nur Personen, die die lesende Person öffnen darf, seitenweise, protokolliert',
      querystring: drilldownQuery,
      response: { 200: drilldownOut },
    },
    config: { access: { permission: 'reports:drilldown' as const } },
    handler: async (req) => drilldown(ctx.db, authOf(req).actor, req.query, req.id),
  });

  r.get('/api/statistics/export', {
    schema: {
      tags: TAG,
      summary:
        'Tabellen des Dashboards: XLSX (alle Tabellen als Blätter) oder CSV (eine Tabelle; Semikolon, UTF-8 mit BOM); dieselben Zahlen wie auf dem Bildschirm',
      querystring: exportQuery,
      response: { 200: z.string().describe('XLSX oder CSV') },
    },
    config: dashboardAccess,
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const { format, table, ...q } = req.query;
      const d = await computeDashboard(ctx.db, actor, q);
      const tables = exportTables(d);
      await writeAudit(
        ctx.db,
        actor,
        {
          action: 'export',
          entity: 'statistics',
          details: { view: d.view, asOf: d.asOf, filters: d.filters, format, table },
        },
        req.id,
      );
      if (format === 'xlsx') {
        const file = await writeXlsxFile(
          tables.map((t) => ({
            sheet: t.title,
            data: [t.header, ...t.rows].map((row) => row.map((value) => ({ value }))),
          })) as never,
        ).toBuffer();
        return reply
          .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
          .header('content-disposition', `attachment; filename="steuerung-${d.asOf}.xlsx"`)
          .send(file as never);
      }
      const t = tables.find((x) => x.key === table) ?? tables[0];
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="steuerung-${t.key}-${d.asOf}.csv"`)
        .send(toCsv(t));
    },
  });

  r.get('/api/statistics/targets', {
    schema: { tags: TAG, summary: 'Ziele der Steuerung', response: { 200: z.array(targetOut) } },
    config: dashboardAccess,
    handler: async (req) => listTargets(ctx.db, authOf(req).actor),
  });

  r.post('/api/statistics/targets', {
    schema: {
      tags: TAG,
      summary: 'Ziel mit Frist anlegen (z. B. 50 % in Arbeit bis 31.12.2027)',
      body: targetCreate,
      response: { 201: targetOut },
    },
    config: manage,
    handler: async (req, reply) =>
      reply.code(201).send(await createTarget(ctx.db, authOf(req).actor, req.body, req.id)),
  });

  r.patch('/api/statistics/targets/:id', {
    schema: {
      tags: TAG,
      summary: 'Ziel ändern (mit Versionsnummer; veraltete Version: 409)',
      params: idParams,
      body: targetUpdate,
      response: { 200: targetOut },
    },
    config: manage,
    handler: async (req) => changeTarget(ctx.db, authOf(req).actor, req.params.id, req.body, req.id),
  });

  r.delete('/api/statistics/targets/:id', {
    schema: {
      tags: TAG,
      summary: 'Ziel löschen (mit Versionsnummer)',
      params: idParams,
      querystring: targetDeleteQuery,
      response: { 200: z.object({ deleted: z.literal(true) }) },
    },
    config: manage,
    handler: async (req) => {
      await removeTarget(ctx.db, authOf(req).actor, req.params.id, req.query.version, req.id);
      return { deleted: true as const };
    },
  });
}
