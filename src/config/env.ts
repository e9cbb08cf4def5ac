import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { z } from 'zod';

// All configuration comes from the environment (12-factor); defaults make `npm start` work anywhere.
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  // The owner role that runs migrations; DATABASE_URL is then the application role that owns nothing.
  LOTSE_MIGRATE_DATABASE_URL: z.string().url().optional(),
  // Bound of the wait for a database connection (PGlite has one): beyond it 503 with Retry-After.
  LOTSE_DB_MAX_WAITING: z.coerce.number().int().positive().default(200),
  LOTSE_DB_MAX_WAIT_MS: z.coerce.number().int().positive().default(4000),
  // Repeated statements run as server-side prepared statements (src/db/prepared.ts); 0 behind PgBouncer < 1.21
  // in transaction mode. Read by openDatabase itself, so that the CLI follows it too.
  LOTSE_DB_PREPARE: z.enum(['0', '1']).default('1'),
  // API requests worked on at once; beyond, 503 at once (default: 48 on PGlite, 256 on a server).
  LOTSE_MAX_IN_FLIGHT: z.coerce.number().int().positive().optional(),
  LOTSE_DATA_DIR: z.string().default('./data'),
  LOTSE_DEMO: z.enum(['0', '1']).optional(),
  LOTSE_DEMO_PASSWORD: z.string().min(8).default('demo-lotse'),
  LOTSE_SESSION_IDLE_MINUTES: z.coerce.number().int().positive().default(60),
  LOTSE_SESSION_MAX_HOURS: z.coerce.number().int().positive().default(12),
  LOTSE_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  // Statements on tenant tables without tenant_id (src/db/tenant-guard.ts): logged, refused, or not checked.
  LOTSE_TENANT_GUARD: z.enum(['off', 'log', 'error']).default('log'),
  // Diagnostics: every SQL statement with its parameters appended to this file (the benchmark replays them).
  LOTSE_SQL_TRACE: z.string().optional(),
  LOTSE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOTSE_REQUEST_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(60),
  LOTSE_CONNECTION_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(120),
  LOTSE_TRUST_PROXY: z.string().optional(),
  // Second factor for administrators with a password login: 'required' in production (docs/security.md).
  LOTSE_ADMIN_TOTP: z.enum(['optional', 'required']).default('optional'),
  LOTSE_TOTP_ISSUER: z.string().min(1).max(60).default('Lotse'),
  // Background jobs (reminders, deadline runs): on in the server; 0 for a second instance that only serves.
  LOTSE_JOBS: z.enum(['0', '1']).default('1'),
  LOTSE_JOB_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(5000),
  // Reminder e-mails: an SMTP server (smtp://user:pass@host:587, smtps://…); without it no mail is sent.
  LOTSE_SMTP_URL: z.string().url().optional(),
  LOTSE_MAIL_FROM: z.string().min(3).default('Lotse <lotse@localhost>'),
  // The address staff open Lotse at, for links in e-mails.
  LOTSE_PUBLIC_URL: z.string().url().optional(),
  // Reminders go out once a day from this hour (German time) on.
  LOTSE_REMINDER_HOUR: z.coerce.number().int().min(0).max(23).default(7),
  // Single sign-on (OpenID Connect: Keycloak, Entra ID); all unset = password login only.
  LOTSE_OIDC_ISSUER: z.string().url().optional(),
  LOTSE_OIDC_CLIENT_ID: z.string().optional(),
  LOTSE_OIDC_CLIENT_SECRET: z.string().optional(),
  LOTSE_OIDC_REDIRECT_URI: z.string().url().optional(),
  LOTSE_OIDC_TENANT: z.string().optional(),
  LOTSE_OIDC_ROLE_CLAIM: z.string().default('groups'),
  LOTSE_OIDC_ROLE_MAP: z.string().optional(),
  LOTSE_OIDC_AUTO_PROVISION_AGENCY: z.string().optional(),
  // Chromium for PDFs of the monthly steering report (headless; without it that PDF answers 503).
  LOTSE_CHROMIUM_PATH: z.string().min(1).default('/usr/bin/chromium'),
});

/**
 * Which reverse proxies may set X-Forwarded-For. Off by default: a client header is never trusted unless
 * the operator names the proxies (addresses or CIDR ranges, comma-separated) or the number of proxy hops.
 */
export type TrustProxy = false | number | string[];

export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const v = raw?.trim() ?? '';
  if (v === '' || v === '0' || v.toLowerCase() === 'false' || v.toLowerCase() === 'off') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const e of entries) {
    const [addr, bits, extra] = e.split('/');
    const family = isIP(addr ?? '');
    const maxBits = family === 4 ? 32 : 128;
    const okBits = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !okBits || extra !== undefined)
      throw new Error(
        `Invalid configuration: LOTSE_TRUST_PROXY: "${e}" is neither an address, a CIDR range nor a hop count`,
      );
  }
  return entries;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl?: string;
  migrateDatabaseUrl?: string;
  dbQueue: { maxWaiting: number; maxWaitMs: number };
  maxInFlight?: number;
  dataDir: string;
  demo: boolean | undefined;
  demoPassword: string;
  sessionIdleMinutes: number;
  sessionMaxHours: number;
  secureCookies: boolean;
  tenantGuard: 'off' | 'log' | 'error';
  sqlTrace?: string;
  logLevel: string;
  /** Time a client has to send a whole request (headers and body); then 408 and the connection closes. */
  requestTimeoutSeconds: number;
  /** An idle connection (nothing sent or received) is closed after this. */
  connectionTimeoutSeconds: number;
  trustProxy: TrustProxy;
  /** Must administrators with a password login use a second factor (TOTP)? */
  adminTotp: 'optional' | 'required';
  /** The name the authenticator app shows next to the account. */
  totpIssuer: string;
  jobs: { enabled: boolean; pollMs: number; reminderHour: number };
  mail: { smtpUrl: string | null; from: string };
  publicUrl: string | null;
  oidc: OidcConfig | null;
  /** Chromium for the PDF of the monthly steering report (default /usr/bin/chromium). */
  chromiumPath?: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Where the provider sends the browser back: https://lotse.kreis.de/api/auth/oidc/callback */
  redirectUri: string;
  /** Slug of the region (tenant) whose staff log in through this provider. */
  tenant: string;
  roleClaim: string;
  /** "claim-value=role,…" (see domain/access/claim-roles.ts). */
  roleMap: string;
  /** Name of the agency new accounts are created in; unset = unknown users are refused. */
  autoProvisionAgency: string | null;
}

function oidcConfig(e: z.infer<typeof schema>): OidcConfig | null {
  const required = {
    LOTSE_OIDC_ISSUER: e.LOTSE_OIDC_ISSUER,
    LOTSE_OIDC_CLIENT_ID: e.LOTSE_OIDC_CLIENT_ID,
    LOTSE_OIDC_CLIENT_SECRET: e.LOTSE_OIDC_CLIENT_SECRET,
    LOTSE_OIDC_REDIRECT_URI: e.LOTSE_OIDC_REDIRECT_URI,
    LOTSE_OIDC_TENANT: e.LOTSE_OIDC_TENANT,
    LOTSE_OIDC_ROLE_MAP: e.LOTSE_OIDC_ROLE_MAP,
  };
  const missing = Object.entries(required).filter(([, v]) => !v);
  if (missing.length === Object.keys(required).length) return null;
  if (missing.length > 0)
    throw new Error(
      `Invalid configuration: ${missing.map(([k]) => k).join(', ')} missing for single sign-on`,
    );
  return {
    issuer: e.LOTSE_OIDC_ISSUER as string,
    clientId: e.LOTSE_OIDC_CLIENT_ID as string,
    clientSecret: e.LOTSE_OIDC_CLIENT_SECRET as string,
    redirectUri: e.LOTSE_OIDC_REDIRECT_URI as string,
    tenant: e.LOTSE_OIDC_TENANT as string,
    roleClaim: e.LOTSE_OIDC_ROLE_CLAIM,
    roleMap: e.LOTSE_OIDC_ROLE_MAP as string,
    autoProvisionAgency: e.LOTSE_OIDC_AUTO_PROVISION_AGENCY ?? null,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable (DATABASE_URL= in an env file) means unset, not invalid.
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const msg = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${msg}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    migrateDatabaseUrl: e.LOTSE_MIGRATE_DATABASE_URL,
    dbQueue: { maxWaiting: e.LOTSE_DB_MAX_WAITING, maxWaitMs: e.LOTSE_DB_MAX_WAIT_MS },
    maxInFlight: e.LOTSE_MAX_IN_FLIGHT,
    dataDir: resolve(e.LOTSE_DATA_DIR),
    demo: e.LOTSE_DEMO === undefined ? undefined : e.LOTSE_DEMO === '1',
    demoPassword: e.LOTSE_DEMO_PASSWORD,
    sessionIdleMinutes: e.LOTSE_SESSION_IDLE_MINUTES,
    sessionMaxHours: e.LOTSE_SESSION_MAX_HOURS,
    secureCookies: e.LOTSE_SECURE_COOKIES === '1',
    tenantGuard: e.LOTSE_TENANT_GUARD,
    sqlTrace: e.LOTSE_SQL_TRACE,
    logLevel: e.LOTSE_LOG_LEVEL,
    requestTimeoutSeconds: e.LOTSE_REQUEST_TIMEOUT_SECONDS,
    connectionTimeoutSeconds: e.LOTSE_CONNECTION_TIMEOUT_SECONDS,
    trustProxy: parseTrustProxy(e.LOTSE_TRUST_PROXY),
    adminTotp: e.LOTSE_ADMIN_TOTP,
    totpIssuer: e.LOTSE_TOTP_ISSUER,
    jobs: { enabled: e.LOTSE_JOBS === '1', pollMs: e.LOTSE_JOB_POLL_MS, reminderHour: e.LOTSE_REMINDER_HOUR },
    mail: { smtpUrl: e.LOTSE_SMTP_URL ?? null, from: e.LOTSE_MAIL_FROM },
    publicUrl: e.LOTSE_PUBLIC_URL ?? null,
    oidc: oidcConfig(e),
    chromiumPath: e.LOTSE_CHROMIUM_PATH,
  };
}
