import { Position, RecordedEvent, Subscription, SubscriptionItem } from './event-store.port';

/** Wakes waiting subscriptions when something is appended; a timer covers writers in other processes. */
export class WakeSignal {
  private waiters: Array<() => void> = [];

  notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((wake) => wake());
  }

  wait(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      const waiters = this.waiters;
      function done() {
        clearTimeout(timer);
        const index = waiters.indexOf(done);
        if (index >= 0) waiters.splice(index, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }
}

export interface CatchUpOptions {
  readonly batchSize?: number;
  /** How often to look for events appended by another process. */
  readonly pollMs?: number;
}

/**
 * A catch-up subscription over any `readAll`: reads history in batches, says when it has
 * caught up, then waits for appends and delivers them one at a time.
 */
export class CatchUpSubscription implements Subscription {
  private closed = false;
  private readonly batchSize: number;
  private readonly pollMs: number;

  constructor(
    private readonly readAll: (after: Position | null, limit: number) => Promise<RecordedEvent[]>,
    private readonly after: Position | null,
    private readonly wake: WakeSignal,
    options: CatchUpOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.pollMs = options.pollMs ?? 500;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    let after = this.after;
    let announced = false;
    while (!this.closed) {
      const batch = await this.readAll(after, this.batchSize);
      for (const event of batch) {
        if (this.closed) return;
        yield { kind: 'event', event };
        after = event.position;
      }
      if (batch.length < this.batchSize) {
        if (!announced || batch.length > 0) {
          announced = true;
          yield { kind: 'caughtUp', position: after };
        }
        if (!this.closed) await this.wake.wait(this.pollMs);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake.notify();
  }
}
