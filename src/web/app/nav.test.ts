import { describe, expect, it } from 'vitest';
import { permissionsOf } from '../../domain/access/roles';
import { navFor } from './nav';

const entries = (role: Parameters<typeof permissionsOf>[0], agencyKind: string) =>
  navFor(role, permissionsOf(role, agencyKind)).map((i) => i.to);

describe('navigation per role', () => {
  it('offers a course provider no person search (it was always empty), but its courses', () => {
    const provider = entries('partner', 'bildungstraeger');
    expect(provider).not.toContain('/personen');
    expect(provider).toContain('/kurse');
  });

  it('keeps the person search for a partner agency working on consents', () => {
    expect(entries('partner', 'sozialamt')).toContain('/personen');
  });

  it('shows the audit viewer to the administration only', () => {
    expect(entries('admin', 'kreis')).toContain('/verwaltung/protokoll');
    expect(entries('koordination', 'kreis')).not.toContain('/verwaltung/protokoll');
    expect(entries('integrationsfachkraft', 'jobcenter')).not.toContain('/verwaltung/protokoll');
  });
});
