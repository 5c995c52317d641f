import { Position, RecordedEvent, Subscription, SubscriptionItem } from './event-store.port';

/** Wakes waiting subscriptions when something is appended; a timer covers writers in other processes. */
export class WakeSignal {
  private readonly waiters = new Set<() => void>();
  /** Counts notifications, so a reader can tell whether one came while it was busy. */
  private notifications = 0;

  get version(): number {
    return this.notifications;
  }

  notify(): void {
    this.notifications += 1;
    const waiting = [...this.waiters];
    this.waiters.clear();
    waiting.forEach((wake) => wake());
  }

  /** Resolves on the next notification, or at once if one came after `seenVersion`. */
  wait(timeoutMs: number, seenVersion = this.notifications): Promise<void> {
    if (seenVersion !== this.notifications) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
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
      const seen = this.wake.version;
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
        if (!this.closed) await this.wake.wait(this.pollMs, seen);
      }
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake.notify();
  }
}
