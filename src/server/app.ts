import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { TrustProxy } from '../config/env';
import { installGermanMessages } from '../domain/validation/german-messages';
import type { AppContext, RouteAccess } from './context';
import { registerControlCharGuard } from './http/control-chars';
import { registerIdempotency } from './http/idempotency';
import { apiModules } from './modules';
import { registerAccessHook } from './plugins/access-hook';
import { registerErrorHandling } from './plugins/error-handler';
import { registerLoadShedding } from './plugins/load-shedding';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const WEB_DIST = join(root, 'dist', 'web');
export const VERSION: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;

export interface RouteTableEntry {
  method: string;
  url: string;
  access: RouteAccess;
  /** Status codes with a declared response schema (the wire contract; the route table test wants one). */
  responses: string[];
  /** The fields of an object body (the write-route test sends each alone). */
  bodyKeys: string[];
}

export interface BuildOptions {
  logger?: boolean | { level: string };
  /** Serve the built web app from dist/web (off in API tests). */
  serveWeb?: boolean;
  /** Refuse work beyond the server's capacity with 503 (the listening server; off for inject tests). */
  loadShedding?: boolean;
}

/** A hop count becomes the function Fastify expects (its types take no number): trust the nearest n. */
function trustProxyOption(t: TrustProxy): boolean | string[] | ((addr: string, hop: number) => boolean) {
  return typeof t === 'number' ? (_addr, hop) => hop < t : t;
}

/** Builds the whole app (plugins, error mapping, every module's routes) without listening. */
export type LotseApp = FastifyInstance & { routeTable: RouteTableEntry[] };

export async function buildApp(ctx: AppContext, opts: BuildOptions = {}): Promise<LotseApp> {
  // Validation messages reach forms and other agencies: German, never zod's English defaults.
  installGermanMessages();
  const requestTimeout = ctx.config.requestTimeoutSeconds * 1000;
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    // A client trickling its request (headers or body) cannot hold a connection: 408 after the request
    // timeout, checked at least every 5 s (Node checks only every 30 s by default); idle sockets close too.
    // Node reads requestTimeout when the server is created, so it is given in `http` as well.
    requestTimeout,
    connectionTimeout: ctx.config.connectionTimeoutSeconds * 1000,
    http: { requestTimeout, connectionsCheckingInterval: Math.min(5000, Math.max(100, requestTimeout / 4)) },
    // The request id travels into logs, audit rows and every 500 answer.
    genReqId: () => crypto.randomUUID(),
    // X-Forwarded-For only from the proxies the operator configured (LOTSE_TRUST_PROXY); off by default,
    // else any client could pick its own address and slip past the rate limit and the login throttle.
    trustProxy: trustProxyOption(ctx.config.trustProxy),
  });
  const routeTable: RouteTableEntry[] = [];
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) {
      if (m === 'HEAD') continue;
      const responses = Object.keys((route.schema?.response as Record<string, unknown> | undefined) ?? {});
      const shape = (route.schema?.body as { shape?: Record<string, unknown> } | undefined)?.shape;
      const bodyKeys = shape ? Object.keys(shape) : [];
      routeTable.push({ method: m, url: route.url, access: route.config?.access ?? {}, responses, bodyKeys });
    }
  });

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandling(app);
  if (opts.loadShedding)
    registerLoadShedding(app, {
      maxInFlight: ctx.config.maxInFlight ?? (ctx.dbKind === 'pglite' ? 48 : 256),
      windowMs: ctx.config.dbQueue.maxWaitMs,
    });

  // Only behind HTTPS may the browser be told to upgrade requests and remember HTTPS (HSTS): a county
  // opening the app over plain HTTP in its LAN would otherwise get a blank page (every script and style
  // rewritten to an https:// address nobody answers).
  const https = ctx.config.secureCookies;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: https ? [] : null,
      },
    },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Lotse API',
        version: VERSION,
        description: 'API of Lotse, software for German Integration Points.',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'lotse_session' } } },
    },
    transform: jsonSchemaTransform,
  });
  registerAccessHook(app, ctx);
  registerControlCharGuard(app);
  registerIdempotency(app, ctx.db);

  for (const mod of apiModules) await mod(app, ctx);

  if (opts.serveWeb && existsSync(join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });
    app.get('/*', { schema: { hide: true } }, (req, reply) => {
      if (req.url.startsWith('/api/')) return reply.callNotFound();
      return reply.sendFile('index.html');
    });
  }
  await app.ready();
  return Object.assign(app, { routeTable }) as unknown as LotseApp;
}
