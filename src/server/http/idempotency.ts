import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type Kysely, sql } from 'kysely';
import type { DB } from '../../db/schema';
import { badRequest, HttpError } from './errors';

/**
 * `Idempotency-Key` for POST routes that create something (opt in with `config: { idempotent: true }`).
 * A form sent twice — a double click, a retry after a lost answer — creates once: the same key with the
 * same request answers with the stored answer (header `Idempotent-Replayed: true`); the same key with a
 * different request is 422. Keys are per tenant and user, kept 24 hours. Only 2xx answers are kept: after
 * a 400 the client may correct the form and send it again under the same key.
 */

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route accepts an Idempotency-Key header. */
    idempotent?: boolean;
  }
  interface FastifyRequest {
    idempotencyClaim?: { tenantId: string; userId: string; key: string };
  }
}

const KEEP_HOURS = 24;
/** A claim without an answer this old belongs to a request that died (server stop): it may be taken over. */
const ABANDONED_AFTER_SECONDS = 120;
const WAIT_FOR_FIRST_MS = 10_000;
const KEY = /^[\x21-\x7E]{8,200}$/;

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

function requestHash(req: FastifyRequest): string {
  const what = JSON.stringify([req.method, req.routeOptions.url, canonical(req.params), canonical(req.body)]);
  return createHash('sha256').update(what).digest('hex');
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function claim(
  db: Kysely<DB>,
  row: { tenantId: string; userId: string; key: string; route: string; hash: string },
) {
  await db
    .deleteFrom('idempotency_key')
    .where('tenant_id', '=', row.tenantId)
    .where((eb) =>
      eb.or([
        eb('created_at', '<', sql<Date>`now() - make_interval(hours => ${KEEP_HOURS})`),
        eb.and([
          eb('user_id', '=', row.userId),
          eb('key', '=', row.key),
          eb('status_code', 'is', null),
          eb('created_at', '<', sql<Date>`now() - make_interval(secs => ${ABANDONED_AFTER_SECONDS})`),
        ]),
      ]),
    )
    .execute();
  const inserted = await db
    .insertInto('idempotency_key')
    .values({
      tenant_id: row.tenantId,
      user_id: row.userId,
      key: row.key,
      route: row.route,
      request_hash: row.hash,
    })
    .onConflict((oc) => oc.columns(['tenant_id', 'user_id', 'key']).doNothing())
    .returning('key')
    .executeTakeFirst();
  return inserted !== undefined;
}

type Seen = { replay: FastifyReply } | { gone: true };

/** Waits for the first request with this key; answers with its stored answer, or reports it gone. */
async function awaitFirst(
  db: Kysely<DB>,
  at: { tenantId: string; userId: string; key: string; hash: string },
  reply: FastifyReply,
): Promise<Seen> {
  const deadline = Date.now() + WAIT_FOR_FIRST_MS;
  for (;;) {
    const row = await db
      .selectFrom('idempotency_key')
      .select(['request_hash', 'status_code', 'response_body'])
      .where('tenant_id', '=', at.tenantId)
      .where('user_id', '=', at.userId)
      .where('key', '=', at.key)
      .executeTakeFirst();
    if (!row) return { gone: true };
    if (row.request_hash !== at.hash)
      throw new HttpError(
        422,
        'idempotency_key_reused',
        'Dieser Idempotency-Key wurde schon für eine andere Anfrage verwendet.',
        { issues: [{ path: 'headers.idempotency-key', message: 'schon für eine andere Anfrage verwendet' }] },
      );
    if (row.status_code !== null)
      return {
        replay: reply
          .code(row.status_code)
          .header('idempotent-replayed', 'true')
          .type('application/json; charset=utf-8')
          .send(row.response_body ?? ''),
      };
    if (Date.now() > deadline)
      throw new HttpError(
        409,
        'idempotency_in_progress',
        'Die gleiche Anfrage wird gerade noch bearbeitet.',
        {
          issues: [],
        },
      );
    await sleep(100);
  }
}

export function registerIdempotency(app: FastifyInstance, db: Kysely<DB>): void {
  app.addHook('preHandler', async (req, reply) => {
    const raw = req.headers['idempotency-key'];
    if (raw === undefined || req.method !== 'POST' || !req.routeOptions.config.idempotent || !req.auth)
      return;
    const key = Array.isArray(raw) ? raw[0] : raw;
    if (!KEY.test(key))
      throw badRequest('Ungültige Eingabe', [
        { path: 'headers.idempotency-key', message: '8–200 sichtbare Zeichen ohne Leerzeichen' },
      ]);
    const at = { tenantId: req.auth.actor.tenantId, userId: req.auth.actor.userId, key };
    const hash = requestHash(req);
    // The first request with a key runs; a repeat waits for its answer. If the first failed (its claim
    // is removed after a non-2xx answer), the repeat runs instead.
    for (let attempt = 0; attempt < 3; attempt++) {
      if (await claim(db, { ...at, route: req.routeOptions.url ?? req.url, hash })) {
        req.idempotencyClaim = at;
        return;
      }
      const seen = await awaitFirst(db, { ...at, hash }, reply);
      if ('replay' in seen) return seen.replay;
    }
    throw new HttpError(409, 'idempotency_in_progress', 'Die gleiche Anfrage wird gerade noch bearbeitet.', {
      issues: [],
    });
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const c = req.idempotencyClaim;
    if (!c) return payload;
    req.idempotencyClaim = undefined;
    const where = { tenant: c.tenantId, user: c.userId, key: c.key };
    if (reply.statusCode >= 200 && reply.statusCode < 300 && typeof payload === 'string')
      await db
        .updateTable('idempotency_key')
        .set({ status_code: reply.statusCode, response_body: payload })
        .where('tenant_id', '=', where.tenant)
        .where('user_id', '=', where.user)
        .where('key', '=', where.key)
        .execute();
    else
      await db
        .deleteFrom('idempotency_key')
        .where('tenant_id', '=', where.tenant)
        .where('user_id', '=', where.user)
        .where('key', '=', where.key)
        .execute();
    return payload;
  });
}
