import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/** A free loopback port, for servers whose address must be known before they start (issuer, redirect). */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  return port;
}

/** What the test provider says about a login name: the claims of its ID token. */
export type TestAccounts = Record<string, Record<string, unknown>>;

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  close: () => Promise<void>;
}

/**
 * A real, certified OpenID provider (oidc-provider) on a loopback port, with its development login
 * form: any password is accepted for a login name in `accounts`. Only the client `lotse` with the
 * given redirect URI exists; PKCE is required.
 */
export async function startTestProvider(
  redirectUris: string[],
  accounts: TestAccounts,
): Promise<TestProvider> {
  const clientId = 'lotse';
  const clientSecret = 'test-provider-secret-lotse';
  // The issuer must be known before listen: take a port first, then start the provider on it.
  const { createServer } = await import('node:http');
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', ok));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: redirectUris,
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    // Groups travel in the ID token with the profile scope, as a Keycloak group mapper puts them there.
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'groups'] },
    scopes: ['openid', 'email', 'profile'],
    conformIdTokenClaims: false,
    findAccount: async (_ctx, id) => {
      const claims = accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) };
    },
    features: { devInteractions: { enabled: true } },
  });
  provider.on('server_error', () => undefined);
  const server = provider.listen(port, '127.0.0.1');
  await new Promise<void>((ok) => server.once('listening', () => ok()));
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
