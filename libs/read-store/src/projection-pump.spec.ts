import { EventTypeRegistry, Projection } from '@sws/kernel';
import { EventStore, InMemoryEventStore, Position, uuidV7 } from '@sws/event-store';
import { InMemoryReadStore } from './in-memory-read-store';
import { ProjectionPump } from './projection-pump';
import { ReadModelBatch } from './read-store.port';

type Count = { id: string; seen: number[] };

/** Counts the events of the types it handles, per key; remembers their positions to show each is folded once. */
const counter = (name: string, handles: string[], version = 1, calls = { evolve: 0 }): Projection<Count> => ({
  name,
  version,
  collection: name,
  handles,
  indexes: ['id'],
  documentIds: (event) => [event.data.key],
  evolve: (document, event) => {
    calls.evolve += 1;
    return { id: event.data.key, seen: [...(document?.seen ?? []), Number(event.position) * version] };
  },
});

const registry = () => new EventTypeRegistry(['Visited', 'Rated', 'Ignored'].map((type) => ({ type, schemaVersion: 1 })));

async function record(store: EventStore, type: string, key: string) {
  const metadata = {
    eventId: uuidV7(),
    actor: { userId: 'u', role: 'admin', orgId: null },
    occurredAt: '2026-01-01',
    recordedAt: '2026-01-01T00:00:00Z',
    correlationId: 'c',
    causationId: null,
  };
  return store.append(`S-${uuidV7()}`, [{ type, data: { key }, metadata }], 'no_stream');
}

/** What a fold of the whole log gives, computed without the pump. */
async function fold(events: EventStore, projection: Projection<Count>): Promise<Record<string, Count>> {
  const documents: Record<string, Count> = {};
  for (const event of await events.readAll(null, 1_000_000)) {
    if (!projection.handles.includes(event.type)) continue;
    const projected = { ...event, position: event.position as string };
    for (const id of projection.documentIds(projected)) documents[id] = projection.evolve(documents[id] ?? null, projected)!;
  }
  return documents;
}

async function stored(read: InMemoryReadStore, collection: string): Promise<Record<string, Count>> {
  const rows = await read.list<Count>(collection, { limit: 1_000_000 });
  return Object.fromEntries(rows.map((row) => [row.id, row.document]));
}

/** A read store that records each commit and can be told to fail the next one. */
class WatchedStore extends InMemoryReadStore {
  batches: ReadModelBatch[] = [];
  reads: Array<{ collection: string; ids: readonly string[] }> = [];
  resets: string[] = [];
  failNext = false;

  override async commit(batch: ReadModelBatch): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the disk is full');
    }
    await super.commit(batch);
    this.batches.push(batch);
  }

  override async getMany<D>(collection: string, ids: readonly string[]): Promise<Map<string, D>> {
    this.reads.push({ collection, ids });
    return super.getMany<D>(collection, ids);
  }

  override async reset(projection: string, collection: string): Promise<void> {
    this.resets.push(projection);
    await super.reset(projection, collection);
  }
}

describe('projection pump', () => {
  let events: InMemoryEventStore;
  let read: WatchedStore;
  const visits = counter('visits', ['Visited']);
  const ratings = counter('ratings', ['Rated']);

  beforeEach(() => {
    events = new InMemoryEventStore(registry());
    read = new WatchedStore();
  });

  it('feeds every projection from one pass, one commit per batch moving all checkpoints together', async () => {
    for (let i = 0; i < 10; i++) await record(events, i % 2 === 0 ? 'Visited' : 'Rated', `k-${i % 3}`);
    const subscribe = jest.spyOn(events, 'subscribe');
    const pump = new ProjectionPump(events, read, [visits, ratings], { batchSize: 4 });
    const done = await pump.catchUp();

    expect(subscribe).toHaveBeenCalledTimes(1);
    expect(done).toEqual({ position: '10', head: '10', events: 10 });
    expect(read.batches.map((batch) => batch.checkpoints.map((move) => [move.projection, move.from, move.to]))).toEqual([
      [['visits', null, '4'], ['ratings', null, '4']],
      [['visits', '4', '8'], ['ratings', '4', '8']],
      [['visits', '8', '10'], ['ratings', '8', '10']],
    ]);
    expect(await stored(read, 'visits')).toEqual(await fold(events, visits));
    expect(await stored(read, 'ratings')).toEqual(await fold(events, ratings));
    expect(Object.fromEntries(await read.checkpoints())).toEqual({ visits: { position: '10', version: 1 }, ratings: { position: '10', version: 1 } });
  });

  it('tells onMoved after each commit, with the positions already moved (what a projection thread reports)', async () => {
    for (let i = 0; i < 10; i++) await record(events, i % 2 === 0 ? 'Visited' : 'Rated', `k-${i % 3}`);
    const seen: Array<[Position | null, Position | null]> = [];
    const pump: ProjectionPump = new ProjectionPump(events, read, [visits, ratings], {
      batchSize: 4,
      onMoved: () => seen.push([pump.positionOf('visits'), pump.positionOf('ratings')]),
    });
    await pump.catchUp();
    expect(seen).toEqual([
      ['4', '4'],
      ['8', '8'],
      ['10', '10'],
    ]);
  });

  it('reads each touched document once per batch and writes it once, however many of its events the batch holds', async () => {
    for (let i = 0; i < 6; i++) await record(events, 'Visited', 'same');
    await new ProjectionPump(events, read, [visits], { batchSize: 100 }).catchUp();
    expect(read.reads).toEqual([{ collection: 'visits', ids: ['same'] }]);
    expect(read.batches).toHaveLength(1);
    expect(read.batches[0].changes).toEqual([{ collection: 'visits', id: 'same', document: { id: 'same', seen: [1, 2, 3, 4, 5, 6] } }]);
  });

  it('costs a projection that handles none of a batch\u2019s events no document read or write', async () => {
    for (let i = 0; i < 5; i++) await record(events, 'Visited', `k-${i}`);
    await new ProjectionPump(events, read, [visits, ratings], { batchSize: 100 }).catchUp();
    expect(read.reads.map((r) => r.collection)).toEqual(['visits']);
    expect(read.batches[0].changes.every((change) => change.collection === 'visits')).toBe(true);
    expect(await stored(read, 'ratings')).toEqual({});
    expect(await read.checkpoint('ratings')).toEqual({ position: '5', version: 1 });
  });

  it('feeds each projection only the events it does not reflect yet, when they stand at different positions', async () => {
    for (let i = 0; i < 8; i++) await record(events, i < 4 ? 'Visited' : 'Rated', `k-${i % 2}`);
    await new ProjectionPump(events, read, [visits], { batchSize: 3 }).catchUp();
    for (let i = 0; i < 4; i++) await record(events, 'Visited', `k-${i % 2}`);
    const calls = { evolve: 0 };
    const countedVisits = counter('visits', ['Visited'], 1, calls);
    // visits stands at 8, ratings at the start: the pass begins at the start, visits folds only 9..12.
    await new ProjectionPump(events, read, [countedVisits, ratings], { batchSize: 5 }).catchUp();
    expect(calls.evolve).toBe(4);
    expect(await stored(read, 'visits')).toEqual(await fold(events, visits));
    expect(await stored(read, 'ratings')).toEqual(await fold(events, ratings));
    expect(read.batches.slice(-3).map((batch) => batch.checkpoints.map((move) => move.projection))).toEqual([['ratings'], ['visits', 'ratings'], ['visits', 'ratings']]);
  });

  it('rebuilds only the read model whose projection version changed', async () => {
    for (let i = 0; i < 6; i++) await record(events, i % 2 === 0 ? 'Visited' : 'Rated', `k-${i % 3}`);
    await new ProjectionPump(events, read, [visits, ratings]).catchUp();
    const ratingCalls = { evolve: 0 };
    const visitsV2 = counter('visits', ['Visited'], 2);
    await new ProjectionPump(events, read, [visitsV2, counter('ratings', ['Rated'], 1, ratingCalls)]).catchUp();
    expect(read.resets).toEqual(['visits']);
    expect(ratingCalls.evolve).toBe(0);
    expect(await stored(read, 'visits')).toEqual(await fold(events, visitsV2));
    expect(await stored(read, 'ratings')).toEqual(await fold(events, ratings));
    expect(await read.checkpoint('visits')).toEqual({ position: '6', version: 2 });
  });

  it('resumes after a failed commit without folding any event twice', async () => {
    for (let i = 0; i < 12; i++) await record(events, i % 3 === 0 ? 'Rated' : 'Visited', `k-${i % 4}`);
    const errors: unknown[] = [];
    const first = new ProjectionPump(events, read, [visits, ratings], { batchSize: 5, onError: (e) => errors.push(e) });
    let commits = 0;
    const commit = read.commit.bind(read);
    read.commit = async (batch) => {
      commits += 1;
      if (commits === 2) read.failNext = true;
      return commit(batch);
    };
    await expect(first.catchUp()).rejects.toThrow('the disk is full');
    expect(await read.checkpoint('visits')).toEqual({ position: '5', version: 1 });

    // A restart: a new pump on the same stores.
    await new ProjectionPump(events, read, [visits, ratings], { batchSize: 5 }).catchUp();
    expect(await stored(read, 'visits')).toEqual(await fold(events, visits));
    expect(await stored(read, 'ratings')).toEqual(await fold(events, ratings));
  });

  it('goes on from the stored checkpoints when another writer moved them under it, folding nothing twice', async () => {
    for (let i = 0; i < 3; i++) await record(events, 'Visited', 'k');
    const errors: unknown[] = [];
    const pump = new ProjectionPump(events, read, [visits], { onError: (e) => errors.push(e) });
    await pump.start();
    expect(await pump.waitFor('visits', '3' as Position, 1000)).toBe(true);
    // Another process on the same read-model store folded the next event first.
    const theirs = { id: 'k', seen: [1, 2, 3, 4] };
    await read.commit({ changes: [{ collection: 'visits', id: 'k', document: theirs }], checkpoints: [{ projection: 'visits', version: 1, from: '3', to: '4' }] });
    const before = read.batches.length;
    await record(events, 'Visited', 'k');
    expect(await pump.waitFor('visits', '4' as Position, 1000)).toBe(true);
    expect(read.batches.length).toBe(before); // this pump's batch was stale and wrote nothing
    expect(await read.get('visits', 'k')).toEqual(theirs);
    await record(events, 'Visited', 'k');
    expect(await pump.waitFor('visits', '5' as Position, 1000)).toBe(true);
    expect(await read.get('visits', 'k')).toEqual({ id: 'k', seen: [1, 2, 3, 4, 5] });
    expect(errors).toEqual([]);
    await pump.stop();
  });

  it('stops and says it failed when another process writes the read model at another version', async () => {
    await record(events, 'Visited', 'k');
    const errors: unknown[] = [];
    const pump = new ProjectionPump(events, read, [visits], { onError: (e) => errors.push(e) });
    await pump.start();
    expect(await pump.waitFor('visits', '1' as Position, 1000)).toBe(true);
    // A process with version 7 of the projection resets the read model and rebuilds it.
    await read.reset('visits', 'visits');
    await read.commit({ changes: [], checkpoints: [{ projection: 'visits', version: 7, from: null, to: '1' }] });
    await record(events, 'Visited', 'k');
    expect(await pump.waitFor('visits', '2' as Position, 1000)).toBe(false);
    expect(String(pump.failed)).toMatch(/at version 7; this one folds version 1/);
    expect(errors).toHaveLength(1);
    expect(await pump.whenCaughtUp()).toBe(true);
    await pump.stop();
  });

  it('follows live appends with one commit per append for all the read models', async () => {
    const pump = new ProjectionPump(events, read, [visits, ratings, counter('others', ['Ignored'])]);
    await pump.start();
    await pump.waitFor(null, '0' as Position, 10);
    const before = read.batches.length;
    const { position } = await record(events, 'Visited', 'live');
    expect(await pump.waitFor(null, position, 2000)).toBe(true);
    expect(read.batches.length - before).toBe(1);
    expect(read.batches[read.batches.length - 1].checkpoints).toHaveLength(3);
    expect(await read.get('visits', 'live')).toEqual({ id: 'live', seen: [1] });
    expect(pump.caughtUp).toBe(true);
    await pump.stop();
  });

  describe('with a commit interval (commitIntervalMs)', () => {
    const INTERVAL_MS = 400;
    /** Ten appends, each awaited, the first after a quiet spell; the commits their folding took, and how long the first took to be folded. */
    async function tenAppends(pump: ProjectionPump) {
      await pump.start();
      await pump.waitFor(null, '0' as Position, 10);
      const before = read.batches.length;
      const started = Date.now();
      const first = await record(events, 'Visited', 'k-0');
      expect(await pump.waitFor(null, first.position, 2000)).toBe(true);
      const firstFoldedAfterMs = Date.now() - started;
      let last = first;
      for (let i = 1; i < 10; i++) {
        last = await record(events, 'Visited', `k-${i % 3}`);
        // Without an interval the pump folds each append before the next is made.
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect(await pump.waitFor(null, last.position, 2000)).toBe(true);
      await pump.stop();
      return { commits: read.batches.length - before, firstFoldedAfterMs };
    }

    it('folds the appends made during the pause after a commit into one commit, and an append after a quiet spell at once', async () => {
      const { commits, firstFoldedAfterMs } = await tenAppends(new ProjectionPump(events, read, [visits], { commitIntervalMs: INTERVAL_MS }));
      expect(commits).toBe(2);
      expect(firstFoldedAfterMs).toBeLessThan(INTERVAL_MS);
      expect(await stored(read, 'visits')).toEqual(await fold(events, visits));
    });

    it('is off by default: each append folded as it comes is a commit of its own', async () => {
      const { commits } = await tenAppends(new ProjectionPump(events, read, [visits]));
      expect(commits).toBe(10);
    });

    it('does not delay a catch-up: full batches are committed one after another', async () => {
      for (let i = 0; i < 25; i++) await record(events, 'Visited', `k-${i % 3}`);
      const pump = new ProjectionPump(events, read, [visits], { batchSize: 5, commitIntervalMs: 10_000 });
      const started = Date.now();
      await pump.catchUp();
      expect(read.batches).toHaveLength(5);
      expect(Date.now() - started).toBeLessThan(5_000);
    });
  });
  it('lets other work run between batches while it catches up', async () => {
    for (let i = 0; i < 60; i++) await record(events, 'Visited', `k-${i % 7}`);
    const pump = new ProjectionPump(events, read, [visits], { batchSize: 5 });
    await pump.start();
    const positionWhenOthersRan = await new Promise<Position | null>((resolve) => setImmediate(() => resolve(pump.position)));
    expect(positionWhenOthersRan === null || Number(positionWhenOthersRan) < 60).toBe(true);
    expect(await pump.whenCaughtUp()).toBe(true);
    expect(pump.position).toBe('60');
    expect(read.batches.length).toBe(12);
    await pump.stop();
  });

  it('declares the projections\u2019 indexes to the store and refuses two projections on one collection', async () => {
    await record(events, 'Visited', 'k-1');
    await new ProjectionPump(events, read, [visits]).catchUp();
    expect((await read.list('visits', { limit: 10, where: { field: 'id', value: 'k-1' } })).map((row) => row.id)).toEqual(['k-1']);
    expect(() => new ProjectionPump(events, read, [visits, { ...ratings, collection: 'visits' }])).toThrow(/share the same collection/);
  });

  it('splits a batch whose fold changes more documents than one commit may hold', async () => {
    for (let i = 0; i < 10; i++) await record(events, 'Visited', `k-${i}`);
    await new ProjectionPump(events, read, [visits], { batchSize: 10, maxChangesPerCommit: 3 }).catchUp();
    expect(read.batches.map((batch) => batch.changes.length)).toEqual([3, 2, 3, 2]);
    expect(read.batches.map((batch) => batch.checkpoints[0].to)).toEqual(['3', '5', '8', '10']);
    expect(await stored(read, 'visits')).toEqual(await fold(events, visits));
  });

  it('keeps the documents it committed in memory, so a document folded again in a later batch is not read again', async () => {
    for (let i = 0; i < 12; i++) await record(events, 'Visited', `k-${i % 2}`);
    const pump = new ProjectionPump(events, read, [visits], { batchSize: 3 });
    await pump.catchUp();
    expect(read.reads.map((r) => [...r.ids].sort())).toEqual([['k-0', 'k-1']]); // only the first batch reads
    expect(pump.counters.documentsCached).toBe(6); // each later batch finds both in memory
    expect(await stored(read, 'visits')).toEqual(await fold(events, visits));
  });

  it('keeps no documents between batches with a cache of 0', async () => {
    for (let i = 0; i < 4; i++) await record(events, 'Visited', 'k');
    const pump = new ProjectionPump(events, read, [visits], { batchSize: 1, documentCacheSize: 0 });
    await pump.catchUp();
    expect(read.reads).toHaveLength(4);
    expect(pump.counters.documentsCached).toBe(0);
    expect(await read.get('visits', 'k')).toEqual({ id: 'k', seen: [1, 2, 3, 4] });
  });

  describe('in write-back mode (a rebuild into a store of its own)', () => {
    it('writes each document once when the cache holds them all, and equals a fold of the log', async () => {
      for (let i = 0; i < 30; i++) await record(events, i % 3 === 0 ? 'Rated' : 'Visited', `k-${i % 4}`);
      const pump = new ProjectionPump(events, read, [visits, ratings], { batchSize: 4, documentCacheSize: 100, writeBack: true });
      await pump.catchUp();
      // Eight batches move only checkpoints; the last commit writes the 4 + 4 documents once each.
      expect(read.batches.map((batch) => batch.changes.length)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 8]);
      expect(read.batches.slice(0, 8).every((batch) => batch.checkpoints.length === 2)).toBe(true);
      expect(pump.counters.documentsWritten).toBe(8);
      expect(await stored(read, 'visits')).toEqual(await fold(events, visits));
      expect(await stored(read, 'ratings')).toEqual(await fold(events, ratings));
    });

    it.each([0, 1, 2, 3, 4, 5, 6, 7, 9])('writes a document the cache drops and never reads past it (cache of %i)', async (documentCacheSize) => {
      // Keys in an irregular order, so documents are dropped while dirty and needed again soon after.
      for (let i = 0; i < 40; i++) await record(events, 'Visited', `k-${(i * 7 + (i >> 2)) % 6}`);
      for (const batchSize of [1, 3, 7]) {
        const store = new WatchedStore();
        const pump = new ProjectionPump(events, store, [visits], { batchSize, documentCacheSize, writeBack: true });
        await pump.catchUp();
        expect(await stored(store, 'visits')).toEqual(await fold(events, visits));
        expect((await store.checkpoints()).get('visits')?.position).toBe('40');
      }
    });

    it.each([0, 1, 2, 3, 5, 8, 11])(
      'shares the cache between collections: documents dropped from either are written, and a fold of each follows (cache of %i)',
      async (documentCacheSize) => {
        for (let i = 0; i < 48; i++) await record(events, i % 3 === 0 ? 'Rated' : 'Visited', `k-${(i * 5 + (i >> 3)) % 7}`);
        for (const batchSize of [1, 4, 9]) {
          const store = new WatchedStore();
          const pump = new ProjectionPump(events, store, [visits, ratings], { batchSize, documentCacheSize, writeBack: true });
          await pump.catchUp();
          expect(await stored(store, 'visits')).toEqual(await fold(events, visits));
          expect(await stored(store, 'ratings')).toEqual(await fold(events, ratings));
          // Each commit writes its documents ordered by collection, then id (the order a store's index takes fastest).
          for (const { changes } of store.batches) {
            const keys = changes.map((change) => [change.collection, change.id] as const);
            const sorted = [...keys].sort(([c1, i1], [c2, i2]) => (c1 === c2 ? (i1 < i2 ? -1 : i1 > i2 ? 1 : 0) : c1 < c2 ? -1 : 1));
            expect(keys).toEqual(sorted);
          }
        }
      },
    );

    it('stops the pass when a commit fails, for the documents it held in memory are gone', async () => {
      for (let i = 0; i < 6; i++) await record(events, 'Visited', `k-${i % 2}`);
      const pump = new ProjectionPump(events, read, [visits], { batchSize: 2, writeBack: true });
      read.failNext = true;
      await expect(pump.catchUp()).rejects.toThrow(/write-back commit failed, and the pass stops: the disk is full/);
      expect(read.batches).toHaveLength(0);
    });

    it('only catches up, on a store that commits any number of changes at once', async () => {
      await expect(new ProjectionPump(events, read, [visits], { writeBack: true }).start()).rejects.toThrow(/only catches up/);
      expect(() => new ProjectionPump(events, read, [visits], { writeBack: true, maxChangesPerCommit: 5000 })).toThrow(/any number of changes/);
    });
  });

  it('answers a wait that the read model does not reach in time with false', async () => {
    await record(events, 'Visited', 'k');
    const pump = new ProjectionPump(events, read, [visits]);
    await pump.prepare();
    expect(pump.hasReached('visits', '1' as Position)).toBe(false);
    expect(await pump.waitFor('visits', '1' as Position, 20)).toBe(false);
  });
});
