import { describe, expect, it } from 'vitest';
import { birthQuery, birthQueryLabel } from './birth-query';

describe('birth date as typed in the search', () => {
  it.each([
    ['1984', '1984'],
    ['03.1984', '1984-03'],
    ['3/1984', '1984-03'],
    ['15.03.1984', '1984-03-15'],
    ['1.3.1984', '1984-03-01'],
    ['1984-03-15', '1984-03-15'],
    ['', ''],
    ['13.1984', null],
    ['31.02.1984', null],
    ['84', null],
    ['Haddad', null],
  ])('%s → %s', (input, expected) => {
    expect(birthQuery(input)).toBe(expected);
  });

  it('shows the stored form the German way', () => {
    expect(birthQueryLabel('1984')).toBe('1984');
    expect(birthQueryLabel('1984-03')).toBe('03.1984');
    expect(birthQueryLabel('1984-03-15')).toBe('15.03.1984');
  });
});
