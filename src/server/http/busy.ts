import { HttpError } from './errors';

/** 503 with a Retry-After header: the server refuses work it cannot take now instead of queueing it unbounded. */
export class BusyError extends HttpError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(503, 'busy', message, { retryAfterSeconds });
  }
}

/**
 * At most `limit` holders at a time; the next one is refused at once (no queue), so a burst of heavy
 * requests (imports) cannot pile up memory. Not re-entrant: take it once at the entry point.
 */
export class Semaphore {
  private active = 0;
  constructor(
    readonly limit: number,
    private readonly busy: () => BusyError,
  ) {}

  get inUse(): number {
    return this.active;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active >= this.limit) throw this.busy();
    this.active++;
    try {
      return await fn();
    } finally {
      this.active--;
    }
  }
}
