import { BusyError } from './busy';
import type { IssueOut } from './errors';

/**
 * Failures that are the client's doing but reach the error handler as something other than an HttpError:
 * database refusals of a value and Fastify's own body errors (English messages). Each becomes a German
 * 4xx with the field path where one can be named; a 503 carries Retry-After.
 */
export interface KnownAnswer {
  status: number;
  headers?: Record<string, string>;
  body: { error: string; code: string; issues: IssueOut[] };
}

/** Column names whose API field is not simply the camel-case form. */
const FIELD_OF_COLUMN: Record<string, string> = {
  owner_user_id: 'ownerId',
  owner_agency_id: 'ownerAgencyId',
};

const camel = (column: string) =>
  FIELD_OF_COLUMN[column] ?? column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

function pgFields(err: object): { code?: string; detail?: string; column?: string } {
  const e = err as { code?: unknown; detail?: unknown; column?: unknown };
  return {
    code: typeof e.code === 'string' ? e.code : undefined,
    detail: typeof e.detail === 'string' ? e.detail : undefined,
    column: typeof e.column === 'string' ? e.column : undefined,
  };
}

/** PostgreSQL error codes (SQLSTATE) a client value can cause; checks in the services come first. */
function databaseAnswer(err: object): KnownAnswer | undefined {
  const { code, detail, column } = pgFields(err);
  if (!code || !/^[0-9A-Z]{5}$/.test(code)) return undefined;
  if (code === '23503') {
    // "Key (municipality_id)=(…) is not present in table "municipality"."
    const col = /Key \(([a-z_]+)\)/.exec(detail ?? '')?.[1];
    const path = col ? camel(col) : '(body)';
    return bad('Ungültige Eingabe', [
      { path, message: 'unbekannter Eintrag (nicht in dieser Region vorhanden)' },
    ]);
  }
  if (code === '22021' || code === '22P05')
    return bad('Ungültige Eingabe', [
      { path: column ? camel(column) : '(body)', message: 'enthält ein unzulässiges Zeichen' },
    ]);
  if (code === '22P02' || code === '22007' || code === '22008' || code === '22003' || code === '22001')
    return bad('Ungültige Eingabe', [
      { path: column ? camel(column) : '(body)', message: 'ungültiger Wert' },
    ]);
  return undefined;
}

const bad = (error: string, issues: IssueOut[]): KnownAnswer => ({
  status: 400,
  body: { error, code: 'bad_request', issues },
});

/** Fastify's client errors, in German (their own messages are English). */
const FASTIFY: Record<string, { status: number; error: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, error: 'Die Anfrage ist zu groß (höchstens 1 MB).' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    error: 'Dieses Datenformat wird nicht angenommen (nur JSON).',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, error: 'Die Anfrage enthält keine Daten.' },
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, error: 'Die Anfrage ist kein gültiges JSON.' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    error: 'Die angegebene Länge der Anfrage stimmt nicht.',
  },
};

export function knownErrorAnswer(err: unknown): KnownAnswer | undefined {
  if (err instanceof BusyError)
    return {
      status: 503,
      headers: { 'retry-after': String(err.retryAfterSeconds) },
      body: { error: err.message, code: err.code, issues: [] },
    };
  if (err === null || typeof err !== 'object') return undefined;
  const { code } = pgFields(err);
  const f = code ? FASTIFY[code] : undefined;
  if (f) return { status: f.status, body: { error: f.error, code: code!, issues: [] } };
  if ((err as { statusCode?: unknown }).statusCode === 400 && err instanceof SyntaxError)
    return {
      status: 400,
      body: { error: 'Die Anfrage ist kein gültiges JSON.', code: 'bad_json', issues: [] },
    };
  return databaseAnswer(err);
}
