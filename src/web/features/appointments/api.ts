import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { todayInGermany } from '../../../domain/reference/dates';
import type {
  AppointmentOut,
  interpreterOut,
  listQuery,
  roomOut,
} from '../../../server/modules/appointments/schema';
import type { OfficeOut } from '../../../server/modules/meta/schema';
import { api } from '../../api/client';

export type { AppointmentOut };
export type Room = z.infer<typeof roomOut>;
export type Interpreter = z.infer<typeof interpreterOut>;
export type Office = OfficeOut;

export const appointmentKeys = { all: ['appointments'] as const };

/** The calendar's query, as the route's listQuery takes it. */
export type CalendarFilter = z.input<typeof listQuery>;

export function useAppointments(f: CalendarFilter) {
  return useQuery({
    queryKey: [...appointmentKeys.all, f],
    queryFn: () => api.get<AppointmentOut[]>('/api/appointments', { ...f }),
  });
}

export const useOffices = () =>
  useQuery({
    queryKey: ['meta', 'offices'],
    queryFn: () => api.get<Office[]>('/api/meta/offices'),
    staleTime: 300_000,
  });
export const useRooms = () =>
  useQuery({ queryKey: ['rooms'], queryFn: () => api.get<Room[]>('/api/rooms'), staleTime: 300_000 });
export const useInterpreters = (language: string | null) =>
  useQuery({
    queryKey: ['interpreters', language],
    queryFn: () => api.get<Interpreter[]>('/api/interpreters', language ? { language } : undefined),
    enabled: language !== null,
  });

export function useBook() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api.post<AppointmentOut>('/api/appointments', body),
    onSuccess: () => qc.invalidateQueries({ queryKey: appointmentKeys.all }),
  });
}

export function useAppointmentChange() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ a, change }: { a: AppointmentOut; change: Record<string, unknown> }) =>
      api.patch<AppointmentOut>(`/api/appointments/${a.id}`, { version: a.version, ...change }),
    onSettled: () => qc.invalidateQueries({ queryKey: appointmentKeys.all }),
  });
}

/** A local day and time (as typed, German time) as an instant with its offset, e.g. 2026-12-10T10:00:00+01:00. */
export function berlinInstant(day: string, time: string): string {
  const guess = new Date(`${day}T${time}:00Z`);
  // The offset of Europe/Berlin on that day (winter +01:00, summer +02:00).
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', timeZoneName: 'longOffset' })
    .formatToParts(guess)
    .find((p) => p.type === 'timeZoneName')?.value;
  const offset = parts?.replace('GMT', '') || '+00:00';
  return `${day}T${time}:00${offset === '' ? '+00:00' : offset}`;
}

const timeFmt = new Map<string, Intl.DateTimeFormat>();
/** "10:00–11:00" in German time, in the reader's digits. */
export function timeSpan(a: { startsAt: string; endsAt: string }, lang: string): string {
  let f = timeFmt.get(lang);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' });
    timeFmt.set(lang, f);
  }
  return `${f.format(new Date(a.startsAt))}–${f.format(new Date(a.endsAt))}`;
}

/** The German day (YYYY-MM-DD) an instant falls on: the domain's one formatter for it. */
export const berlinDay = (iso: string) => todayInGermany(new Date(iso));
