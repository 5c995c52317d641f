import { Position } from '@sws/event-store';

interface Waiter<K> {
  readonly key: K;
  readonly position: Position;
  readonly resolve: (reached: boolean) => void;
}

/**
 * Reads waiting for a read model (`key`) to reflect a position, as a pump answers them: each is
 * resolved true once `reached` says so after a move, or with what `reached` says when its time
 * runs out or the pump stops (`release`).
 */
export class PositionWaits<K> {
  private waiters: Waiter<K>[] = [];

  constructor(private readonly reached: (key: K, position: Position) => boolean) {}

  /** Resolves true once `key` reflects `position` (call it when it does not yet), else after `timeoutMs` with whether it does. */
  wait(key: K, position: Position, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const waiter: Waiter<K> = { key, position, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(this.reached(key, position));
      }, timeoutMs).unref?.();
    });
  }

  /** After positions moved: answers every wait that has been reached. */
  wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (this.reached(waiter.key, waiter.position)) waiter.resolve(true);
      else this.waiters.push(waiter);
    }
  }

  /** The pump stopped: answers every wait with whether it was reached. */
  release(): void {
    this.waiters.splice(0).forEach((waiter) => waiter.resolve(this.reached(waiter.key, waiter.position)));
  }
}
