import { describe, expect, it } from 'vitest';
import { nameTokenKeys, queryTokenKeys } from './name-tokens';

const matches = (stored: string[], query: string) => {
  const keys = new Set(nameTokenKeys(stored));
  return queryTokenKeys(query).every((alternatives) => alternatives.some((k) => keys.has(k)));
};

describe('name token keys', () => {
  it.each([
    [['Mohammed Al-Hassan'], 'Muhammad'],
    [['Mohammed Al-Hassan'], 'hasan'],
    [['Mohammed Al-Hassan'], 'Mohamad Hasan'],
    [['محمد الحسن'], 'Mohammed'],
    [['Oleksandr Kovalenko'], 'Aleksandr'],
    [['Олександр Коваленко'], 'Kovalenko'],
    [['Yusuf Haddad'], 'Youssef'],
  ])('%j is found by "%s"', (stored, q) => expect(matches(stored, q)).toBe(true));

  it.each([
    [['Mohammed Al-Hassan'], 'Kovalenko'],
    [['Olena Kovalenko'], 'Olena Schewtschenko'],
  ])('%j is not found by "%s"', (stored, q) => expect(matches(stored, q)).toBe(false));
});
