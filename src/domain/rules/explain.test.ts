import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate';
import { duldung, gestattung, title } from './fixtures/builders';

describe('explanations', () => {
  it('fill in dates in the language of the text', () => {
    const d = evaluate(gestattung('2024-07-01', '2024-06-03'));
    expect(d.explanation.de).toContain('ab 03.09.2024');
    expect(d.explanation.en).toContain('from 03/09/2024');
  });

  it('a review names what is missing', () => {
    const d = evaluate(duldung('2024-09-01', '2022-02-01', { ownFaultObstacle: null }));
    expect(d.employment).toBe('review');
    expect(d.rules).toContain('review.missing_facts');
    expect(d.explanation.de).toContain('selbst zu vertretendes Abschiebungshindernis');
    expect(d.explanation.en).toContain('self-caused obstacle to removal');
    expect(d.explanation.de).not.toContain('status.');
  });

  it('says when an unknown fact did not matter', () => {
    const d = evaluate(title('2024-01-01', '25(2)', '2023-01-01'));
    expect(d.explanation.de).not.toContain('Unbekannt');
    const g = evaluate(gestattung('2024-09-01', '2023-01-05', { livesInReceptionCentre: null }));
    expect(g.explanation.en).toContain(
      'Unknown, but without influence on the result: obligation to live in a reception centre',
    );
  });

  it('mentions training without BA consent where consent is needed', () => {
    const d = evaluate(gestattung('2024-09-04', '2024-06-03'));
    expect(d.baConsent).toBe(true);
    expect(d.explanation.de).toContain('Einstiegsqualifizierung');
  });
});
