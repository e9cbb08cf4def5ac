import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../../context';

export async function systemRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/health', {
    schema: {
      tags: ['system'],
      summary: 'Betriebsbereitschaft (mit Datenbank-Ping)',
      response: {
        200: z.object({ status: z.literal('ok'), db: z.enum(['pglite', 'postgres']), version: z.string() }),
      },
    },
    config: { access: { public: true } },
    handler: async () => {
      await sql`select 1`.execute(ctx.db);
      return { status: 'ok' as const, db: ctx.dbKind, version: ctx.version };
    },
  });

  r.get('/api/openapi.json', {
    schema: { hide: true },
    config: { access: { public: true } },
    handler: async () => app.swagger(),
  });
}
