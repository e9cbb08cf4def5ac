import type { AppointmentRow } from './repo';
import type { AppointmentOut } from './schema';

const iso = (d: Date | string) => new Date(d).toISOString();

/** The language a letter is written in: the mother tongue, else the first language recorded. */
export function clientLanguage(languages: readonly { code: string; level: string }[] | null): string | null {
  if (!languages || languages.length === 0) return null;
  return (languages.find((l) => l.level === 'muttersprache') ?? languages[0])?.code ?? null;
}

/** `visible`: persons the reader may open; others stay anonymous in a shared calendar. */
export function presentAppointment(a: AppointmentRow, visible: ReadonlySet<string>): AppointmentOut {
  const person =
    a.person_id && visible.has(a.person_id) && a.given_names !== null
      ? {
          id: a.person_id,
          name: `${a.given_names} ${a.family_name ?? ''}`.trim(),
          language: clientLanguage(a.languages as { code: string; level: string }[] | null),
        }
      : null;
  return {
    id: a.id,
    kind: a.kind as AppointmentOut['kind'],
    status: a.status,
    startsAt: iso(a.starts_at),
    endsAt: iso(a.ends_at),
    office: { id: a.office_id, name: a.office_name, kind: a.office_kind },
    room: a.room_id && a.room_name ? { id: a.room_id, name: a.room_name } : null,
    staff: { id: a.staff_id, name: a.staff_name },
    interpreterLanguage: a.interpreter_language,
    interpreter:
      a.interpreter_id && a.interpreter_name ? { id: a.interpreter_id, name: a.interpreter_name } : null,
    person,
    note: a.note,
    version: a.version,
  };
}
