import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpError, type IssueOut } from '../http/errors';
import { knownErrorAnswer } from '../http/known-errors';
import { isDatabaseUnavailable, sendDatabaseUnavailable } from './db-unavailable';

function pathOf(context: string | undefined, instancePath: string): string {
  const inner = instancePath.replace(/^\//, '').split('/').filter(Boolean).join('.');
  // Body fields are named plainly ("birthDate"); query and params carry their place ("query.limit").
  if (!context || context === 'body') return inner || '(body)';
  const place = context === 'querystring' ? 'query' : context;
  return inner ? `${place}.${inner}` : place;
}

/** One place that turns every failure into `{ error, issues? }`: a client mistake is never a 500. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    // The database away (restart, network): 503 with Retry-After before anything reads the error as bad input.
    if (isDatabaseUnavailable(err)) {
      req.log.warn({ err: err.message, requestId: req.id }, 'database unavailable');
      return sendDatabaseUnavailable(err, reply);
    }
    const known = knownErrorAnswer(err);
    if (known)
      return reply
        .code(known.status)
        .headers(known.headers ?? {})
        .send(known.body);
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues: IssueOut[] = err.validation.map((v) => ({
        path: pathOf(err.validationContext, v.instancePath),
        message: v.message ?? 'ungültig',
      }));
      return reply.code(400).send({ error: 'Ungültige Eingabe', issues });
    }
    if (err instanceof HttpError) {
      return reply.code(err.statusCode).send({ error: err.message, code: err.code, ...err.extra });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err, requestId: req.id }, 'response did not match its schema');
      return reply.code(500).send({ error: 'Interner Fehler', requestId: req.id });
    }
    // Fastify's own client errors (bad JSON, body too large, unsupported media type …) keep their 4xx.
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: err.message, code: err.code ?? 'bad_request', issues: [] });
    }
    req.log.error({ err, requestId: req.id }, 'unhandled error');
    return reply.code(500).send({ error: 'Interner Fehler', requestId: req.id });
  });

  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api')) {
      return reply
        .code(404)
        .send({ error: 'Unbekannte Route', code: 'not_found', path: req.url.split('?')[0] });
    }
    return reply.code(404).type('text/plain; charset=utf-8').send('Nicht gefunden');
  });
}
