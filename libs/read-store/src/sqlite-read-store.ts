import Database from 'better-sqlite3';
import { Checkpoint, DocumentChange, ListOptions, ReadStore } from './read-store.port';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS documents (
    collection TEXT NOT NULL,
    id         TEXT NOT NULL,
    body       TEXT NOT NULL,
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    position   TEXT,
    version    INTEGER NOT NULL
  );
`;

function jsonPathArguments(where: { field: string; value: string }): string[] {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(where.field)) throw new Error(`cannot filter on field ${where.field}`);
  const path = `$.${where.field}`;
  return [path, path, where.value, path, where.value];
}

/**
 * Read models in one SQLite file beside the event log. The documents can always be rebuilt
 * from the log, and a checkpoint moves only with its documents, so NORMAL durability suffices:
 * a power loss can only take the read model back to an earlier consistent checkpoint.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly commitTransaction;

  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(SCHEMA);
    this.statements = {
      get: this.db.prepare('SELECT body FROM documents WHERE collection = ? AND id = ?').pluck(),
      list: this.db.prepare('SELECT id, body FROM documents WHERE collection = ? AND id > ? ORDER BY id LIMIT ?'),
      // Equality on a top-level field, or membership when it holds an array (MongoDB's semantics).
      listWhere: this.db.prepare(`
        SELECT id, body FROM documents
        WHERE collection = ? AND id > ?
          AND (CASE json_type(body, ?)
                 WHEN 'array' THEN EXISTS (SELECT 1 FROM json_each(body, ?) WHERE json_each.value = ?)
                 ELSE json_extract(body, ?) = ?
               END)
        ORDER BY id LIMIT ?`),
      put: this.db.prepare('INSERT OR REPLACE INTO documents (collection, id, body) VALUES (?, ?, ?)'),
      delete: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      deleteCollection: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
      checkpoint: this.db.prepare('SELECT position, version FROM checkpoints WHERE projection = ?'),
      saveCheckpoint: this.db.prepare(
        'INSERT OR REPLACE INTO checkpoints (projection, position, version) VALUES (?, ?, ?)',
      ),
      deleteCheckpoint: this.db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
    };
    this.commitTransaction = this.db.transaction(
      (projection: string, version: number, changes: readonly DocumentChange[], position: string | null) => {
        for (const change of changes) {
          if (change.document === null) this.statements.delete.run(change.collection, change.id);
          else this.statements.put.run(change.collection, change.id, JSON.stringify(change.document));
        }
        this.statements.saveCheckpoint.run(projection, position, version);
      },
    );
  }

  async get<D>(collection: string, id: string): Promise<D | null> {
    const body = this.statements.get.get(collection, id) as string | undefined;
    return body === undefined ? null : (JSON.parse(body) as D);
  }

  async getMany<D>(collection: string, ids: readonly string[]): Promise<Map<string, D>> {
    const found = new Map<string, D>();
    for (const id of new Set(ids)) {
      const document = await this.get<D>(collection, id);
      if (document !== null) found.set(id, document);
    }
    return found;
  }

  async list<D>(collection: string, options: ListOptions): Promise<Array<{ id: string; document: D }>> {
    const after = options.afterId ?? '';
    const where = options.where;
    const rows = (
      where === undefined
        ? this.statements.list.all(collection, after, options.limit)
        : this.statements.listWhere.all(collection, after, ...jsonPathArguments(where), options.limit)
    ) as Array<{ id: string; body: string }>;
    return rows.map((row) => ({ id: row.id, document: JSON.parse(row.body) as D }));
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    const row = this.statements.checkpoint.get(projection) as Checkpoint | undefined;
    return row ?? null;
  }

  async commit(
    projection: string,
    version: number,
    changes: readonly DocumentChange[],
    position: string | null,
  ): Promise<void> {
    this.commitTransaction.immediate(projection, version, changes, position);
  }

  async reset(projection: string, collection: string): Promise<void> {
    this.db.transaction(() => {
      this.statements.deleteCollection.run(collection);
      this.statements.deleteCheckpoint.run(projection);
    }).immediate();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
