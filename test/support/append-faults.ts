import { EventStore, NewEvent } from '@sws/event-store';
import { beforeAppends } from './slow-appends';

export type AppendMatch = (streamId: string, events: readonly NewEvent[]) => boolean;

/** An append held back: `reached` resolves when a command gets to it, `release` lets it go on. */
export interface HeldAppend {
  readonly reached: Promise<void>;
  release(): void;
}

/**
 * Faults between the appends of one command. `failNext` makes the next matching append throw
 * (and store nothing), as if the process had stopped right before it; `holdNext` makes it wait
 * until released, as a slow writer would. Every other append goes through.
 */
export function appendFaults(): {
  readonly wrap: (events: EventStore) => EventStore;
  failNext(match: AppendMatch): void;
  holdNext(match: AppendMatch): HeldAppend;
} {
  let fail: AppendMatch | null = null;
  let hold: { match: AppendMatch; reached: () => void; released: Promise<void> } | null = null;
  return {
    failNext(match) {
      fail = match;
    },
    holdNext(match) {
      let reached!: () => void;
      let release!: () => void;
      const reachedPromise = new Promise<void>((resolve) => (reached = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      hold = { match, reached, released };
      return { reached: reachedPromise, release };
    },
    wrap: (events) =>
      beforeAppends(events, async (streamId, appended) => {
        if (fail?.(streamId, appended)) {
          fail = null;
          throw new Error(`the power went out before ${streamId} was appended`);
        }
        if (hold?.match(streamId, appended)) {
          const { reached, released } = hold;
          hold = null;
          reached();
          await released;
        }
      }),
  };
}
