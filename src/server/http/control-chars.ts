import type { FastifyInstance } from 'fastify';
import { badRequest, type IssueOut } from './errors';

/**
 * C0 control characters except tab, line feed and carriage return, plus DEL. PostgreSQL refuses NUL in
 * text (a 500 before), and none of them belongs in a name, a note or a CSV cell.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: this pattern exists to find control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Index of the first control character, or -1. */
export function findControlChar(s: string): number {
  const m = CONTROL.exec(s);
  return m ? m.index : -1;
}

export const CONTROL_CHAR_MESSAGE = 'enthält ein unzulässiges Steuerzeichen';

function messageFor(s: string, at: number): string {
  if (!s.includes('\n')) return CONTROL_CHAR_MESSAGE;
  const line = s.slice(0, at).split('\n').length;
  return `${CONTROL_CHAR_MESSAGE} (Zeile ${line})`;
}

/** Every string inside a JSON value that holds a control character, with its field path. */
export function controlCharIssues(value: unknown, path: string[] = [], out: IssueOut[] = []): IssueOut[] {
  if (out.length >= 20) return out;
  if (typeof value === 'string') {
    const at = findControlChar(value);
    if (at >= 0) out.push({ path: path.join('.') || '(body)', message: messageFor(value, at) });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      controlCharIssues(v, [...path, String(i)], out);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const keyAt = findControlChar(k);
      if (keyAt >= 0) out.push({ path: [...path, '(Feldname)'].join('.'), message: CONTROL_CHAR_MESSAGE });
      else controlCharIssues(v, [...path, k], out);
    }
  }
  return out;
}

/**
 * One check for every route, before schema validation: body fields are named plainly ("familyName"),
 * query and path parameters with their place ("query.q"), as the error handler names zod issues.
 */
export function registerControlCharGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const issues = [
      ...controlCharIssues(req.body),
      ...controlCharIssues(req.query, ['query']),
      ...controlCharIssues(req.params, ['params']),
    ];
    if (issues.length > 0) throw badRequest('Ungültige Eingabe', issues);
  });
}
