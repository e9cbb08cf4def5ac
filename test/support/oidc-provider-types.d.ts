// The few parts of oidc-provider (no bundled types) the test provider uses.
declare module 'oidc-provider' {
  import type { Server } from 'node:http';

  interface Account {
    accountId: string;
    claims: () => Promise<Record<string, unknown>>;
  }
  interface Configuration {
    clients: Record<string, unknown>[];
    pkce?: { required: () => boolean };
    claims?: Record<string, string[]>;
    scopes?: string[];
    conformIdTokenClaims?: boolean;
    findAccount: (ctx: unknown, id: string) => Promise<Account | undefined>;
    features?: Record<string, { enabled: boolean }>;
  }
  export default class Provider {
    constructor(issuer: string, configuration: Configuration);
    listen(port: number, host: string): Server;
    on(event: string, listener: (...args: unknown[]) => void): this;
  }
}
