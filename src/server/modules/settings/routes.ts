import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { effectiveSettingsSchema, tenantSettingsPatchSchema } from '../../../domain/settings/tenant-settings';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { readSettings, updateSettings } from './service';

export async function settingsRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/admin/settings', {
    schema: {
      tags: ['admin'],
      summary: 'Einstellungen der Region: Höchstverweildauer im IP, Aufbewahrungsfristen je Rechtskreis',
      response: { 200: effectiveSettingsSchema },
    },
    config: { access: { permission: 'user:admin' } },
    handler: async (req) => readSettings(ctx.db, authOf(req).actor.tenantId),
  });

  r.patch('/api/admin/settings', {
    schema: {
      tags: ['admin'],
      summary: 'Einstellungen der Region ändern (mit der gelesenen Version; 409 bei gleichzeitiger Änderung)',
      body: tenantSettingsPatchSchema.extend({ version: z.number().int().positive() }),
      response: { 200: effectiveSettingsSchema },
    },
    config: { access: { permission: 'user:admin' } },
    handler: async (req) => {
      const { actor } = authOf(req);
      const { version, ...patch } = req.body;
      return updateSettings(ctx.db, actor, actor.tenantId, patch, version, req.id);
    },
  });
}
