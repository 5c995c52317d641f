import { EventStore, NewEvent } from '@sws/event-store';

export type AppendMatch = (streamId: string, events: readonly NewEvent[]) => boolean;

/**
 * The power going out between two appends of one command: the next append that matches throws
 * (and stores nothing), as if the process had stopped right before it; every other append goes
 * through. `failNext` arms it once.
 */
export function appendFaults(): { readonly wrap: (events: EventStore) => EventStore; failNext(match: AppendMatch): void; readonly failed: string[] } {
  let armed: AppendMatch | null = null;
  const failed: string[] = [];
  return {
    failed,
    failNext(match) {
      armed = match;
    },
    wrap: (events) =>
      new Proxy(events, {
        get(target, property) {
          const value = Reflect.get(target, property);
          if (typeof value !== 'function') return value;
          if (property !== 'append') return value.bind(target);
          return async (streamId: string, appended: readonly NewEvent[], expected: unknown) => {
            if (armed?.(streamId, appended)) {
              armed = null;
              failed.push(streamId);
              throw new Error(`the power went out before ${streamId} was appended`);
            }
            return value.call(target, streamId, appended, expected);
          };
        },
      }),
  };
}
