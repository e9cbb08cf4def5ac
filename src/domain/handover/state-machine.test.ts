import { describe, expect, it } from 'vitest';
import {
  HANDOVER_ACTIONS,
  HANDOVER_STATES,
  type HandoverAction,
  type HandoverState,
  type Side,
  transition,
} from './state-machine';

// Every state × action × side: the full table, so that no transition exists by accident.
const ALLOWED: [HandoverState, HandoverAction, Side, HandoverState][] = [
  ['requested', 'accept', 'receiver', 'accepted'],
  ['requested', 'reject', 'receiver', 'rejected'],
  ['accepted', 'complete', 'receiver', 'done'],
  ['requested', 'revoke', 'sender', 'revoked'],
  ['accepted', 'revoke', 'sender', 'revoked'],
];

describe('handover state machine', () => {
  for (const state of HANDOVER_STATES) {
    for (const action of HANDOVER_ACTIONS) {
      for (const side of ['sender', 'receiver'] as Side[]) {
        const allowed = ALLOWED.find(([s, a, by]) => s === state && a === action && by === side);
        it(`${state} --${action} by ${side}--> ${allowed ? allowed[3] : 'refused'}`, () => {
          const r = transition(state, action, side, 'Begründung');
          if (allowed) expect(r).toEqual({ ok: true, to: allowed[3] });
          else expect(r.ok).toBe(false);
        });
      }
    }
  }
  it('requires a reason to reject or revoke', () => {
    expect(transition('requested', 'reject', 'receiver', '  ')).toMatchObject({ ok: false, error: 'reason' });
    expect(transition('accepted', 'revoke', 'sender')).toMatchObject({ ok: false, error: 'reason' });
    expect(transition('requested', 'accept', 'receiver')).toEqual({ ok: true, to: 'accepted' });
  });
});
