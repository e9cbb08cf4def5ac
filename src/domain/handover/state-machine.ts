// Handovers and referrals between agencies as an explicit state machine (after Primero's referrals):
// requested → accepted | rejected;  accepted → done;  requested | accepted → revoked (by the sender).

export const HANDOVER_STATES = ['requested', 'accepted', 'rejected', 'done', 'revoked'] as const;
export type HandoverState = (typeof HANDOVER_STATES)[number];
export const HANDOVER_ACTIONS = ['accept', 'reject', 'complete', 'revoke'] as const;
export type HandoverAction = (typeof HANDOVER_ACTIONS)[number];

/** Which side may take an action: the receiving agency decides, the sending agency may take it back. */
export type Side = 'sender' | 'receiver';

interface Transition {
  from: readonly HandoverState[];
  to: HandoverState;
  by: Side;
  /** A refusal or a withdrawal must say why. */
  needsReason: boolean;
}

export const TRANSITIONS: Record<HandoverAction, Transition> = {
  accept: { from: ['requested'], to: 'accepted', by: 'receiver', needsReason: false },
  reject: { from: ['requested'], to: 'rejected', by: 'receiver', needsReason: true },
  complete: { from: ['accepted'], to: 'done', by: 'receiver', needsReason: false },
  revoke: { from: ['requested', 'accepted'], to: 'revoked', by: 'sender', needsReason: true },
};

export type TransitionResult =
  | { ok: true; to: HandoverState }
  | { ok: false; error: 'state' | 'side' | 'reason'; message: string };

const STATE_LABEL: Record<HandoverState, string> = {
  requested: 'angefragt',
  accepted: 'angenommen',
  rejected: 'abgelehnt',
  done: 'abgeschlossen',
  revoked: 'zurückgezogen',
};

export function transition(
  state: HandoverState,
  action: HandoverAction,
  side: Side,
  reason?: string | null,
): TransitionResult {
  const t = TRANSITIONS[action];
  if (!t.from.includes(state))
    return {
      ok: false,
      error: 'state',
      message: `Eine ${STATE_LABEL[state]}e Übergabe kann nicht mehr so geändert werden.`,
    };
  if (t.by !== side)
    return {
      ok: false,
      error: 'side',
      message:
        t.by === 'receiver'
          ? 'Nur die empfangende Stelle entscheidet über die Übergabe.'
          : 'Nur die abgebende Stelle kann die Übergabe zurückziehen.',
    };
  if (t.needsReason && !reason?.trim())
    return { ok: false, error: 'reason', message: 'Bitte eine Begründung angeben.' };
  return { ok: true, to: t.to };
}

export const isOpen = (s: HandoverState): boolean => s === 'requested' || s === 'accepted';
