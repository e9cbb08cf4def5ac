import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorMay } from '../../domain/access/roles';
import type { AppContext } from '../context';
import { forbidden, HttpError, unauthorized } from '../http/errors';
import { writeAudit } from '../modules/audit/audit-writer';
import { loadSession, SESSION_COOKIE } from '../modules/auth/sessions';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Authentication, CSRF and the route's permission, checked in one hook for every /api route.
 * A route without an `access` declaration needs a session: forgetting it fails closed.
 */
export function registerAccessHook(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    // Unknown routes fall through to the 404 handler: a 404 reveals nothing a 401 would hide.
    if (!req.url.startsWith('/api/') || !req.routeOptions.url) return;
    const access = req.routeOptions.config?.access ?? {};
    const token = req.cookies[SESSION_COOKIE];
    if (token) {
      req.auth = await loadSession(ctx.db, token, {
        idleMinutes: ctx.config.sessionIdleMinutes,
        maxHours: ctx.config.sessionMaxHours,
      });
    }
    if (access.public) return;
    if (!req.auth) throw unauthorized();
    if (req.auth.secondFactorPending && !access.beforeSecondFactor) {
      throw new HttpError(
        403,
        'second_factor_setup_required',
        'Bitte zuerst den zweiten Faktor einrichten (Authenticator-App); erst dann ist die Verwaltung erreichbar.',
      );
    }
    if (UNSAFE.has(req.method) && access.csrf !== false) {
      const header = req.headers['x-csrf-token'];
      if (typeof header !== 'string' || !sameToken(header, req.auth.csrfToken)) {
        throw new HttpError(403, 'csrf', 'CSRF-Token fehlt oder ist ungültig.');
      }
    }
    if (access.permission && !actorMay(req.auth.actor, access.permission)) {
      // A refused attempt on personal data is itself worth a row in the audit log.
      if (access.personal) {
        const personId = (req.params as { id?: string }).id;
        await writeAudit(
          ctx.db,
          req.auth.actor,
          {
            action: req.method === 'GET' ? 'read' : 'change',
            entity: 'person',
            entityId: personId ?? null,
            personId: personId && UUID.test(personId) ? personId : null,
            outcome: 'denied',
            details: { reason: 'permission', route: req.routeOptions.url },
          },
          req.id,
        );
      }
      throw forbidden();
    }
  });
}

/** For handlers behind the hook: the session is there, or the hook would have answered 401. */
export function authOf(req: FastifyRequest) {
  if (!req.auth) throw unauthorized();
  return req.auth;
}
