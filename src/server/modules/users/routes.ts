import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ROLES } from '../../../domain/access/roles';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { idParams, uuid } from '../common-schema';
import { userRow } from './schema';
import { createUser, disableUser, listUsers, resetPassword } from './service';

export async function userRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const admin = { access: { permission: 'user:admin' as const } };

  r.get('/api/admin/users', {
    schema: { tags: ['admin'], summary: 'Benutzerkonten der Region', response: { 200: z.array(userRow) } },
    config: admin,
    handler: async (req) => listUsers(ctx.db, authOf(req).actor.tenantId),
  });

  r.post('/api/admin/users', {
    schema: {
      tags: ['admin'],
      summary: 'Benutzerkonto anlegen',
      body: z.object({
        email: z.string().trim().email('keine gültige E-Mail-Adresse'),
        displayName: z.string().trim().min(2).max(120),
        role: z.enum(ROLES),
        agencyId: uuid,
        team: z.string().trim().max(60).optional(),
        password: z.string().max(200),
      }),
      response: { 201: z.object({ id: z.string() }) },
    },
    config: admin,
    handler: async (req, reply) => {
      const { actor } = authOf(req);
      const created = await createUser(ctx.db, { ...req.body, tenantId: actor.tenantId });
      await writeAudit(ctx.db, actor, { action: 'create', entity: 'app_user', entityId: created.id }, req.id);
      return reply.code(201).send(created);
    },
  });

  r.post('/api/admin/users/:id/disable', {
    schema: {
      tags: ['admin'],
      summary: 'Konto sperren (beendet alle Sitzungen)',
      params: idParams,
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
    config: admin,
    handler: async (req) => {
      const { actor } = authOf(req);
      await disableUser(ctx.db, actor.tenantId, req.params.id);
      await writeAudit(
        ctx.db,
        actor,
        { action: 'disable', entity: 'app_user', entityId: req.params.id },
        req.id,
      );
      return { ok: true as const };
    },
  });

  r.post('/api/admin/users/:id/reset-password', {
    schema: {
      tags: ['admin'],
      summary: 'Passwort neu setzen',
      params: idParams,
      body: z.object({ password: z.string().max(200) }),
      response: { 200: z.object({ ok: z.literal(true) }) },
    },
    config: admin,
    handler: async (req) => {
      const { actor } = authOf(req);
      await resetPassword(ctx.db, actor.tenantId, req.params.id, req.body.password);
      await writeAudit(
        ctx.db,
        actor,
        { action: 'reset_password', entity: 'app_user', entityId: req.params.id },
        req.id,
      );
      return { ok: true as const };
    },
  });
}
