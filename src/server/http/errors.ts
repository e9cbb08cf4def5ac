/** An error the client caused or must know about; the error handler turns it into a JSON answer. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface IssueOut {
  path: string;
  message: string;
}

export const badRequest = (message: string, issues: IssueOut[] = []) =>
  new HttpError(400, 'bad_request', message, { issues });
export const unauthorized = () => new HttpError(401, 'unauthorized', 'Anmeldung erforderlich.');
export const forbidden = (message = 'Keine Berechtigung für diese Aktion.') =>
  new HttpError(403, 'forbidden', message);
export const notFound = (what = 'Datensatz') => new HttpError(404, 'not_found', `${what} nicht gefunden.`);
export const conflict = (message: string, current?: unknown) =>
  new HttpError(409, 'conflict', message, current === undefined ? {} : { current });
