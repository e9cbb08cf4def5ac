import type { Kysely } from 'kysely';
import type { Config } from '../config/env';
import type { DbKind } from '../db/connect';
import type { DB } from '../db/schema';
import type { Actor } from '../domain/access/person-access';
import type { Permission } from '../domain/access/roles';

/** What every service gets: the database and the configuration. No globals. */
export interface AppContext {
  db: Kysely<DB>;
  dbKind: DbKind;
  config: Config;
  version: string;
}

export interface AuthContext {
  actor: Actor;
  sessionHash: string;
  csrfToken: string;
  /** An administrator who must set up the second factor first: only the set-up routes answer. */
  secondFactorPending?: boolean;
  email: string;
  displayName: string;
}

/** Per-route access declaration, read by the auth hook and by the route-table test. */
export interface RouteAccess {
  /** No session needed (health, login, OpenAPI). */
  public?: boolean;
  /** The permission the role must have; absent = any logged-in user. */
  permission?: Permission;
  /** The route returns or changes personal data: it must audit. */
  personal?: boolean;
  /** Login is the only state-changing route without the CSRF header. */
  csrf?: false;
  /** Reachable by a session that still has to set up its second factor (me, logout, the set-up). */
  beforeSecondFactor?: true;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
}
