import { EventTypeRegistry } from '@sws/kernel';
import { EventIdReused, WrongExpectedRevision } from '../errors';
import { EventStore, NewEvent, Position, RecordedEvent, SubscriptionItem } from '../event-store.port';
import { uuidV7 } from '../ids';
import { testMetadata as metadata } from './events';

/**
 * A place an adapter keeps its log: `open` may be called more than once and must reach the
 * same log each time (that is how upcasting of stored events is tested). The log need not be
 * empty (a shared EventStoreDB is not): every case looks only after the head it starts at.
 */
export interface EventStoreFixture {
  open(registry: EventTypeRegistry): Promise<EventStore>;
  dispose(): Promise<void>;
}

const v1Registry = () =>
  new EventTypeRegistry([
    { type: 'StationRegistered', schemaVersion: 1 },
    { type: 'StationClosed', schemaVersion: 1 },
  ]);

const v2Registry = () =>
  new EventTypeRegistry([
    {
      type: 'StationRegistered',
      schemaVersion: 2,
      upcasters: { 1: (data) => ({ ...data, villageCount: data.villageCount ?? 0 }) },
    },
    { type: 'StationClosed', schemaVersion: 1 },
  ]);


function registered(name: string): NewEvent {
  return { type: 'StationRegistered', data: { name }, metadata: metadata() };
}

function closed(): NewEvent {
  return { type: 'StationClosed', data: { reason: 'merged' }, metadata: metadata() };
}

async function collect(items: AsyncIterator<SubscriptionItem>, count: number): Promise<SubscriptionItem[]> {
  const out: SubscriptionItem[] = [];
  while (out.length < count) {
    const next = await items.next();
    if (next.done) break;
    out.push(next.value);
  }
  return out;
}

/** The behaviour every event store adapter must have. Call inside a describe block. */
export function eventStoreContract(makeFixture: () => Promise<EventStoreFixture>): void {
  let fixture: EventStoreFixture;
  let store: EventStore;
  let stream: string;
  /** The head of the log before the case began (null for an empty one). */
  let start: Position | null;

  beforeEach(async () => {
    fixture = await makeFixture();
    store = await fixture.open(v1Registry());
    stream = `Station-${uuidV7()}`;
    start = await store.headPosition();
  });

  afterEach(async () => {
    await store.close();
    await fixture.dispose();
  });

  describe('append and read a stream', () => {
    it('starts a new stream at revision 0 and reads back type, data and metadata', async () => {
      const event = registered('城关街道社工站');
      const result = await store.append(stream, [event], 'no_stream');
      expect(result.nextRevision).toBe(0);
      const [read] = await store.readStream(stream);
      expect(read).toMatchObject({
        streamId: stream,
        type: 'StationRegistered',
        schemaVersion: 1,
        data: { name: '城关街道社工站' },
        metadata: event.metadata,
        revision: 0,
        position: result.position,
      });
    });

    it('numbers events of one append consecutively and reports the last', async () => {
      const result = await store.append(stream, [registered('a'), closed()], 'no_stream');
      expect(result.nextRevision).toBe(1);
      const events = await store.readStream(stream);
      expect(events.map((e) => e.revision)).toEqual([0, 1]);
      expect(events[1].position).toBe(result.position);
    });

    it('reads a stream from a revision on, and nothing for a stream that does not exist', async () => {
      await store.append(stream, [registered('a'), closed()], 'no_stream');
      expect((await store.readStream(stream, 1)).map((e) => e.type)).toEqual(['StationClosed']);
      expect(await store.readStream(`Station-${uuidV7()}`)).toEqual([]);
    });

    it('reads several streams at once, each as readStream gives it, in the order asked', async () => {
      const other = `Station-${uuidV7()}`;
      const missing = `Station-${uuidV7()}`;
      await store.append(stream, [registered('a'), closed()], 'no_stream');
      await store.append(other, [registered('b')], 'no_stream');
      await store.append(stream, [registered('c')], 1);
      const read = await store.readStreams([other, missing, stream]);
      expect(read).toEqual([await store.readStream(other), [], await store.readStream(stream)]);
      expect(read[2]!.map((e) => [e.revision, e.data])).toEqual([[0, { name: 'a' }], [1, { reason: 'merged' }], [2, { name: 'c' }]]);
      expect(await store.readStreams([])).toEqual([]);
    });
  });

  describe('expected revision', () => {
    it('refuses "no stream" when the stream exists', async () => {
      await store.append(stream, [registered('a')], 'no_stream');
      await expect(store.append(stream, [closed()], 'no_stream')).rejects.toBeInstanceOf(WrongExpectedRevision);
    });

    it('refuses "stream exists" when it does not', async () => {
      await expect(store.append(stream, [registered('a')], 'stream_exists')).rejects.toBeInstanceOf(
        WrongExpectedRevision,
      );
      expect(await store.readStream(stream)).toEqual([]);
    });

    it('accepts the exact revision and refuses a stale one', async () => {
      await store.append(stream, [registered('a')], 'no_stream');
      await expect(store.append(stream, [closed()], 1)).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.append(stream, [closed()], 0)).resolves.toMatchObject({ nextRevision: 1 });
      await expect(store.append(stream, [closed()], 0)).rejects.toBeInstanceOf(WrongExpectedRevision);
      await expect(store.append(stream, [closed()], 'stream_exists')).resolves.toMatchObject({ nextRevision: 2 });
    });

    it('lets exactly one of two racing writers with the same expectation through', async () => {
      await store.append(stream, [registered('a')], 'no_stream');
      const outcomes = await Promise.allSettled([
        store.append(stream, [closed()], 0),
        store.append(stream, [closed()], 0),
      ]);
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(await store.readStream(stream)).toHaveLength(2);
    });
  });

  describe('atomicity and safe retries', () => {
    it('stores nothing of an append that fails part-way', async () => {
      const bad: NewEvent = { type: 'NotRegistered', data: {}, metadata: metadata() };
      await expect(store.append(stream, [registered('a'), bad], 'no_stream')).rejects.toThrow();
      expect(await store.readStream(stream)).toEqual([]);
      expect(await store.headPosition()).toEqual(start);
    });

    it('answers a re-append of stored event ids with the first result and stores nothing', async () => {
      const events = [registered('a'), closed()];
      const first = await store.append(stream, events, 'no_stream');
      const retry = await store.append(stream, events, 'no_stream');
      expect(retry).toEqual(first);
      expect(await store.readStream(stream)).toHaveLength(2);
      expect(await store.readAll(start, 100)).toHaveLength(2);
    });

    it('refuses an append that reuses only some stored event ids', async () => {
      const first = registered('a');
      await store.append(stream, [first], 'no_stream');
      await expect(store.append(stream, [closed(), first], 0)).rejects.toBeInstanceOf(EventIdReused);
      expect(await store.readStream(stream)).toHaveLength(1);
    });
  });

  describe('appends made together (one commit group)', () => {
    it('numbers appends to one stream made at once in order, each seeing the one before', async () => {
      const results = await Promise.all([
        store.append(stream, [registered('a')], 'no_stream'),
        store.append(stream, [closed()], 0),
        store.append(stream, [closed(), closed()], 1),
        store.append(stream, [closed()], 'stream_exists'),
      ]);
      expect(results.map((r) => r.nextRevision)).toEqual([0, 1, 3, 4]);
      const events = await store.readStream(stream);
      expect(events.map((e) => e.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(results.map((r) => r.position)).toEqual([events[0].position, events[1].position, events[3].position, events[4].position]);
      const all = await store.readAll(start, 100);
      expect(all.map((e) => e.position)).toEqual(events.map((e) => e.position));
    });

    it('lets exactly one of many appends with the same expectation through, and stores only its event', async () => {
      await store.append(stream, [registered('a')], 'no_stream');
      const attempts = Array.from({ length: 5 }, () => closed());
      const outcomes = await Promise.allSettled(attempts.map((event) => store.append(stream, [event], 0)));
      const won = outcomes.findIndex((o) => o.status === 'fulfilled');
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      outcomes
        .filter((o) => o.status === 'rejected')
        .forEach((o) => expect((o as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision));
      const events = await store.readStream(stream);
      expect(events.map((e) => e.metadata.eventId)).toEqual([expect.any(String), attempts[won].metadata.eventId]);
    });

    it('keeps the other appends of a group when one of them fails, and stores nothing of the failed one', async () => {
      const other = `Station-${uuidV7()}`;
      const third = `Station-${uuidV7()}`;
      const bad: NewEvent = { type: 'NotRegistered', data: {}, metadata: metadata() };
      const outcomes = await Promise.allSettled([
        store.append(stream, [registered('a')], 'no_stream'),
        store.append(other, [registered('b'), bad], 'no_stream'),
        store.append(stream, [closed()], 5),
        store.append(third, [registered('c')], 'no_stream'),
        store.append(stream, [closed()], 0),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedRevision);
      expect(await store.readStream(other)).toEqual([]);
      expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['StationRegistered', 'StationClosed']);
      expect((await store.readAll(start, 100)).map((e) => e.streamId)).toEqual([stream, third, stream]);
    });

    it('answers a retry made in the same group with the first result and stores the events once', async () => {
      const events = [registered('a'), closed()];
      const [first, retry] = await Promise.all([
        store.append(stream, events, 'no_stream'),
        store.append(stream, events, 'no_stream'),
      ]);
      expect(retry).toEqual(first);
      expect(await store.readAll(start, 100)).toHaveLength(2);
    });

    it('has stored an append where any other reader of the log can see it by the time it answers', async () => {
      const reader = await fixture.open(v1Registry());
      try {
        const seen: number[] = [];
        await Promise.all(
          [0, 1, 2].map((n) =>
            store.append(`${stream}-${n}`, [registered(String(n))], 'no_stream').then(async (result) => {
              const stored = await reader.readStream(`${stream}-${n}`);
              expect(stored.map((e) => e.position)).toEqual([result.position]);
              seen.push(n);
            }),
          ),
        );
        expect(seen.sort()).toEqual([0, 1, 2]);
      } finally {
        await reader.close();
      }
    });

    it('delivers every event of a group to a live subscription, in log order', async () => {
      const subscription = store.subscribe(start);
      const items = subscription[Symbol.asyncIterator]();
      expect((await collect(items, 1)).map((i) => i.kind)).toEqual(['caughtUp']);
      const live = (async () => {
        const events: SubscriptionItem[] = [];
        while (events.length < 3) {
          const next = await items.next();
          if (next.done) break;
          if (next.value.kind === 'event') events.push(next.value);
        }
        return events;
      })();
      await Promise.all([
        store.append(stream, [registered('a')], 'no_stream'),
        store.append(stream, [closed()], 0),
        store.append(`${stream}-b`, [registered('b')], 'no_stream'),
      ]);
      const received = (await live).map((i) => i.kind === 'event' && i.event.position);
      expect(received).toEqual((await store.readAll(start, 100)).map((e) => e.position));
      expect(received).toHaveLength(3);
      await subscription.close();
    });
  });

  describe('the whole log', () => {
    it('reads every stream in global order, in pages', async () => {
      const other = `Station-${uuidV7()}`;
      await store.append(stream, [registered('a')], 'no_stream');
      await store.append(other, [registered('b')], 'no_stream');
      await store.append(stream, [closed()], 0);
      const all = await store.readAll(start, 10);
      expect(all.map((e) => [e.streamId, e.type])).toEqual([
        [stream, 'StationRegistered'],
        [other, 'StationRegistered'],
        [stream, 'StationClosed'],
      ]);
      for (let i = 1; i < all.length; i++) {
        expect(store.comparePositions(all[i - 1].position, all[i].position)).toBeLessThan(0);
      }
      const page = await store.readAll(all[0].position, 1);
      expect(page.map((e) => e.position)).toEqual([all[1].position]);
      expect(await store.headPosition()).toBe(all[2].position);
    });

    it('says whether an event of some types lies between two positions, or that it did not look past its limit', async () => {
      const first = await store.append(stream, [registered('a')], 'no_stream');
      await store.append(`Station-${uuidV7()}`, [registered('b')], 'no_stream');
      const closing = await store.append(stream, [closed()], 0);
      const last = await store.append(`Station-${uuidV7()}`, [registered('c')], 'no_stream');
      const closedType = new Set(['StationClosed']);
      // After the first and up to the head: the closure lies there.
      expect(await store.holdsAnyOf(closedType, first.position, last.position, 10)).toBe(true);
      // After the closure: only a registration, and up to the closure's own position it is included.
      expect(await store.holdsAnyOf(closedType, closing.position, last.position, 10)).toBe(false);
      const beforeClosing = (await store.readAll(first.position, 1))[0].position;
      expect(await store.holdsAnyOf(closedType, beforeClosing, closing.position, 10)).toBe(true);
      expect(await store.holdsAnyOf(closedType, first.position, beforeClosing, 10)).toBe(false);
      expect(await store.holdsAnyOf(new Set(['StationRegistered']), first.position, last.position, 10)).toBe(true);
      // Three events lie after the first: a limit of two does not look at them all.
      expect(await store.holdsAnyOf(closedType, first.position, last.position, 2)).toBeNull();
      expect(await store.holdsAnyOf(closedType, first.position, last.position, 3)).toBe(true);
      expect(await store.holdsAnyOf(closedType, last.position, last.position, 0)).toBe(false);
    });

    it('parses back the positions it issues and nothing else', async () => {
      const { position } = await store.append(stream, [registered('a')], 'no_stream');
      expect(store.parsePosition(String(position))).toBe(position);
      expect(store.parsePosition('not-a-position')).toBeNull();
    });
  });

  describe('subscription', () => {
    it('delivers history, says it caught up, then delivers live appends one at a time', async () => {
      await store.append(stream, [registered('a')], 'no_stream');
      const subscription = store.subscribe(start);
      const items = subscription[Symbol.asyncIterator]();
      const history = await collect(items, 2);
      expect(history.map((i) => i.kind)).toEqual(['event', 'caughtUp']);
      const live = collect(items, 2);
      await store.append(stream, [closed(), closed()], 0);
      const received = await live;
      expect(received.map((i) => i.kind === 'event' && i.event.revision)).toEqual([1, 2]);
      await subscription.close();
      const next = await items.next();
      expect(next.done || next.value.kind === 'caughtUp').toBe(true);
    });

    it('starts after a given position', async () => {
      const first = await store.append(stream, [registered('a')], 'no_stream');
      await store.append(stream, [closed()], 0);
      const subscription = store.subscribe(first.position);
      const [item] = await collect(subscription[Symbol.asyncIterator](), 1);
      expect(item.kind === 'event' && (item.event as RecordedEvent).type).toBe('StationClosed');
      await subscription.close();
    });
  });

  describe('schema versions', () => {
    it('upcasts an event stored at version 1 when it is read as version 2', async () => {
      await store.append(stream, [registered('城关街道社工站')], 'no_stream');
      await store.close();
      store = await fixture.open(v2Registry());
      const [read] = await store.readStream(stream);
      expect(read.schemaVersion).toBe(2);
      expect(read.storedSchemaVersion).toBe(1);
      expect(read.data).toEqual({ name: '城关街道社工站', villageCount: 0 });
      const [fromLog] = await store.readAll(start, 1);
      expect(fromLog.data).toEqual({ name: '城关街道社工站', villageCount: 0 });
    });

    it('stores new events at the current version', async () => {
      await store.close();
      store = await fixture.open(v2Registry());
      await store.append(stream, [{ ...registered('a'), data: { name: 'a', villageCount: 4 } }], 'no_stream');
      const [read] = await store.readStream(stream);
      expect(read.storedSchemaVersion).toBe(2);
      expect(read.data).toEqual({ name: 'a', villageCount: 4 });
    });
  });
}
