import { ExpectedRevision } from './event-store.port';

/** Another writer changed the stream since it was read (HTTP 409). */
export class WrongExpectedRevision extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream ${streamId} expected ${expected} but is at ${actual}`);
    this.name = 'WrongExpectedRevision';
  }
}

/** Some but not all of an append's event ids are stored already: a client reused ids. */
export class EventIdReused extends Error {
  constructor(readonly streamId: string) {
    super(`an append to ${streamId} reuses some stored event ids but not all of them`);
    this.name = 'EventIdReused';
  }
}

export function checkExpected(streamId: string, expected: ExpectedRevision, actual: number | 'no_stream'): void {
  const matches =
    expected === 'no_stream' ? actual === 'no_stream' : expected === 'stream_exists' ? actual !== 'no_stream' : expected === actual;
  if (!matches) throw new WrongExpectedRevision(streamId, expected, actual);
}

/**
 * A store could not be reached (HTTP 503). For a write the outcome is unknown: retrying it with
 * the same event ids (the same Idempotency-Key) is safe.
 */
export class StoreUnavailable extends Error {
  constructor(
    readonly store: string,
    readonly reason: string,
  ) {
    super(`the ${store} is unreachable: ${reason}`);
    this.name = 'StoreUnavailable';
  }
}
