import { describe, expect, it } from 'vitest';
import { loadConfig } from './env';

describe('configuration', () => {
  it('has defaults that make npm start work anywhere', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      databaseUrl: undefined,
      demoPassword: 'demo-lotse',
      sessionIdleMinutes: 60,
      secureCookies: false,
    });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });
  it('treats an empty variable as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
  it('names the variable of an invalid value', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'not a url' })).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ LOTSE_DEMO_PASSWORD: 'short' })).toThrow(/LOTSE_DEMO_PASSWORD/);
  });
});
