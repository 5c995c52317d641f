import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventTypeRegistry } from '@sws/kernel';
import { SqliteEventStore } from './sqlite-event-store';
import { stationRegistered as registered } from './testing/events';

const registry = () => new EventTypeRegistry([{ type: 'StationRegistered', schemaVersion: 1 }]);
/** Reads in one turn of the event loop see the file as the turn's first read found it. */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));


describe('SqliteEventStore streams read lately', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sws-kept-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore(file, registry());
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  /** An append by another connection to the same file. */
  const appendElsewhere = async (streamId: string, name: string, expected: number) => {
    const other = new SqliteEventStore(file, registry());
    try {
      await other.append(streamId, [registered(name)], expected);
    } finally {
      await other.close();
    }
  };

  it('reads only the tail of a stream another connection appended to, and parses no row twice', async () => {
    await store.append('Station-1', [registered('a'), registered('b')], 'no_stream');
    const first = await store.readStream('Station-1');
    await appendElsewhere('Station-1', 'c', 1);
    await nextTurn();
    const parse = jest.spyOn(JSON, 'parse');
    try {
      const second = await store.readStream('Station-1');
      expect(second.map((event) => event.data)).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
      expect(second[0]).toBe(first[0]);
      // Only the new row's data and metadata.
      expect(parse).toHaveBeenCalledTimes(2);
    } finally {
      parse.mockRestore();
    }
  });

  it('keeps what it appends as a read of the file would give it, without reading the file', async () => {
    const retried = registered('b');
    const [one, two] = [registered('c'), registered('d')];
    await store.append('Station-1', [registered('a')], 'no_stream');
    await store.readStream('Station-1');
    const rows = jest.spyOn(store as unknown as { readRows: (id: string, from: number) => unknown[] }, 'readRows');
    try {
      await store.append('Station-1', [retried], 0);
      // A group: two appends to the kept stream, one to a new stream, and a retry of a stored append.
      await Promise.all([
        store.append('Station-1', [one], 1),
        store.append('Station-1', [two], 2),
        store.append('Station-2', [registered('e'), registered('f')], 'no_stream'),
        store.append('Station-1', [retried], 0),
      ]);
      const kept = [await store.readStream('Station-1'), await store.readStream('Station-2'), await store.readStream('Station-1', 2)];
      expect(rows).not.toHaveBeenCalled();
      const fresh = new SqliteEventStore(file, registry());
      try {
        expect(kept).toEqual([await fresh.readStream('Station-1'), await fresh.readStream('Station-2'), await fresh.readStream('Station-1', 2)]);
      } finally {
        await fresh.close();
      }
      expect(kept[0]!.map((event) => [event.revision, event.data])).toEqual([
        [0, { name: 'a' }],
        [1, { name: 'b' }],
        [2, { name: 'c' }],
        [3, { name: 'd' }],
      ]);
    } finally {
      rows.mockRestore();
    }
  });

  it('reads the tail again when it appends to a kept stream another connection appended to first', async () => {
    await store.append('Station-1', [registered('a')], 'no_stream');
    await store.readStream('Station-1');
    await appendElsewhere('Station-1', 'b', 0);
    // Without a look at the file in between: the append itself shows the kept stream is short.
    await store.append('Station-1', [registered('c')], 1);
    expect((await store.readStream('Station-1')).map((event) => [event.revision, event.data])).toEqual([
      [0, { name: 'a' }],
      [1, { name: 'b' }],
      [2, { name: 'c' }],
    ]);
  });

  it('sees what another process appended to a stream it keeps', async () => {
    await store.append('Station-1', [registered('a')], 'no_stream');
    expect(await store.readStream('Station-1')).toHaveLength(1);
    await appendElsewhere('Station-1', 'b', 0);
    const events = await store.readStream('Station-1');
    expect(events.map((event) => [event.revision, event.data])).toEqual([
      [0, { name: 'a' }],
      [1, { name: 'b' }],
    ]);
    expect((await store.readStream('Station-1', 1)).map((event) => event.revision)).toEqual([1]);
  });

  it('reads nothing from the file for a stream it keeps until it appends to it or another connection commits', async () => {
    await store.append('Station-1', [registered('a')], 'no_stream');
    await store.readStream('Station-1');
    expect(await store.readStream('Station-2')).toEqual([]);
    const rows = jest.spyOn(store as unknown as { readRows: (id: string, from: number) => unknown[] }, 'readRows');
    const other = new SqliteEventStore(file, registry());
    try {
      expect((await store.readStream('Station-1')).map((event) => event.data)).toEqual([{ name: 'a' }]);
      expect(await store.readStream('Station-2')).toEqual([]);
      expect(rows).not.toHaveBeenCalled();

      // Its own append: kept as it was stored.
      await store.append('Station-1', [registered('b')], 0);
      expect((await store.readStream('Station-1')).map((event) => event.data)).toEqual([{ name: 'a' }, { name: 'b' }]);
      expect(await store.readStream('Station-2')).toEqual([]);
      expect(rows).not.toHaveBeenCalled();

      // Another connection's commit, to a stream it found empty: that stream is looked at again, no other.
      rows.mockClear();
      await other.append('Station-2', [registered('c')], 'no_stream');
      await nextTurn();
      expect((await store.readStream('Station-2')).map((event) => event.data)).toEqual([{ name: 'c' }]);
      expect(await store.readStream('Station-1')).toHaveLength(2);
      expect(rows.mock.calls).toEqual([['Station-2', 0]]);
      rows.mockClear();
      await store.readStream('Station-2');
      expect(rows).not.toHaveBeenCalled();

      // Commits by another connection to both, and to a stream it does not keep.
      await other.append('Station-1', [registered('d')], 1);
      await other.append('Station-3', [registered('e')], 'no_stream');
      await other.append('Station-2', [registered('f')], 0);
      await nextTurn();
      expect((await store.readStream('Station-1')).map((event) => event.data)).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'd' }]);
      expect((await store.readStream('Station-2')).map((event) => event.data)).toEqual([{ name: 'c' }, { name: 'f' }]);
      expect(rows.mock.calls).toEqual([
        ['Station-1', 2],
        ['Station-2', 1],
      ]);
    } finally {
      rows.mockRestore();
      await other.close();
    }
  });

  it('reads many streams at once without keeping them, and leaves the streams it keeps where they were', async () => {
    await store.append('Station-kept', [registered('k')], 'no_stream');
    for (let i = 0; i < 3; i++) await store.append(`Station-${i}`, [registered(`s${i}`)], 'no_stream');
    await nextTurn();
    const kept = await store.readStream('Station-kept');
    const inner = store as unknown as { kept: Map<string, unknown>; readRows: (id: string, from: number) => unknown[] };
    const before = [...inner.kept.keys()];
    const rows = jest.spyOn(inner, 'readRows');
    try {
      const read = await store.readStreams(['Station-2', 'Station-kept', 'Station-0', 'Station-1', 'Station-none']);
      expect(read.map((events) => events.map((e) => e.data))).toEqual([[{ name: 's2' }], [{ name: 'k' }], [{ name: 's0' }], [{ name: 's1' }], []]);
      // The kept stream is answered from memory, the others in one statement, none of them kept.
      expect(read[1]![0]).toBe(kept[0]);
      expect(rows).not.toHaveBeenCalled();
      expect([...inner.kept.keys()]).toEqual(before);
    } finally {
      rows.mockRestore();
    }
  });

  it('reads again, for many streams at once, a kept stream another connection appended to', async () => {
    await store.append('Station-1', [registered('a')], 'no_stream');
    await store.readStream('Station-1');
    await appendElsewhere('Station-1', 'b', 0);
    await nextTurn();
    expect((await store.readStreams(['Station-1']))[0]!.map((e) => e.data)).toEqual([{ name: 'a' }, { name: 'b' }]);
  });

  it('answers each read with an array of its own', async () => {
    await store.append('Station-1', [registered('a')], 'no_stream');
    const first = await store.readStream('Station-1');
    first.push(first[0]!);
    expect(await store.readStream('Station-1')).toHaveLength(1);
  });

  it('does not answer from a stream whose appends were rolled back', async () => {
    await store.append('Station-1', [registered('a')], 'no_stream');
    await store.readStream('Station-1');
    await expect(store.append('Station-1', [registered('b')], 'no_stream')).rejects.toThrow();
    expect(await store.readStream('Station-1')).toHaveLength(1);
    // The file agrees.
    const db = new Database(file, { readonly: true });
    try {
      expect(db.prepare('SELECT count(*) FROM events WHERE stream_id = ?').pluck().get('Station-1')).toBe(1);
    } finally {
      db.close();
    }
  });
});
