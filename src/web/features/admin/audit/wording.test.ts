import { describe, expect, it } from 'vitest';
import {
  AUDIT_ACTION_FALLBACK,
  AUDIT_ACTION_WORDS,
  AUDIT_GROUND_WORDS,
  AUDIT_OUTCOME_WORDS,
  AUDIT_REASON_WORDS,
} from '../../../../domain/audit/wording';
import ar from '../../../i18n/ar.json';
import de from '../../../i18n/de.json';
import en from '../../../i18n/en.json';

// The screen (catalogue) and the CSV export (domain wording) must say the same in German, and every
// catalogue must have words for every action the server writes.
describe('audit wording', () => {
  it('German catalogue equals the wording of the CSV export', () => {
    const g = de.auditViewer;
    expect(g.action).toEqual(AUDIT_ACTION_WORDS);
    expect(g.actionOther).toBe(AUDIT_ACTION_FALLBACK);
    expect(g.outcome).toEqual(AUDIT_OUTCOME_WORDS);
    expect(g.reason).toEqual(AUDIT_REASON_WORDS);
    expect(g.ground).toEqual(AUDIT_GROUND_WORDS);
  });

  it.each([
    ['en', en.auditViewer],
    ['ar', ar.auditViewer],
  ])('%s has words for every action, reason and ground', (_lang, g) => {
    expect(Object.keys(g.action).sort()).toEqual(Object.keys(AUDIT_ACTION_WORDS).sort());
    expect(Object.keys(g.reason).sort()).toEqual(Object.keys(AUDIT_REASON_WORDS).sort());
    expect(Object.keys(g.ground).sort()).toEqual(Object.keys(AUDIT_GROUND_WORDS).sort());
    expect(g.ground.consent).toContain('{{date}}');
  });
});
