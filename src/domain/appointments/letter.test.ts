import { describe, expect, it } from 'vitest';
import { renderAppointmentLetter } from './letter';

const data = {
  person: 'Amal Darwish',
  kind: 'beratung' as const,
  startsAt: '2026-12-10T12:00:00.000Z',
  endsAt: '2026-12-10T13:00:00.000Z',
  place: 'Außenstelle Bünde',
  address: null,
  room: 'Beratungsraum',
  staff: 'Frank Fachkraft',
  agency: 'Jobcenter Kreis Herford',
  interpreterLanguage: 'ar',
  contact: '05221 13-0',
};

describe('appointment letter', () => {
  it('writes German time and the interpreter, then Arabic right-to-left', () => {
    const html = renderAppointmentLetter(data, 'ar');
    expect(html).toContain('<bdi>13:00</bdi> bis <bdi>14:00</bdi> Uhr');
    expect(html).toContain('Eine Dolmetscherin oder ein Dolmetscher für <bdi>Arabisch</bdi> ist dabei.');
    expect(html).toContain('<section lang="ar" dir="rtl" class="lang-ar">');
    expect(html).toContain('دعوة إلى موعد');
  });
  it('writes Tigrinya in Ge’ez script and nothing else for German', () => {
    expect(renderAppointmentLetter(data, 'ti')).toContain('ናይ ቆጸራ ዕድመ');
    expect(renderAppointmentLetter(data, 'de').match(/<section /g)).toHaveLength(1);
  });
});
