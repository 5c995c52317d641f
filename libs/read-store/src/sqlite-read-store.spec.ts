import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from './sqlite-read-store';

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
});
