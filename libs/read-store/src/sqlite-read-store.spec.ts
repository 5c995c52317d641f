import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { replaceReadModelFile, SqliteReadStore } from './sqlite-read-store';

describe('SQLite read store layout', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'sws-layout-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('empties a file of the older WITHOUT ROWID layout, so its read models are rebuilt from the log, and keeps documents in a rowid table', async () => {
    const file = join(dir, 'read-models.db');
    const old = new Database(file);
    old.exec(`
      CREATE TABLE documents (collection TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (collection, id)) WITHOUT ROWID;
      CREATE TABLE checkpoints (projection TEXT PRIMARY KEY, position TEXT, version INTEGER NOT NULL);
      INSERT INTO documents VALUES ('stations', 's-1', '{"id":"s-1"}');
      INSERT INTO checkpoints VALUES ('station-detail', '7', 1);`);
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
    const sql = raw.prepare("SELECT sql FROM sqlite_master WHERE name = 'documents'").pluck().get() as string;
    expect(sql).not.toMatch(/WITHOUT ROWID/i);
    expect(raw.pragma('user_version', { simple: true })).toBe(2);
    raw.close();
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

  it('leaves the old read models whole when the build fails, and the next rebuild starts from an empty file', async () => {
    await oldReadModels();
    await expect(
      replaceReadModelFile(file, async (store) => {
        await store.commit(station('半', '5'));
        throw new Error('killed halfway');
      }),
    ).rejects.toThrow('killed halfway');
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
