import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { RETRY_AFTER_SECONDS } from '../../plugins/db-unavailable';
import { databaseReachable } from './service';

/** The OpenAPI 3 document as @fastify/swagger builds it, passed on whole (its own schema is the OpenAPI standard). */
const openApiDocument = z.record(z.string(), z.unknown()).describe('OpenAPI-Dokument');

export async function systemRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Betriebsbereitschaft (mit Datenbank-Ping); 503 solange die Datenbank nicht erreichbar ist',
      response: {
        200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
        // The second shape: the session lookup before the handler (a cookie was sent) met the outage first.
        503: z.union([
          z.object({ status: z.literal('unavailable'), db: z.literal('unavailable'), version: z.string() }),
          z.object({ error: z.string(), code: z.enum(['db_unavailable', 'db_busy']) }),
        ]),
      },
    },
    config: { access: { public: true } },
    handler: async (_req, reply) => {
      // A load balancer takes this instance out while the database is away, and back when it answers.
      if (!(await databaseReachable(ctx.db)))
        return reply
          .code(503)
          .header('retry-after', String(RETRY_AFTER_SECONDS))
          .send({ status: 'unavailable' as const, db: 'unavailable' as const, version: ctx.version });
      return { status: 'ok' as const, db: ctx.dbKind, version: ctx.version };
    },
  });

  r.get('/api/openapi.json', {
    schema: { hide: true, response: { 200: openApiDocument } },
    config: { access: { public: true } },
    handler: async () => ({ ...app.swagger() }),
  });
}
