import { EventStore } from '@sws/event-store';

/**
 * The embedded store appends at once; a networked one takes a while, during which another
 * request may read what the first has not appended yet. While `slow.on` is set, every append
 * waits first, so that concurrent commands interleave as they would there: a test of a rule
 * that spans records then fails if the rule's lock is taken away.
 */
export function slowAppends(): { readonly wrap: (events: EventStore) => EventStore; on: boolean } {
  const control = {
    on: false,
    wrap: (events: EventStore): EventStore =>
      new Proxy(events, {
        get(target, property) {
          const value = Reflect.get(target, property);
          if (typeof value !== 'function') return value;
          if (property !== 'append') return value.bind(target);
          return async (...args: unknown[]) => {
            if (control.on) await new Promise((resolve) => setTimeout(resolve, 25));
            return value.apply(target, args);
          };
        },
      }),
  };
  return control;
}
