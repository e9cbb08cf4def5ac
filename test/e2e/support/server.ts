import { loadConfig } from '../../../src/config/env';
import { seedDemo } from '../../../src/server/demo/seed';
import { type RunningServer, startServer } from '../../../src/server/run';
import { ensureWebBuilt } from './web-build';

export const DEMO_PASSWORD = 'demo-lotse';

export interface TestServer {
  url: string;
  server: RunningServer;
  stop(): Promise<void>;
}

/**
 * One real server per e2e file: the built web app, the API, an in-memory PGlite with the demo county
 * (a few hundred clients keep start-up fast). Port 0: the OS picks a free port.
 */
export async function startTestServer(
  opts: { clients?: number; host?: string; port?: number; env?: Record<string, string> } = {},
): Promise<TestServer> {
  ensureWebBuilt();
  const config = {
    ...loadConfig({
      PORT: String(opts.port ?? 0),
      HOST: opts.host ?? '127.0.0.1',
      LOTSE_LOG_LEVEL: 'warn',
      // Every statement the browser causes must name its tenant (src/db/tenant-guard.ts).
      LOTSE_TENANT_GUARD: 'error',
      LOTSE_DEMO_PASSWORD: DEMO_PASSWORD,
      ...opts.env,
    }),
    dataDir: 'memory://',
  };
  const server = await startServer(config, {
    logger: false,
    onMigrated: async ({ db }) => {
      await seedDemo(db, { password: DEMO_PASSWORD, clients: opts.clients ?? 200 });
    },
  });
  return { url: server.url, server, stop: () => server.stop() };
}
