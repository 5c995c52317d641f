import type { AllStreamResolvedEvent, AllStreamSubscription } from '@eventstore/db-client';
import { Position, RecordedEvent, Subscription, SubscriptionItem } from '../event-store.port';

export interface ResubscribeOptions {
  /** The first wait after a failure; doubled after each one that follows, up to `maxDelayMs`. */
  readonly initialDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Told of every failure before the wait (logging). */
  readonly onError?: (error: unknown, failures: number) => void;
}

/** What the subscription needs from the store around it. */
export interface AllStreamSource {
  /** A client subscription to `$all` (system events excluded) after a position, or from the start. */
  open(after: Position | null): AllStreamSubscription;
  /** The service's event, or null for what it does not read. Throws for what it cannot read. */
  toEvent(resolved: AllStreamResolvedEvent): RecordedEvent | null;
  head(): Promise<Position | null>;
  compare(a: Position, b: Position): number;
}

/**
 * A catch-up subscription to `$all`, consumed one event at a time. The client never
 * resubscribes by itself: after an error (or an end the service did not ask for) this opens a
 * new subscription after the last event the consumer has *processed*, waiting longer after each
 * failure in a row. The client's `checkpointReached` positions are never used: one can lie ahead
 * of events still buffered here, and resuming from it would skip them.
 *
 * `caughtUp` comes first once the events up to the head of the log (as it was when the
 * subscription began) have been processed, then after each burst of live events, when nothing
 * more is buffered, so a consumer that batches commits what it has.
 */
export class AllStreamCatchUp implements Subscription {
  private closed = false;
  private current: AllStreamSubscription | null = null;
  private wake: (() => void) | null = null;
  private readonly initialDelayMs: number;
  private readonly maxDelayMs: number;

  constructor(
    private readonly source: AllStreamSource,
    private readonly after: Position | null,
    private readonly options: ResubscribeOptions = {},
  ) {
    this.initialDelayMs = options.initialDelayMs ?? 100;
    this.maxDelayMs = options.maxDelayMs ?? 5000;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<SubscriptionItem> {
    let processed = this.after;
    let head: Position | null | undefined;
    let caughtUp = false;
    let failures = 0;
    const reachedHead = () => head === null || (head !== undefined && processed !== null && this.source.compare(processed, head) >= 0);

    while (!this.closed) {
      let failure: unknown = new Error('the subscription ended without being closed');
      try {
        if (head === undefined) head = await this.source.head();
        if (!caughtUp && reachedHead()) {
          caughtUp = true;
          yield { kind: 'caughtUp', position: processed };
        }
        const subscription = this.source.open(processed);
        this.current = subscription;
        const received = subscription[Symbol.asyncIterator]();
        for (;;) {
          const next = await received.next();
          if (next.done || this.closed) break;
          failures = 0;
          const event = this.read(next.value);
          if (event === null || (processed !== null && this.source.compare(event.position, processed) <= 0)) continue;
          yield { kind: 'event', event };
          // The consumer asked for more: it is done with this event.
          processed = event.position;
          if (this.closed) break;
          if (caughtUp ? subscription.readableLength === 0 : reachedHead()) {
            caughtUp = true;
            yield { kind: 'caughtUp', position: processed };
          }
        }
      } catch (error) {
        if (error instanceof UnreadableEvent) throw error.original;
        failure = error;
      } finally {
        await this.release();
      }
      if (this.closed) return;
      failures += 1;
      this.options.onError?.(failure, failures);
      await this.pause(Math.min(this.maxDelayMs, this.initialDelayMs * 2 ** (failures - 1)));
    }
  }

  private read(resolved: AllStreamResolvedEvent): RecordedEvent | null {
    try {
      return this.source.toEvent(resolved);
    } catch (error) {
      throw new UnreadableEvent(error);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake?.();
    await this.release();
  }

  private async release(): Promise<void> {
    const subscription = this.current;
    this.current = null;
    if (!subscription) return;
    await subscription.unsubscribe().catch(() => undefined);
    subscription.destroy();
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** An event the service cannot read: not a reason to resubscribe, but to stop. */
export class UnreadableEvent extends Error {
  constructor(readonly original: unknown) {
    super(String(original));
  }
}
