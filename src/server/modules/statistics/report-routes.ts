import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { reportHtml } from './report-html';
import { renderPdf } from './report-pdf';
import { reportOut, reportQuery } from './report-schema';
import { monthlyReport } from './report-service';

const TAG = ['statistics'];
const access = { access: { permission: 'reports:read' as const } };

/** Issue 15: the monthly report of the steering group, as data for the page and as a PDF. */
export async function reportRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/statistics/report', {
    schema: {
      tags: TAG,
      summary:
        'Monatsbericht der Steuerungsgruppe: Kennzahlen am Monatsende und am Ende des Vormonats, Verlauf, Prognose, Tabellen nach Gruppen; kleine Zellen unterdrückt',
      querystring: reportQuery,
      response: { 200: reportOut },
    },
    config: access,
    handler: async (req) => {
      const { actor } = authOf(req);
      const out = await monthlyReport(ctx.db, actor.tenantId, req.query.month);
      await writeAudit(
        ctx.db,
        actor,
        { action: 'statistics', entity: 'report', details: { month: out.month, asOf: out.asOf } },
        req.id,
      );
      return out;
    },
  });

  r.get('/api/statistics/report.pdf', {
    schema: {
      tags: TAG,
      summary:
        'Monatsbericht als PDF (Chromium auf dem Server, LOTSE_CHROMIUM_PATH); dieselben Zahlen wie die Seite, 503 ohne Chromium',
      querystring: reportQuery,
      response: { 200: z.string().describe('PDF') },
    },
    config: access,
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const report = await monthlyReport(ctx.db, actor.tenantId, req.query.month);
      const pdf = await renderPdf(reportHtml(report), ctx.config.chromiumPath);
      await writeAudit(
        ctx.db,
        actor,
        {
          action: 'statistics',
          entity: 'report',
          details: { month: report.month, asOf: report.asOf, format: 'pdf' },
        },
        req.id,
      );
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="monatsbericht-${report.month}.pdf"`)
        .send(pdf as never);
    },
  });
}
