import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { finishOidcLogin, OidcRefused, startOidcLogin } from './oidc';
import { SESSION_COOKIE } from './sessions';

/** A redirect: no body, the target in the Location header. */
const redirect = z.null().describe('Weiterleitung (Location-Header), ohne Inhalt');

/** Single sign-on through OpenID Connect; the routes exist always and say whether it is configured. */
export async function oidcRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const oidc = ctx.config.oidc;
  const policy = { idleMinutes: ctx.config.sessionIdleMinutes, maxHours: ctx.config.sessionMaxHours };
  const publicRoute = { access: { public: true }, rateLimit: { max: 30, timeWindow: '1 minute' } };

  r.get('/api/auth/oidc', {
    schema: {
      tags: ['auth'],
      summary: 'Ist die Anmeldung mit Dienstkonto (OpenID Connect) eingerichtet?',
      response: { 200: z.object({ enabled: z.boolean() }) },
    },
    config: { access: { public: true } },
    handler: async () => ({ enabled: oidc !== null }),
  });

  r.get('/api/auth/oidc/start', {
    schema: {
      tags: ['auth'],
      summary: 'Anmeldung mit Dienstkonto beginnen (Weiterleitung zum Anbieter)',
      response: { 302: redirect },
    },
    config: publicRoute,
    handler: async (_req, reply) => {
      if (!oidc) return reply.redirect('/login?sso=aus');
      try {
        return reply.redirect((await startOidcLogin(ctx.db, oidc)).href);
      } catch (err) {
        // The provider cannot be reached: back to the login page with a German message, not a 500.
        app.log.warn({ err }, 'single sign-on: provider not reachable');
        return reply.redirect('/login?sso=fehler');
      }
    },
  });

  r.get('/api/auth/oidc/callback', {
    schema: {
      tags: ['auth'],
      summary: 'Rückkehr vom Anbieter: Code einlösen, Sitzung beginnen',
      response: { 302: redirect },
    },
    config: publicRoute,
    handler: async (req, reply) => {
      if (!oidc) return reply.redirect('/login?sso=aus');
      const query = req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '';
      try {
        const s = await finishOidcLogin(ctx.db, oidc, query, policy, {
          ip: req.ip,
          userAgent: req.headers['user-agent'],
          requestId: req.id,
        });
        reply.setCookie(SESSION_COOKIE, s.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: ctx.config.secureCookies,
          expires: s.expiresAt,
        });
        return reply.redirect('/');
      } catch (err) {
        if (!(err instanceof OidcRefused)) throw err;
        req.log.info({ reason: err.reason }, 'single sign-on refused');
        return reply.redirect('/login?sso=abgelehnt');
      }
    },
  });
}
