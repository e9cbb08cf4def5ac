import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context';
import { HttpError } from '../../http/errors';
import { authOf } from '../../plugins/access-hook';
import { writeAudit } from '../audit/audit-writer';
import { oidcRoutes } from './oidc-routes';
import { presentUser } from './presenter';
import { loginBody, loginOut, meOut, okOut } from './schema';
import { secondFactorRoutes } from './second-factor-routes';
import { loginWithPassword } from './service';
import { endAllSessions, endSession, SESSION_COOKIE } from './sessions';

export async function authRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const policy = {
    idleMinutes: ctx.config.sessionIdleMinutes,
    maxHours: ctx.config.sessionMaxHours,
    adminTotp: ctx.config.adminTotp,
  };
  const cookieOptions = {
    path: '/',
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: ctx.config.secureCookies,
  };

  r.post('/api/auth/login', {
    schema: {
      tags: ['auth'],
      summary: 'Anmelden mit E-Mail und Passwort',
      body: loginBody,
      response: { 200: loginOut },
    },
    config: {
      access: { public: true, csrf: false },
      rateLimit: {
        max: 20,
        timeWindow: '1 minute',
        // Thrown as our own error, so the answer is German JSON like every other refusal.
        errorResponseBuilder: () =>
          new HttpError(
            429,
            'rate_limited',
            'Zu viele Anmeldeversuche. Bitte in einer Minute erneut versuchen.',
          ),
      },
    },
    handler: async (req, reply) => {
      const s = await loginWithPassword(ctx.db, req.body, policy, {
        ip: req.ip,
        userAgent: req.headers['user-agent'],
        requestId: req.id,
      });
      reply.setCookie(SESSION_COOKIE, s.token, { ...cookieOptions, expires: s.expiresAt });
      return {
        user: await presentUser(ctx.db, s.user.id, s.user.tenant_id),
        csrfToken: s.csrfToken,
        secondFactorSetupRequired: s.secondFactorPending,
      };
    },
  });

  r.get('/api/auth/me', {
    schema: {
      tags: ['auth'],
      summary: 'Die angemeldete Person und ihr CSRF-Token',
      response: { 200: meOut },
    },
    config: { access: { beforeSecondFactor: true } },
    handler: async (req) => {
      const auth = authOf(req);
      return {
        user: await presentUser(ctx.db, auth.actor.userId, auth.actor.tenantId),
        csrfToken: auth.csrfToken,
        secondFactorSetupRequired: !!auth.secondFactorPending,
      };
    },
  });

  r.post('/api/auth/logout', {
    schema: { tags: ['auth'], summary: 'Abmelden (diese Sitzung)', response: { 200: okOut } },
    config: { access: { beforeSecondFactor: true } },
    handler: async (req, reply) => {
      const auth = authOf(req);
      await endSession(ctx.db, auth.sessionHash);
      await writeAudit(
        ctx.db,
        auth.actor,
        { action: 'logout', entity: 'app_user', entityId: auth.actor.userId },
        req.id,
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.post('/api/auth/logout-all', {
    schema: {
      tags: ['auth'],
      summary: 'Überall abmelden (alle Sitzungen dieses Kontos)',
      response: { 200: okOut },
    },
    handler: async (req, reply) => {
      const auth = authOf(req);
      const n = await endAllSessions(ctx.db, auth.actor.userId);
      await writeAudit(
        ctx.db,
        auth.actor,
        { action: 'logout_all', entity: 'app_user', entityId: auth.actor.userId, details: { sessions: n } },
        req.id,
      );
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const, sessionsEnded: n };
    },
  });

  await oidcRoutes(app, ctx);
  await secondFactorRoutes(app, ctx);
}
