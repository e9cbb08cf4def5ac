import { describe, expect, it } from 'vitest';
import { comparePlans, type PlanContent, planContent } from './plan';

const v1: PlanContent = {
  goals: [
    {
      id: 'g1',
      text: 'Berufsanerkennung als Pflegefachkraft',
      steps: [
        {
          id: 's1',
          text: 'Zeugnisse übersetzen lassen',
          owner: 'client',
          dueOn: '2027-01-15',
          status: 'open',
        },
        {
          id: 's2',
          text: 'Termin beim IQ Netzwerk',
          owner: 'partner',
          ownerName: 'IQ Netzwerk OWL',
          dueOn: '2027-02-01',
          status: 'open',
        },
      ],
    },
  ],
};

describe('cooperation plan', () => {
  it('names the missing owner and date of a step by its path', () => {
    const r = planContent.safeParse({
      goals: [{ id: 'g1', text: 'Arbeit finden', steps: [{ id: 's1', text: 'Bewerbung schreiben' }] }],
    });
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message]);
    expect(issues).toEqual(
      expect.arrayContaining([
        ['goals.0.steps.0.owner', 'Bitte angeben, wer es tut'],
        ['goals.0.steps.0.dueOn', 'Bitte angeben, bis wann'],
      ]),
    );
  });

  it('compares two versions by the ids of goals and steps', () => {
    const v2: PlanContent = {
      goals: [
        {
          id: 'g1',
          text: 'Berufsanerkennung als Pflegefachkraft',
          steps: [
            {
              id: 's1',
              text: 'Zeugnisse übersetzen lassen',
              owner: 'client',
              dueOn: '2027-01-15',
              status: 'done',
            },
            {
              id: 's3',
              text: 'Antrag bei der Bezirksregierung',
              owner: 'client',
              dueOn: '2027-03-01',
              status: 'open',
            },
          ],
        },
        { id: 'g2', text: 'Deutsch B2', steps: [] },
      ],
    };
    expect(comparePlans(v1, v2)).toEqual([
      {
        kind: 'step_removed',
        goal: 'Berufsanerkennung als Pflegefachkraft',
        step: 'Termin beim IQ Netzwerk',
      },
      {
        kind: 'step_changed',
        goal: 'Berufsanerkennung als Pflegefachkraft',
        step: 'Zeugnisse übersetzen lassen',
        field: 'status',
        before: 'open',
        after: 'done',
      },
      {
        kind: 'step_added',
        goal: 'Berufsanerkennung als Pflegefachkraft',
        step: 'Antrag bei der Bezirksregierung',
      },
      { kind: 'goal_added', goal: 'Deutsch B2' },
    ]);
  });
});
