import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceReadModelFile, SqliteReadStore } from './sqlite-read-store';

describe('SQLite read store layout', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sws-layout-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['the first, WITHOUT ROWID layout', 0, 'CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID'],
    ['the rowid layout of version 2', 2, 'CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id))'],
  ])('empties a file of %s, so its read models are rebuilt from the log', async (_layout, version, documents) => {
    const file = join(dir, 'read-models.db');
    const old = new Database(file);
    old.exec(`
      ${documents};
      CREATE TABLE checkpoints (projection TEXT PRIMARY KEY, position TEXT, version INTEGER NOT NULL);
      INSERT INTO documents VALUES ('stations', 's-1', '{"id":"s-1"}');
      INSERT INTO checkpoints VALUES ('station-detail', '7', 1);`);
    old.pragma(`user_version = ${version}`);
    old.close();

    const store = new SqliteReadStore(file);
    expect(await store.get('stations', 's-1')).toBeNull();
    expect(await store.checkpoint('station-detail')).toBeNull();
    await store.commit({
      changes: [{ collection: 'stations', id: 's-1', document: { id: 's-1', name: '新' } }],
      checkpoints: [{ projection: 'station-detail', version: 1, from: null, to: '7' }],
    });
    await store.close();

    const reopened = new SqliteReadStore(file);
    expect(await reopened.get('stations', 's-1')).toEqual({ id: 's-1', name: '新' });
    expect(await reopened.checkpoint('station-detail')).toEqual({ position: '7', version: 1 });
    await reopened.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    raw.close();
  });

  it('stores a document’s id and collection name once: the file holds little more than the ids and bodies written', async () => {
    const file = join(dir, 'read-models.db');
    const store = new SqliteReadStore(file);
    const changes = Array.from({ length: 2_000 }, (_, n) => ({
      collection: 'supervision-sessions',
      id: `0194313f-4e60-7cbf-8319-${String(n).padStart(12, '0')}:2025-01/long-suffix-of-the-id`,
      document: { n },
    }));
    await store.commit({ changes, checkpoints: [] });
    await store.close();
    const written = changes.reduce((sum, c) => sum + c.id.length + JSON.stringify(c.document).length, 0);
    const raw = new Database(file, { readonly: true });
    const stored = raw.prepare('SELECT sum(payload) FROM dbstat').pluck().get() as number;
    raw.close();
    // Every table and index of the file: each id twice, or the collection's name with each, would be twice what was written.
    expect(stored / written).toBeLessThan(1.2);
  });

  it('keeps collections apart after a commit that gave a new collection its code failed and rolled back', async () => {
    const file = join(dir, 'read-models.db');
    const store = new SqliteReadStore(file);
    const one = (collection: string, id: string, from: string | null, to: string) => ({
      changes: [{ collection, id, document: { id, collection } }],
      checkpoints: [{ projection: `${collection}-projection`, version: 1, from, to }],
    });
    // A write that fails after naming its new collection: a document JSON cannot hold.
    const unwritable = { changes: [{ collection: 'trainings', id: 't-0', document: { hours: 1n } }], checkpoints: [] };
    await expect(store.commit(unwritable)).rejects.toThrow(/BigInt/);
    await store.commit(one('trainings', 't-1', null, '6'));
    await store.commit(one('stations', 's-1', null, '7'));
    await store.close();

    const reopened = new SqliteReadStore(file);
    expect(await reopened.get('trainings', 't-1')).toEqual({ id: 't-1', collection: 'trainings' });
    expect((await reopened.list('stations', { limit: 10 })).map((row) => row.id)).toEqual(['s-1']);
    await reopened.close();
  });

  it('makes a new file, plain or built in bulk, of 16 KiB pages, and keeps using an existing file of 4 KiB pages as it is', async () => {
    const pageSize = (path: string) => {
      const raw = new Database(path, { readonly: true });
      try {
        return raw.pragma('page_size', { simple: true });
      } finally {
        raw.close();
      }
    };
    const plain = join(dir, 'plain.db');
    await new SqliteReadStore(plain).close();
    const bulk = join(dir, 'bulk.db');
    await replaceReadModelFile(bulk, async () => {});
    expect({ plain: pageSize(plain), bulk: pageSize(bulk) }).toEqual({ plain: 16_384, bulk: 16_384 });

    const older = join(dir, 'older.db');
    const store = new SqliteReadStore(older);
    await store.close();
    const raw = new Database(older);
    raw.pragma('journal_mode = DELETE');
    raw.pragma('page_size = 4096');
    raw.exec('VACUUM');
    raw.pragma('journal_mode = WAL');
    raw.close();
    const reopened = new SqliteReadStore(older);
    await reopened.commit({ changes: [{ collection: 'stations', id: 's-1', document: { id: 's-1' } }], checkpoints: [] });
    expect(await reopened.get('stations', 's-1')).toEqual({ id: 's-1' });
    await reopened.close();
    expect(pageSize(older)).toBe(4096);
  });
});

describe('replacing the read-model file after a rebuild of every read model', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sws-replace-'));
    file = join(dir, 'read-models.db');
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const station = (name: string, to: string, from: string | null = null) => ({
    changes: [{ collection: 'stations', id: 's-1', document: { id: 's-1', name } }],
    checkpoints: [{ projection: 'station-detail', version: 1, from, to }],
  });

  async function oldReadModels(): Promise<void> {
    const store = new SqliteReadStore(file);
    await store.commit(station('旧', '3'));
    await store.close();
  }

  it('puts the new read models in the old file’s place, in WAL mode, leaving no build file behind', async () => {
    await oldReadModels();
    await replaceReadModelFile(file, async (store) => {
      expect(await store.get('stations', 's-1')).toBeNull(); // a new, empty file
      await store.commit(station('新', '9'));
      expect(existsSync(`${file}.rebuilding-journal`)).toBe(false); // no journal: a crash throws the file away
      expect(existsSync(`${file}.rebuilding-wal`)).toBe(false);
    });
    expect(existsSync(`${file}.rebuilding`)).toBe(false);
    const reopened = new SqliteReadStore(file);
    expect(await reopened.get('stations', 's-1')).toEqual({ id: 's-1', name: '新' });
    expect(await reopened.checkpoint('station-detail')).toEqual({ position: '9', version: 1 });
    await reopened.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('leaves the old read models whole when the build fails, removes the half-built file, and the next rebuild starts from an empty file', async () => {
    await oldReadModels();
    await expect(
      replaceReadModelFile(file, async (store) => {
        await store.commit(station('半', '5'));
        throw new Error('killed halfway');
      }),
    ).rejects.toThrow('killed halfway');
    // Nor does the half-built file stay behind to hold the disk (a rebuild that ran out of space would keep it full).
    expect(['', '-journal', '-wal', '-shm'].filter((suffix) => existsSync(`${file}.rebuilding${suffix}`))).toEqual([]);
    const old = new SqliteReadStore(file);
    expect(await old.get('stations', 's-1')).toEqual({ id: 's-1', name: '旧' });
    expect(await old.checkpoint('station-detail')).toEqual({ position: '3', version: 1 });
    await old.close();

    await replaceReadModelFile(file, async (store) => {
      expect(await store.checkpoint('station-detail')).toBeNull(); // the half-built file was not reused
      await store.commit(station('新', '9'));
    });
    const reopened = new SqliteReadStore(file);
    expect(await reopened.get('stations', 's-1')).toEqual({ id: 's-1', name: '新' });
    await reopened.close();
  });

  it('builds a file when there was none', async () => {
    await replaceReadModelFile(file, (store) => store.commit(station('新', '1')));
    const store = new SqliteReadStore(file);
    expect(await store.checkpoint('station-detail')).toEqual({ position: '1', version: 1 });
    await store.close();
  });
});
