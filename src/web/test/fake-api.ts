// The network is the boundary of a component test: a small fake `fetch` answers the routes a test
// names, with the JSON the real API answers, and records every request the form sends.
import { vi } from 'vitest';
import type { z } from 'zod';
import type { Permission } from '../../domain/access/roles';
import { installGermanMessages } from '../../domain/validation/german-messages';
import type { meOut } from '../../server/modules/auth/schema';

// The server answers refused input with the domain's German messages: so do the fakes.
installGermanMessages();

export interface ApiCall {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** The parsed JSON body (undefined for GET). */
  body: unknown;
  /** `:name` parts of the matched route. */
  params: Record<string, string>;
}

const ANSWER = Symbol('answer');
export interface Answer {
  [ANSWER]: true;
  status: number;
  body: unknown;
}
/** An answer with a status; a handler returning anything else answers 200 with it. */
export const reply = (status: number, body: unknown): Answer => ({ [ANSWER]: true, status, body });
const isAnswer = (x: unknown): x is Answer => typeof x === 'object' && x !== null && ANSWER in x;

export type Handler = (call: ApiCall) => unknown;

/**
 * The server's 400 for a body its zod schema refuses, as `plugins/error-handler.ts` builds it
 * (`{ error, issues: [{ path, message }] }`, body paths plain: "birthDate", "nameVariants.0"); null if valid.
 */
export function refusal(schema: z.ZodType, body: unknown): Answer | null {
  const r = schema.safeParse(body);
  if (r.success) return null;
  return reply(400, {
    error: 'Ungültige Eingabe',
    issues: r.error.issues.map((i) => ({ path: i.path.join('.') || '(body)', message: i.message })),
  });
}

function match(pattern: string, path: string): Record<string, string> | null {
  const a = pattern.split('/');
  const b = path.split('/');
  if (a.length !== b.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < a.length; i++) {
    if (a[i].startsWith(':')) params[a[i].slice(1)] = decodeURIComponent(b[i]);
    else if (a[i] !== b[i]) return null;
  }
  return params;
}

/**
 * Installs the fake `fetch`: `routes` maps "METHOD /api/path/:param" to a handler. A request to a route
 * not named answers 404 as the server does and is kept in `unhandled`, so a test can say none happened.
 */
export function fakeApi(routes: Record<string, Handler>) {
  const calls: ApiCall[] = [];
  const unhandled: string[] = [];
  const table = Object.entries(routes).map(([key, handler]) => {
    const [method, pattern] = key.split(' ');
    return { method, pattern, handler };
  });
  const fetchFn = async (input: RequestInfo | URL, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input), 'http://lotse.test');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    for (const r of table) {
      if (r.method !== method) continue;
      const params = match(r.pattern, url.pathname);
      if (!params) continue;
      const call: ApiCall = { method, path: url.pathname, query: url.searchParams, headers, body, params };
      calls.push(call);
      const out = await r.handler(call);
      const a = isAnswer(out) ? out : reply(200, out);
      return new Response(a.body === undefined ? null : JSON.stringify(a.body), {
        status: a.status,
        headers: { 'content-type': 'application/json' },
      });
    }
    unhandled.push(`${method} ${url.pathname}`);
    return new Response(JSON.stringify({ error: 'Unbekannte Route', code: 'not_found' }), { status: 404 });
  };
  vi.stubGlobal('fetch', vi.fn(fetchFn));
  return {
    calls,
    unhandled,
    /** The bodies sent to one route ("POST /api/persons"), oldest first. */
    bodies(route: string): unknown[] {
      const [method, pattern] = route.split(' ');
      return calls.filter((c) => c.method === method && match(pattern, c.path)).map((c) => c.body);
    },
  };
}

export type SessionAnswer = z.infer<typeof meOut>;

/** GET /api/auth/me of a logged-in user with these permissions. */
export function session(permissions: Permission[]): SessionAnswer {
  return {
    user: {
      id: '00000000-0000-4000-8000-000000000001',
      email: 'fk@lotse.test',
      displayName: 'Frida Fachkraft',
      role: 'integrationsfachkraft',
      team: null,
      agency: { id: '00000000-0000-4000-8000-0000000000a1', kind: 'landkreis', name: 'Integration Point' },
      tenant: { id: '00000000-0000-4000-8000-0000000000f1', name: 'Landkreis Test' },
      permissions,
      language: 'de',
    },
    csrfToken: 'csrf-test',
    secondFactorSetupRequired: false,
  };
}
