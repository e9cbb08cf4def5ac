import { expect, it } from 'vitest';
import { DEFAULT_LAW, evaluateExtended } from '../../src/domain/rules';
import examples from '../../src/domain/rules/fixtures/rules-examples.json';
import { validateSituations } from '../../src/domain/rules/validate';
import { presentDecision } from '../../src/server/modules/rules/presenter';
import { describeEachDb } from '../support/databases';
import { as, login, makeTenant } from '../support/factories';

/**
 * Every route declares the shape of its answer (issue 10.1): the response schema is the wire contract the
 * web and other systems rely on, and it is what the OpenAPI document publishes. Non-JSON answers declare
 * theirs too: CSV, HTML and PDF as strings, the redirects of the single sign-on as an empty 302.
 */
describeEachDb('every route declares its answer', (env) => {
  it('no route lacks a response schema for its success status', () => {
    const missing = env()
      .app.routeTable.filter((r) => !r.responses.some((c) => c.startsWith('2') || c.startsWith('3')))
      .map((r) => `${r.method} ${r.url}`);
    expect(missing, 'routes without a response schema').toEqual([]);
  });

  // The serializer drops what a schema does not name: the rules answers must pass theirs unchanged.
  it('answers an evaluation and the law in force whole through their schemas', async () => {
    const t = await makeTenant(env().database.db);
    const desk = await login(env().app, t.users.eingangszone.email);
    const v = validateSituations(examples.slice(0, 8).map((e) => e.situation));
    expect(v.ok).toBe(true);
    for (const s of v.ok ? v.value : []) {
      const res = await env().app.inject({
        method: 'POST',
        url: '/api/rules/evaluate',
        headers: as(desk),
        payload: s,
      });
      expect(res.statusCode).toBe(200);
      const expected = JSON.parse(
        JSON.stringify(presentDecision(evaluateExtended(s, DEFAULT_LAW), DEFAULT_LAW)),
      );
      expect(res.json()).toEqual(expected);
    }
    const law = await env().app.inject({ method: 'GET', url: '/api/rules/law', headers: as(desk) });
    expect(law.statusCode).toBe(200);
    expect(law.json()).toEqual({ law: JSON.parse(JSON.stringify(DEFAULT_LAW)), versionId: null });
  });
});
