import { describe, expect, it } from 'vitest';
import { measureTable, parseMeasureTable } from './table';

describe('measures catalogue as a table', () => {
  it('reads German headers and values, and writes the same back (round trip)', () => {
    const table = [
      [
        'Titel',
        'Art',
        'Anbieter',
        'Beginn',
        'Ende',
        'Rechtskreise',
        'Alter bis',
        'Deutsch ab',
        'Nur für',
        'Arbeitserlaubnis nötig',
        'Kümmerer',
      ],
      [
        'Frauen in Arbeit',
        'Coaching',
        'Kreis Herford',
        '01.02.2027',
        '31.07.2027',
        'SGB II, SGB III',
        '35',
        'a2',
        'Frauen',
        'ja',
        'Frau Yilmaz',
      ],
    ];
    const { rows, errors } = parseMeasureTable(table);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({
      title: 'Frauen in Arbeit',
      type: 'coaching',
      startDate: '2027-02-01',
      rechtskreise: ['sgb2', 'sgb3_only'],
      maxAge: 35,
      minLevel: 'A2',
      gender: 'f',
      needsWorkAccess: true,
      contactName: 'Frau Yilmaz',
    });
    const again = parseMeasureTable(measureTable(rows));
    expect(again.errors).toEqual([]);
    expect(again.rows).toEqual(rows);
  });

  it('names every bad cell by row and column, and a missing required column', () => {
    const { errors } = parseMeasureTable([
      ['Titel', 'Art', 'Anbieter', 'Beginn', 'Ende', 'Deutsch ab'],
      ['', 'Zauberei', 'X', '31.02.2027', '01.01.2027', 'Z9'],
    ]);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(
      expect.arrayContaining(['2:Titel', '2:Art', '2:Beginn', '2:Deutsch ab']),
    );
    expect(parseMeasureTable([['Titel', 'Anbieter']]).errors).toEqual([
      { row: 1, column: 'Art', message: 'Spalte fehlt' },
    ]);
  });
});
