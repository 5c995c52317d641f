import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventTypeRegistry } from '@sws/kernel';
import { uuidV7 } from './ids';
import { SqliteEventStore } from './sqlite-event-store';
import { stationRegistered as registered } from './testing/events';

const registry = () => new EventTypeRegistry([{ type: 'StationRegistered', schemaVersion: 1 }]);


describe('SqliteEventStore group commit', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sws-group-'));
    store = new SqliteEventStore(join(dir, 'events.db'), registry());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('commits appends made in one turn of the event loop in one transaction', async () => {
    const results = await Promise.all(Array.from({ length: 100 }, () => store.append(`Station-${uuidV7()}`, [registered()], 'no_stream')));
    expect(store.commitStats()).toEqual({ appends: 100, commits: 1 });
    expect(results.map((r) => Number(r.position))).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('commits appends awaited one after another one at a time', async () => {
    for (let i = 0; i < 3; i++) await store.append(`Station-${uuidV7()}`, [registered()], 'no_stream');
    expect(store.commitStats()).toEqual({ appends: 3, commits: 3 });
  });

  it('fails every append of a group whose transaction cannot begin, and stores none of them', async () => {
    // Another connection holds the write lock past the busy timeout.
    const other = new Database(join(dir, 'events.db'));
    other.pragma('busy_timeout = 0');
    const blocked = new SqliteEventStore(join(dir, 'events.db'), registry(), { busyTimeoutMs: 0 });
    other.exec('BEGIN IMMEDIATE');
    try {
      const outcomes = await Promise.allSettled([0, 1].map(() => blocked.append(`Station-${uuidV7()}`, [registered()], 'no_stream')));
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
      expect((outcomes[0] as PromiseRejectedResult).reason).toMatchObject({ code: 'SQLITE_BUSY' });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(await blocked.headPosition()).toBeNull();
    await blocked.close();
  });

  it('tells its append watchers after each commit that stored events, not after one that stored none', async () => {
    const station = `Station-${uuidV7()}`;
    let told = 0;
    const unwatch = store.watchAppends(() => (told += 1));
    await Promise.all([0, 1, 2].map(() => store.append(`Station-${uuidV7()}`, [registered()], 'no_stream')));
    expect(told).toBe(1);
    await store.append(station, [registered()], 'no_stream');
    await expect(store.append(station, [registered()], 'no_stream')).rejects.toThrow();
    expect(told).toBe(2);
    unwatch();
    await store.append(`Station-${uuidV7()}`, [registered()], 'no_stream');
    expect(told).toBe(2);
  });

  it('wakes its subscriptions at once when told another connection appended, not at their next poll', async () => {
    const follower = new SqliteEventStore(join(dir, 'events.db'), registry(), { pollMs: 60_000 });
    const subscription = follower.subscribe(null);
    const items = subscription[Symbol.asyncIterator]();
    try {
      expect((await items.next()).value).toEqual({ kind: 'caughtUp', position: null });
      const next = items.next();
      await store.append(`Station-${uuidV7()}`, [registered()], 'no_stream');
      follower.appendedElsewhere();
      const woken = await Promise.race([next, new Promise((resolve) => setTimeout(() => resolve('still waiting'), 2000))]);
      expect(woken).toMatchObject({ value: { kind: 'event', event: { position: '1' } } });
    } finally {
      await subscription.close();
      await follower.close();
    }
  });

  it('commits what is queued before it closes', async () => {
    const pending = store.append(`Station-${uuidV7()}`, [registered()], 'no_stream');
    await store.close();
    await expect(pending).resolves.toMatchObject({ nextRevision: 0 });
    store = new SqliteEventStore(join(dir, 'events.db'), registry());
    expect(await store.headPosition()).toBe('1');
  });
});
