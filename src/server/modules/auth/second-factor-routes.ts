import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import {
  changePasswordBody,
  codeBody,
  okOut,
  passwordBody,
  recoveryCodesOut,
  secondFactorOut,
  setupOut,
} from './schema';
import {
  beginTotpSetup,
  changeOwnPassword,
  confirmTotpSetup,
  disableTotp,
  type FactorUser,
  loadFactorUser,
  renewRecoveryCodes,
  resetSecondFactor,
  secondFactorMandatory,
  secondFactorState,
} from './second-factor';

/** The own account's second factor, and an administrator's reset of a colleague's. */
export async function secondFactorRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const own = { access: { beforeSecondFactor: true as const } };

  const me = (tenantId: string, userId: string): Promise<FactorUser> =>
    loadFactorUser(ctx.db, { tenantId, userId });

  r.get('/api/auth/second-factor', {
    schema: {
      tags: ['auth'],
      summary: 'Zweiter Faktor des eigenen Kontos: Stand',
      response: { 200: secondFactorOut },
    },
    config: own,
    handler: async (req) => {
      const { actor } = authOf(req);
      const u = await me(actor.tenantId, actor.userId);
      const state = await secondFactorState(ctx.db, u);
      return {
        ...state,
        required: secondFactorMandatory(u, ctx.config.adminTotp),
        available: !!u.password_hash,
      };
    },
  });

  r.post('/api/auth/second-factor/setup', {
    schema: {
      tags: ['auth'],
      summary: 'Zweiten Faktor einrichten, Schritt 1: Schlüssel für die Authenticator-App',
      body: passwordBody,
      response: { 200: setupOut },
    },
    config: own,
    handler: async (req) => {
      const { actor } = authOf(req);
      const u = await me(actor.tenantId, actor.userId);
      return beginTotpSetup(ctx.db, u, req.body.password, ctx.config.totpIssuer);
    },
  });

  r.post('/api/auth/second-factor/confirm', {
    schema: {
      tags: ['auth'],
      summary:
        'Zweiten Faktor einrichten, Schritt 2: ersten Code bestätigen (liefert Wiederherstellungscodes)',
      body: codeBody,
      response: { 200: recoveryCodesOut },
    },
    config: own,
    handler: async (req) => {
      const { actor } = authOf(req);
      const recoveryCodes = await confirmTotpSetup(
        ctx.db,
        await me(actor.tenantId, actor.userId),
        req.body.code,
      );
      await writeAudit(
        ctx.db,
        actor,
        { action: 'second_factor_on', entity: 'app_user', entityId: actor.userId },
        req.id,
      );
      return { recoveryCodes };
    },
  });

  r.post('/api/auth/second-factor/recovery-codes', {
    schema: {
      tags: ['auth'],
      summary: 'Neue Wiederherstellungscodes (die alten werden ungültig)',
      body: passwordBody,
      response: { 200: recoveryCodesOut },
    },
    config: own,
    handler: async (req) => {
      const { actor } = authOf(req);
      const recoveryCodes = await renewRecoveryCodes(
        ctx.db,
        await me(actor.tenantId, actor.userId),
        req.body.password,
      );
      await writeAudit(
        ctx.db,
        actor,
        { action: 'recovery_codes_renewed', entity: 'app_user', entityId: actor.userId },
        req.id,
      );
      return { recoveryCodes };
    },
  });

  r.post('/api/auth/second-factor/disable', {
    schema: {
      tags: ['auth'],
      summary: 'Zweiten Faktor abschalten',
      body: passwordBody,
      response: { 200: okOut },
    },
    config: own,
    handler: async (req) => {
      const { actor } = authOf(req);
      await disableTotp(
        ctx.db,
        await me(actor.tenantId, actor.userId),
        req.body.password,
        ctx.config.adminTotp,
      );
      await writeAudit(
        ctx.db,
        actor,
        { action: 'second_factor_off', entity: 'app_user', entityId: actor.userId },
        req.id,
      );
      return { ok: true as const };
    },
  });

  r.post('/api/auth/password', {
    schema: {
      tags: ['auth'],
      summary: 'Eigenes Passwort ändern (beendet alle anderen Sitzungen)',
      body: changePasswordBody,
      response: { 200: okOut },
    },
    handler: async (req) => {
      const auth = authOf(req);
      const { actor } = auth;
      const ended = await changeOwnPassword(
        ctx.db,
        await me(actor.tenantId, actor.userId),
        req.body,
        auth.sessionHash,
      );
      await writeAudit(
        ctx.db,
        actor,
        { action: 'password_change', entity: 'app_user', entityId: actor.userId },
        req.id,
      );
      return { ok: true as const, sessionsEnded: ended };
    },
  });

  r.post('/api/admin/users/:id/reset-second-factor', {
    schema: {
      tags: ['admin'],
      summary: 'Zweiten Faktor eines Kontos zurücksetzen (verlorenes Gerät; beendet alle Sitzungen)',
      params: z.object({ id: z.string().uuid('keine gültige ID') }),
      response: { 200: okOut },
    },
    config: { access: { permission: 'user:admin' as const } },
    handler: async (req) => {
      const { actor } = authOf(req);
      await resetSecondFactor(ctx.db, actor.tenantId, actor.userId, req.params.id);
      await writeAudit(
        ctx.db,
        actor,
        { action: 'second_factor_reset', entity: 'app_user', entityId: req.params.id },
        req.id,
      );
      return { ok: true as const };
    },
  });
}
