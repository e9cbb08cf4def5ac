import { setImmediate as nextTurn } from 'node:timers/promises';

/**
 * Drives a stepwise (generator) computation, giving the event loop a turn between steps: other requests
 * are answered while a large import is checked.
 */
export async function runYielding<T>(steps: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
    await nextTurn();
  }
}
