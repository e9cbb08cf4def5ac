import { describe, expect, it } from 'vitest';
import { loadConfig, parseTrustProxy } from '../../../config/env';
import { accountKey, clientKey } from './throttle';

describe('login throttle keys', () => {
  it('counts an IPv6 client by its /64 and a v4-mapped address as IPv4', () => {
    expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2:ffff:eeee:dddd:1')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:0db8::1')).toBe('2001:db8:0:0::/64');
    expect(clientKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey('192.0.2.7')).toBe('192.0.2.7');
    expect(clientKey(undefined)).toBe('unknown');
  });

  it('keys an account by the hash of its lower-cased e-mail, never the e-mail itself', () => {
    expect(accountKey(' A@B.de ')).toBe(accountKey('a@b.de'));
    expect(accountKey('a@b.de')).not.toContain('a@b');
  });
});

describe('LOTSE_TRUST_PROXY', () => {
  it('is off unless configured', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(parseTrustProxy('')).toBe(false);
    expect(parseTrustProxy('off')).toBe(false);
    expect(parseTrustProxy('0')).toBe(false);
  });
  it('takes a hop count or a list of addresses and CIDR ranges', () => {
    expect(parseTrustProxy('1')).toBe(1);
    expect(parseTrustProxy('10.0.0.1, 10.1.0.0/16,fd00::/8')).toEqual([
      '10.0.0.1',
      '10.1.0.0/16',
      'fd00::/8',
    ]);
  });
  it('refuses anything else instead of guessing (e.g. "true" would trust every client)', () => {
    expect(() => parseTrustProxy('true')).toThrow(/LOTSE_TRUST_PROXY/);
    expect(() => parseTrustProxy('10.0.0.0/33')).toThrow(/LOTSE_TRUST_PROXY/);
    expect(() => parseTrustProxy('proxy.example')).toThrow(/LOTSE_TRUST_PROXY/);
  });
});
