import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EVENT_STORE, EventStore, RecordedEvent, SqliteEventStore } from '@sws/event-store';
import { EventStoreDbEventStore } from '@sws/event-store/eventstoredb';
import { FakeEventStoreDb } from '../../../libs/event-store/src/eventstoredb/testing/fake-eventstoredb';
import { READ_STORE, ReadStore, SqliteReadStore } from '@sws/read-store';
import { PROJECTIONS } from '../../api/src/infrastructure/projections';
import { RESERVATIONS_INTRODUCED_STREAM } from '../../api/src/infrastructure/reservations/legacy-records';
import { eventTypeRegistry } from '../../api/src/infrastructure/stores';
import { loadDemo } from './demo';
import { migrateLog, migrationTarget, MigrationProgress } from './migrate';
import { rebuildProjections } from './rebuild';
import { settled, startTempApp, TempApp } from './testing/temp-app';

const whole = (store: EventStore) => store.readAll(null, 1_000_000);
/** What a migration keeps of each event (positions are the target's own). */
const kept = (event: RecordedEvent) => ({ streamId: event.streamId, revision: event.revision, type: event.type, data: event.data, metadata: event.metadata });

async function everything(store: ReadStore, collection: string) {
  return store.list(collection, { limit: 1_000_000 });
}

describe('migrating the log to another store', () => {
  let t: TempApp;
  let source: EventStore;
  let live: ReadStore;
  let sourceEvents: RecordedEvent[];
  const dirs: string[] = [];
  const tempDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'sws-migrate-'));
    dirs.push(dir);
    return dir;
  };

  beforeAll(async () => {
    t = await startTempApp();
    await loadDemo(t.app, t.authorize);
    await settled(t);
    source = t.app.get(EVENT_STORE);
    live = t.app.get(READ_STORE);
    sourceEvents = await whole(source);
  }, 60_000);

  afterAll(async () => {
    await t.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('copies every event to a SQLite log in order with its stream, revision, event id and metadata, and a rebuild there equals the live read models', async () => {
    const dir = tempDir();
    const target = new SqliteEventStore(join(dir, 'events.db'), eventTypeRegistry());
    const readModels = new SqliteReadStore(join(dir, 'read-models.db'));
    try {
      const progress: MigrationProgress[] = [];
      const result = await migrateLog(source, target, (p) => progress.push(p));
      expect(result).toMatchObject({ events: sourceEvents.length, appended: sourceEvents.length });
      expect(progress[progress.length - 1]).toEqual({ events: sourceEvents.length, total: sourceEvents.length });
      // Into an empty SQLite log even the positions come out the same.
      expect(await whole(target)).toEqual(sourceEvents);

      await rebuildProjections('all', { events: target, readModels });
      for (const collection of new Set(PROJECTIONS.map((p) => p.collection))) {
        expect(await everything(readModels, collection)).toEqual(await everything(live, collection));
      }

      // Run again: every append is recognised by its event ids.
      const head = await target.headPosition();
      expect(await migrateLog(source, target)).toMatchObject({ events: sourceEvents.length, appended: 0 });
      expect(await target.headPosition()).toBe(head);
    } finally {
      await target.close();
      await readModels.close();
    }
  }, 60_000);

  it('finishes a migration that an interruption left half done, copying the missing events only', async () => {
    const dir = tempDir();
    const target = new SqliteEventStore(join(dir, 'events.db'), eventTypeRegistry());
    try {
      // A run reading pages of 50 stopped a third of the way in; then part of a command's append
      // was copied as well (as a run batching differently would have): the rest of that append is
      // copied one event at a time.
      const cut = Math.floor(sourceEvents.length / 3);
      const split = sourceEvents.findIndex((e, i) => i >= cut && sourceEvents[i + 1]?.streamId === e.streamId && sourceEvents[i + 1].revision === e.revision + 1);
      expect(split).toBeGreaterThan(0);
      let read = 0;
      const stopping: EventStore = Object.assign(Object.create(source), {
        readAll: async (after: never, limit: number) => {
          if (read + limit > cut) throw new Error('interrupted');
          const page = await source.readAll(after, limit);
          read += page.length;
          return page;
        },
      });
      await expect(migrateLog(stopping, target, undefined, { pageSize: 50 })).rejects.toThrow('interrupted');
      const copied = (await whole(target)).length;
      expect(copied).toBeGreaterThan(0);
      expect(await whole(target)).toEqual(sourceEvents.slice(0, copied));
      for (const event of sourceEvents.slice(copied, split + 1)) {
        await target.append(event.streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], event.revision === 0 ? 'no_stream' : event.revision - 1);
      }

      const result = await migrateLog(source, target);
      expect(result).toMatchObject({ events: sourceEvents.length, appended: sourceEvents.length - split - 1 });
      expect(await whole(target)).toEqual(sourceEvents);
    } finally {
      await target.close();
    }
  }, 60_000);

  it('copies to EventStoreDB (the in-process stand-in), translating the one position an event records, idempotently across processes', async () => {
    // A log that began before reservation streams: its introduction names the head before it.
    const introduction = (e: RecordedEvent) => e.streamId === RESERVATIONS_INTRODUCED_STREAM;
    const legacy = new SqliteEventStore(join(tempDir(), 'events.db'), eventTypeRegistry());
    const others = sourceEvents.filter((e) => !introduction(e));
    for (const [i, event] of others.entries()) {
      if (i === Math.floor(others.length / 2)) {
        const given = sourceEvents.find(introduction)!;
        await legacy.append(RESERVATIONS_INTRODUCED_STREAM, [{ type: given.type, data: { previousHead: await legacy.headPosition() }, metadata: given.metadata }], 'no_stream');
      }
      await legacy.append(event.streamId, [{ type: event.type, data: event.data, metadata: event.metadata }], event.revision === 0 ? 'no_stream' : event.revision - 1);
    }
    const legacyEvents = await whole(legacy);
    const previous = (legacyEvents.find(introduction)!.data as { previousHead: string }).previousHead;
    expect(previous).toBe(String(Math.floor(others.length / 2)));

    const server = new FakeEventStoreDb();
    const target = new EventStoreDbEventStore(server.client(), eventTypeRegistry());
    const result = await migrateLog(legacy, target);
    expect(result).toMatchObject({ events: legacyEvents.length, appended: legacyEvents.length });
    const copied = await whole(target);
    expect(copied.filter((e) => !introduction(e)).map(kept)).toEqual(legacyEvents.filter((e) => !introduction(e)).map(kept));
    expect(copied.map((e) => e.metadata.eventId)).toEqual(legacyEvents.map((e) => e.metadata.eventId));
    expect(copied[0].position).toMatch(/^\d+:\d+$/);
    // The introduction named the source's position of the last event before it: now the target's.
    const previousIndex = legacyEvents.findIndex((e) => e.position === previous);
    expect(copied.find(introduction)!.data).toEqual({ previousHead: copied[previousIndex].position });

    // Another process (an adapter that remembers no ids) retrying appends nothing.
    const retry = new EventStoreDbEventStore(server.client(), eventTypeRegistry());
    expect(await migrateLog(legacy, retry)).toMatchObject({ appended: 0 });
    expect((await whole(retry)).length).toBe(legacyEvents.length);
    await Promise.all([retry.close(), target.close(), legacy.close()]);
  }, 60_000);

  describe('its target arguments', () => {
    const from = { dataDir: resolve('/srv/sws'), synchronous: 'FULL' as const };

    it('reads a data directory, or EventStoreDB with a read-model directory or MongoDB', () => {
      expect(migrationTarget(['--to', '/srv/new'], from)).toEqual({ dataDir: resolve('/srv/new'), synchronous: 'FULL', topology: { events: { kind: 'sqlite' }, readModels: { kind: 'sqlite' } } });
      expect(migrationTarget(['--to', 'esdb://es:2113?tls=false', '--read-models', 'mongodb://m:27017/sws?replicaSet=rs0'], from).topology).toEqual({
        events: { kind: 'eventstoredb', connectionString: 'esdb://es:2113?tls=false' },
        readModels: { kind: 'mongodb', url: 'mongodb://m:27017/sws?replicaSet=rs0' },
      });
      expect(migrationTarget(['--to', 'esdb://es:2113?tls=false', '--read-models', '/srv/rm'], from)).toMatchObject({ dataDir: resolve('/srv/rm'), topology: { readModels: { kind: 'sqlite' } } });
    });

    it.each([
      [[], /migrate needs --to/],
      [['--to'], /--to needs a value/],
      [['--from', 'x'], /migrate takes --to and --read-models, not --from/],
      [['--to', 'http://es:2113'], /--to must be a data directory or an esdb:\/\/ connection string/],
      [['--to', 'esdb://es:2113'], /--to esdb:\/\/… needs --read-models/],
      [['--to', '/srv/new', '--read-models', 'mongodb://m/sws'], /--read-models mongodb:\/\/… needs --to esdb:\/\//],
      [['--to', 'esdb://es:2113', '--read-models', 'redis://r'], /--read-models must be a data directory or a mongodb:\/\/ URL/],
      [['--to', '/srv/sws'], /the source's own data directory/],
    ])('refuses %j, naming what is wrong', (args, message) => {
      expect(() => migrationTarget(args, from)).toThrow(message);
    });
  });
});
