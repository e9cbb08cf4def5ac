import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/env';
import { type Database, openDatabase } from '../../src/db/connect';
import { migrateToLatest } from '../../src/db/migrate';
import { buildApp, type LotseApp, VERSION } from '../../src/server/app';

/** A real listening server (timeouts live in Node's HTTP server, which inject() bypasses). */
describe('request timeout: a client trickling its request cannot hold a connection', () => {
  let database: Database;
  let app: LotseApp;
  let port: number;
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await migrateToLatest(database.db);
    const config = loadConfig({
      LOTSE_LOG_LEVEL: 'silent',
      LOTSE_DATA_DIR: `/tmp/unused-${randomUUID()}`,
      LOTSE_REQUEST_TIMEOUT_SECONDS: '1',
    });
    app = await buildApp({ db: database.db, dbKind: database.kind, config, version: VERSION });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as { port: number }).port;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('the defaults are 60 s for a request and 120 s for an idle connection', () => {
    const c = loadConfig({ LOTSE_DATA_DIR: '/tmp/x' });
    expect([c.requestTimeoutSeconds, c.connectionTimeoutSeconds]).toEqual([60, 120]);
    expect(() => loadConfig({ LOTSE_REQUEST_TIMEOUT_SECONDS: '0' })).toThrow(/LOTSE_REQUEST_TIMEOUT_SECONDS/);
  });

  it('answers 408 and closes a connection whose body arrives a byte at a time', async () => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let received = '';
    socket.on('data', (b) => {
      received += b.toString();
    });
    const closed = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - started)));
    socket.write(
      'POST /api/auth/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 200\r\n\r\n{',
    );
    const trickle = setInterval(() => {
      if (!socket.destroyed) socket.write(' ');
    }, 200);
    const ms = await Promise.race([closed, new Promise<number>((r) => setTimeout(() => r(-1), 15_000))]);
    clearInterval(trickle);
    socket.destroy();
    expect(ms, 'connection still open after 15 s').toBeGreaterThan(0);
    expect(ms).toBeLessThan(5_000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});
