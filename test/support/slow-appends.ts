import { EventStore, NewEvent } from '@sws/event-store';

/** The store with `before` run ahead of every append (it may wait, or throw to store nothing); everything else as it is. */
export function beforeAppends(events: EventStore, before: (streamId: string, appended: readonly NewEvent[]) => Promise<void> | void): EventStore {
  return new Proxy(events, {
    get(target, property) {
      const value = Reflect.get(target, property);
      if (typeof value !== 'function') return value;
      if (property !== 'append') return value.bind(target);
      return async (streamId: string, appended: readonly NewEvent[], expected: unknown) => {
        await before(streamId, appended);
        return value.call(target, streamId, appended, expected);
      };
    },
  });
}

/**
 * The embedded store appends at once; a networked one takes a while, during which another
 * request may read what the first has not appended yet. While `slow.on` is set, every append
 * waits first, so that concurrent commands interleave as they would there: a test of a rule
 * that spans records then fails if the rule's reservation streams are taken away.
 */
export function slowAppends(): { readonly wrap: (events: EventStore) => EventStore; on: boolean } {
  const control = {
    on: false,
    wrap: (events: EventStore): EventStore =>
      beforeAppends(events, async () => {
        if (control.on) await new Promise((resolve) => setTimeout(resolve, 25));
      }),
  };
  return control;
}
