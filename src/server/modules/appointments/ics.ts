import { createEvents, type EventAttributes } from 'ics';
import type { AppointmentOut } from './schema';

const KIND_WORDS: Record<AppointmentOut['kind'], string> = {
  erstgespraech: 'Erstgespräch',
  beratung: 'Beratung',
  kooperationsplan: 'Kooperationsplan besprechen',
  sprachberatung: 'Sprachberatung',
  fallbesprechung: 'Fallbesprechung',
  arbeitgeber: 'Termin mit Arbeitgeber',
};
export const kindWords = (k: AppointmentOut['kind']) => KIND_WORDS[k];

/**
 * Appointments as iCalendar (RFC 5545) for a staff member's calendar app. A calendar leaves Lotse
 * (Outlook, a phone): it carries no client name, only the kind, place, room and whether an interpreter
 * comes; the link leads back into Lotse behind the login.
 */
export function toICalendar(
  items: readonly AppointmentOut[],
  opts: { appUrl: string; name: string },
): string {
  const events: EventAttributes[] = items
    .filter((a) => a.status !== 'cancelled')
    .map((a) => ({
      uid: `${a.id}@lotse`,
      start: Date.parse(a.startsAt),
      startInputType: 'utc',
      startOutputType: 'utc',
      end: Date.parse(a.endsAt),
      endInputType: 'utc',
      endOutputType: 'utc',
      title: `${KIND_WORDS[a.kind]} (Lotse)`,
      location: [a.office.name, a.room?.name].filter(Boolean).join(', '),
      description: [
        a.interpreterLanguage
          ? `Dolmetschen: ${a.interpreterLanguage}${a.interpreter ? ' (gebucht)' : ' (noch offen)'}`
          : null,
        `In Lotse: ${opts.appUrl.replace(/\/$/, '')}/termine`,
      ]
        .filter(Boolean)
        .join('\n'),
      status: 'CONFIRMED',
    }));
  const r = createEvents(events, { productId: 'lotse/termine', calName: opts.name });
  if (r.error || !r.value) throw r.error ?? new Error('iCalendar konnte nicht erzeugt werden');
  return r.value;
}
