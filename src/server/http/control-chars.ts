import type { FastifyInstance } from 'fastify';
import { CONTROL_CHAR_MESSAGE, findControlChar } from '../../domain/validation/control-chars';
import { badRequest, type IssueOut } from './errors';

// The pattern and its message live in the domain (the web's forms judge with the same request schemas).
export { CONTROL_CHAR_MESSAGE, findControlChar };

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
