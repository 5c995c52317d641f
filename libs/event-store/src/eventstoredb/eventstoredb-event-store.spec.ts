import { excludeSystemEvents, NO_STREAM, STREAM_EXISTS, StreamNotFoundError, UnavailableError, WrongExpectedVersionError } from '@eventstore/db-client';
import { EventTypeRegistry } from '@sws/kernel';
import { StoreUnavailable, WrongExpectedRevision } from '../errors';
import { NewEvent, Position, Subscription, SubscriptionItem } from '../event-store.port';
import { uuidV7 } from '../ids';
import { EventStoreDbEventStore, toClientRevision } from './eventstoredb-event-store';
import { logPositions } from './positions';
import { FakeEventStoreDb } from './testing/fake-eventstoredb';

const registry = () => new EventTypeRegistry([{ type: 'Visited', schemaVersion: 3, upcasters: { 1: (d) => d, 2: (d) => d } }]);

function visited(n: number, eventId = uuidV7()): NewEvent {
  return {
    type: 'Visited',
    data: { n },
    metadata: { eventId, actor: { userId: 'u', role: 'admin', orgId: null }, occurredAt: '2026-01-01', recordedAt: '2026-01-01T00:00:00Z', correlationId: 'c', causationId: null },
  };
}

async function take(items: AsyncIterator<SubscriptionItem>, count: number): Promise<SubscriptionItem[]> {
  const out: SubscriptionItem[] = [];
  while (out.length < count) out.push((await items.next()).value);
  return out;
}

const numbers = (items: SubscriptionItem[]) => items.map((i) => (i.kind === 'event' ? (i.event.data as { n: number }).n : 'caughtUp'));

describe('EventStoreDB adapter', () => {
  let server: FakeEventStoreDb;
  let store: EventStoreDbEventStore;

  beforeEach(() => {
    server = new FakeEventStoreDb();
    store = new EventStoreDbEventStore(server.client(), registry(), { subscription: { initialDelayMs: 1, maxDelayMs: 4 } });
  });

  describe('expected revisions', () => {
    it('maps each expectation exactly and never to "any"', async () => {
      expect(toClientRevision('no_stream')).toBe(NO_STREAM);
      expect(toClientRevision('stream_exists')).toBe(STREAM_EXISTS);
      expect(toClientRevision(7)).toBe(7n);
      expect(() => toClientRevision(-1)).toThrow(/whole number/);
      expect(() => toClientRevision(1.5)).toThrow(/whole number/);
      await store.append('Visit-a', [visited(1)], 'no_stream');
      await store.append('Visit-a', [visited(2)], 0);
      await store.append('Visit-a', [visited(3)], 'stream_exists');
      expect(server.appends.map((a) => a.expectedRevision)).toEqual([NO_STREAM, 0n, STREAM_EXISTS]);
    });

    it("translates the server's refusal into the port's, with the stream's actual revision", async () => {
      await store.append('Visit-a', [visited(1)], 'no_stream');
      const refused = await store.append('Visit-a', [visited(2)], 3).catch((e) => e);
      expect(refused).toBeInstanceOf(WrongExpectedRevision);
      expect(refused).toMatchObject({ streamId: 'Visit-a', expected: 3, actual: 0 });
      const none = await store.append('Visit-b', [visited(2)], 'stream_exists').catch((e) => e);
      expect(none).toMatchObject({ expected: 'stream_exists', actual: 'no_stream' });
    });
  });

  describe('positions', () => {
    it('writes commit/prepare pairs and compares them as 64-bit numbers, not as doubles', () => {
      const a = logPositions.format({ commit: 9007199254740993n, prepare: 9007199254740993n });
      const b = logPositions.format({ commit: 9007199254740992n, prepare: 9007199254740992n });
      expect(a).toBe('9007199254740993:9007199254740993');
      expect(logPositions.compare(a, b)).toBe(1);
      expect(logPositions.compare(b, a)).toBe(-1);
      expect(logPositions.compare('10:4' as Position, '10:7' as Position)).toBe(-1);
      expect(logPositions.pair(a)).toEqual({ commit: 9007199254740993n, prepare: 9007199254740993n });
    });

    it('parses back only pairs of unsigned 64-bit decimals whose prepare is not past the commit', () => {
      expect(store.parsePosition('18446744073709551615:18446744073709551615')).toBe('18446744073709551615:18446744073709551615');
      expect(store.parsePosition('0:0')).toBe('0:0');
      for (const text of ['18446744073709551616:0', '5:6', '01:1', '1', '1:', ':1', '-1:-1', '1:1:1', '1 :1', '0x10:0', '']) {
        expect(store.parsePosition(text)).toBeNull();
      }
    });

    it('reads positions the way the log has them, skipping system events', async () => {
      const first = await store.append('Visit-a', [visited(1)], 'no_stream');
      const second = await store.append('Visit-b', [visited(2)], 'no_stream');
      expect(server.log.some((e) => e.type.startsWith('$') && e.position.commit > logPositions.pair(second.position).commit)).toBe(true);
      expect(await store.headPosition()).toBe(second.position);
      const all = await store.readAll(null, 10);
      expect(all.map((e) => e.position)).toEqual([first.position, second.position]);
      expect((await store.readAll(first.position, 10)).map((e) => e.position)).toEqual([second.position]);
      expect((await store.readStream('Visit-b'))[0].position).toBe(second.position);
    });

    it('says plainly that a server too old to give stream reads their positions will not do', async () => {
      await store.append('Visit-a', [visited(1)], 'no_stream');
      server.streamReadPositions = false;
      await expect(store.readStream('Visit-a')).rejects.toThrow(/22\.6 or later/);
    });
  });

  describe('errors', () => {
    it('translates the plain gRPC error with code 14 that appendToStream raises into StoreUnavailable', async () => {
      server.appendFault = Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 });
      await expect(store.append('Visit-a', [visited(1)], 'no_stream')).rejects.toBeInstanceOf(StoreUnavailable);
    });

    it("translates the client's typed unavailable error on reads too", async () => {
      const client = server.client();
      const failing = new EventStoreDbEventStore(
        { ...client, readStream: () => { throw new UnavailableError(undefined, 'connection refused'); } },
        registry(),
      );
      await expect(failing.readStream('Visit-a')).rejects.toBeInstanceOf(StoreUnavailable);
    });

    it('reads a stream that does not exist as empty', async () => {
      expect(await store.readStream('Visit-nobody')).toEqual([]);
      expect(new StreamNotFoundError(undefined, 'x')).toBeInstanceOf(StreamNotFoundError);
    });

    it('passes other errors through unchanged', async () => {
      const other = new Error('permission denied');
      server.appendFault = other;
      await expect(store.append('Visit-a', [visited(1)], 'no_stream')).rejects.toBe(other);
    });
  });

  describe('idempotent retries', () => {
    it('answers a retry with the same expectation as the first time; the server stores nothing and gives no position', async () => {
      await store.append('Visit-a', [visited(0)], 'no_stream');
      const events = [visited(1), visited(2)];
      const first = await store.append('Visit-a', events, 0);
      const fresh = new EventStoreDbEventStore(server.client(), registry());
      expect(await fresh.append('Visit-a', events, 0)).toEqual(first);
      expect(server.log.filter((e) => e.streamId === 'Visit-a')).toHaveLength(3);
    });

    it('answers a retry made after reading the stream again, which the server itself would store twice', async () => {
      const events = [visited(1)];
      const first = await store.append('Visit-a', events, 'no_stream');
      const appendsBefore = server.appends.length;
      const fresh = new EventStoreDbEventStore(server.client(), registry());
      expect(await fresh.append('Visit-a', events, 0)).toEqual(first);
      expect(server.appends).toHaveLength(appendsBefore);
      expect(server.log.filter((e) => e.streamId === 'Visit-a')).toHaveLength(1);
    });

    it('answers a retry refused because others wrote after it, from the events it finds', async () => {
      const events = [visited(1), visited(2)];
      const first = await store.append('Visit-a', events, 'no_stream');
      await server.appendRaw('Visit-a', 'Visited', uuidV7(), { schemaVersion: 3, eventId: 'x' });
      const fresh = new EventStoreDbEventStore(server.client(), registry());
      expect(await fresh.append('Visit-a', events, 'no_stream')).toEqual(first);
      expect(server.log.filter((e) => e.streamId === 'Visit-a')).toHaveLength(3);
    });

    it('stores the schema version in the event metadata and reads the port metadata back as given', async () => {
      const event = visited(1);
      await store.append('Visit-a', [event], 'no_stream');
      expect(server.log.find((e) => e.streamId === 'Visit-a')!.metadata).toEqual({ ...event.metadata, schemaVersion: 3 });
      expect(server.log.find((e) => e.streamId === 'Visit-a')!.id).toBe(event.metadata.eventId);
      const [read] = await store.readStream('Visit-a');
      expect(read).toMatchObject({ metadata: event.metadata, storedSchemaVersion: 3, schemaVersion: 3 });
    });
  });

  describe('subscription to $all', () => {
    let subscription: Subscription;
    afterEach(() => subscription?.close());

    it('asks the server to leave out system events and to keep no checkpoint callback', async () => {
      await store.append('Visit-1', [visited(1)], 'no_stream');
      subscription = store.subscribe(null);
      await take(subscription[Symbol.asyncIterator](), 2);
      expect(server.subscriptions[0].filter).toEqual(excludeSystemEvents());
      expect(server.subscriptions[0].filter!.checkpointReached).toBeUndefined();
    });

    it('says it caught up after the history, and again after each burst of live events', async () => {
      for (let n = 1; n <= 3; n++) await store.append(`Visit-${n}`, [visited(n)], 'no_stream');
      subscription = store.subscribe(null);
      const items = subscription[Symbol.asyncIterator]();
      expect(numbers(await take(items, 4))).toEqual([1, 2, 3, 'caughtUp']);
      const live = take(items, 3);
      await store.append('Visit-4', [visited(4), visited(5)], 'no_stream');
      expect(numbers(await live)).toEqual([4, 5, 'caughtUp']);
    });

    it('resubscribes after an error from the last event processed, not from what the client had buffered', async () => {
      const written = [];
      for (let n = 1; n <= 5; n++) written.push(await store.append(`Visit-${n}`, [visited(n)], 'no_stream'));
      const failures: number[] = [];
      store = new EventStoreDbEventStore(server.client(), registry(), { subscription: { initialDelayMs: 1, onError: (_e, count) => failures.push(count) } });
      subscription = store.subscribe(null);
      const items = subscription[Symbol.asyncIterator]();
      expect(numbers(await take(items, 2))).toEqual([1, 2]);
      // All five (and the checkpoint the server would report after them) are in the client's buffer now.
      server.failSubscriptions(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }));
      expect(numbers(await take(items, 4))).toEqual([3, 4, 5, 'caughtUp']);
      expect(server.subscriptions.map((s) => s.fromPosition)).toEqual(['start', logPositions.pair(written[1].position)]);
      expect(failures).toEqual([1]);
    });

    it('keeps resubscribing, waiting longer each time, while the node is down', async () => {
      await store.append('Visit-1', [visited(1)], 'no_stream');
      const failures: number[] = [];
      store = new EventStoreDbEventStore(server.client(), registry(), { subscription: { initialDelayMs: 1, onError: (_e, count) => failures.push(count) } });
      server.subscribeFaults = 3;
      subscription = store.subscribe(null);
      const items = subscription[Symbol.asyncIterator]();
      expect(numbers(await take(items, 1))).toEqual([1]);
      expect(failures).toEqual([1, 2, 3]);
      expect(server.subscriptions).toHaveLength(4);
    });

    it('starts after the position it is given', async () => {
      const first = await store.append('Visit-1', [visited(1)], 'no_stream');
      await store.append('Visit-2', [visited(2)], 'no_stream');
      subscription = store.subscribe(first.position);
      expect(numbers(await take(subscription[Symbol.asyncIterator](), 2))).toEqual([2, 'caughtUp']);
    });

    it('stops at an event it cannot read instead of resubscribing for ever', async () => {
      await server.appendRaw('Foreign-1', 'Visited', uuidV7(), { note: 'no schema version' });
      subscription = store.subscribe(null);
      await expect(take(subscription[Symbol.asyncIterator](), 1)).rejects.toThrow(/no schema version/);
      expect(server.subscriptions).toHaveLength(1);
    });
  });
});

describe('the client error classes the adapter relies on', () => {
  it('carries the versions of a refused append', () => {
    const error = new WrongExpectedVersionError(undefined, { streamName: 's', current: 4n, expected: 2n });
    expect(error).toMatchObject({ streamName: 's', actualVersion: 4n, expectedVersion: 2n });
  });
});
