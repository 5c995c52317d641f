import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  assertContinues,
  Checkpoint,
  CollectionLayout,
  FIELD_NAME,
  ID_PREFIX_END,
  indexedValues,
  ListOptions,
  ReadModelBatch,
  ReadStore,
  UndeclaredIndex,
} from './read-store.port';

/**
 * The layout's version, kept in SQLite's user_version. Version 3 keeps a document's key apart from
 * its body: `documents` maps (collection code, id) to a row of `bodies`, so the id is stored once
 * (version 2 held it in its rowid table and again in the table's key index: 300 MB of the national
 * file) and a collection's name once, in `collections`. Bodies stay in a rowid table: documents are
 * often kilobytes, and a WITHOUT ROWID table stores such rows inefficiently (its interior pages hold
 * whole rows). A file of an older layout holds nothing the log cannot give back, so it is emptied
 * and every read model rebuilt on first use.
 */
const LAYOUT_VERSION = 3;

const OLD_LAYOUT_TABLES = ['documents', 'bodies', 'collections', 'document_index', 'indexed_fields', 'checkpoints'];

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS collections (
    code INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
  );
  CREATE TABLE IF NOT EXISTS bodies (
    body TEXT NOT NULL
  );
  CREATE TABLE IF NOT EXISTS documents (
    collection INTEGER NOT NULL,
    id         TEXT NOT NULL,
    body       INTEGER NOT NULL,
    PRIMARY KEY (collection, id)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS checkpoints (
    projection TEXT PRIMARY KEY,
    position   TEXT,
    version    INTEGER NOT NULL
  );
  CREATE TABLE IF NOT EXISTS indexed_fields (
    collection TEXT NOT NULL,
    field      TEXT NOT NULL,
    PRIMARY KEY (collection, field)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS document_index (
    collection INTEGER NOT NULL,
    field      TEXT NOT NULL,
    value      TEXT NOT NULL,
    id         TEXT NOT NULL,
    PRIMARY KEY (collection, field, value, id)
  ) WITHOUT ROWID;
  CREATE INDEX IF NOT EXISTS document_index_by_document ON document_index (collection, id);
`;

/**
 * The page size of a new read-model file (an existing one keeps its own). Documents are mostly one
 * to three kilobytes: 4 KiB pages left 16% of the national file empty (716 MB of 4.4 GB in the
 * documents table, from dbstat) and sent the larger documents to overflow pages.
 */
const PAGE_SIZE = 16_384;

/** Pages SQLite may keep in memory for a bulk load (KiB, as cache_size takes a negative number). */
const BULK_CACHE_KIB = 262_144;

export interface SqliteReadStoreOptions {
  /**
   * For a file no one else has open and that is thrown away if the process dies before it is
   * finished (see `replaceReadModelFile`): no journal, no fsync, one exclusive connection, a large
   * page cache. Closing it writes it out, fsynced, in WAL mode like any other.
   */
  readonly bulkLoad?: boolean;
}

/** A batch of ids for getMany: SQLite binds them as one JSON array. */
const GET_MANY_CHUNK = 500;

/**
 * Read models in one SQLite file beside the event log. The documents can always be rebuilt
 * from the log, and a checkpoint moves only with its documents in one transaction, so
 * `synchronous=NORMAL` suffices (no fsync per commit; WAL keeps the file consistent after a
 * crash, which can only take the read models back to an earlier consistent set of checkpoints).
 * Narrowed lists read an index table (collection, field, value, id) kept in the same transaction.
 */
export class SqliteReadStore implements ReadStore {
  private readonly db: Database.Database;
  private readonly statements;
  private readonly commitTransaction;
  private declared = new Map<string, readonly string[]>();
  private codes = new Map<string, number>();

  constructor(
    file: string,
    private readonly options: SqliteReadStoreOptions = {},
  ) {
    this.db = new Database(file);
    // Before the journal mode: a file in WAL mode cannot change its page size.
    this.db.pragma(`page_size = ${PAGE_SIZE}`);
    if (options.bulkLoad) {
      this.db.pragma('locking_mode = EXCLUSIVE');
      // better-sqlite3 opens connections in SQLite's defensive mode, which ignores journal_mode=OFF.
      this.db.unsafeMode(true);
      this.db.pragma('journal_mode = OFF');
      this.db.unsafeMode(false);
      this.db.pragma('synchronous = OFF');
      this.db.pragma(`cache_size = -${BULK_CACHE_KIB}`);
    } else {
      this.db.pragma('journal_mode = WAL');
      this.db.pragma('busy_timeout = 5000');
      this.db.pragma('synchronous = NORMAL');
    }
    this.createLayout();
    const withBody = 'FROM documents d JOIN bodies b ON b.rowid = d.body';
    this.statements = {
      get: this.db.prepare(`SELECT b.body ${withBody} WHERE d.collection = ? AND d.id = ?`).pluck(),
      getMany: this.db.prepare(`SELECT d.id AS id, b.body AS body ${withBody} WHERE d.collection = ? AND d.id IN (SELECT value FROM json_each(?))`),
      // A list's range has one lower bound, the tighter of "after" and the prefix (see `list`): given
      // both, SQLite may start the index range at the looser one and step over every id before.
      listAfter: this.db.prepare(`SELECT d.id AS id, b.body AS body ${withBody} WHERE d.collection = ? AND d.id > ? AND d.id < ? ORDER BY d.id LIMIT ?`),
      listFrom: this.db.prepare(`SELECT d.id AS id, b.body AS body ${withBody} WHERE d.collection = ? AND d.id >= ? AND d.id < ? ORDER BY d.id LIMIT ?`),
      listWhereAfter: this.db.prepare(`
        SELECT d.id AS id, b.body AS body FROM document_index i
        JOIN documents d ON d.collection = i.collection AND d.id = i.id JOIN bodies b ON b.rowid = d.body
        WHERE i.collection = ? AND i.field = ? AND i.value = ? AND i.id > ? AND i.id < ?
        ORDER BY i.id LIMIT ?`),
      listWhereFrom: this.db.prepare(`
        SELECT d.id AS id, b.body AS body FROM document_index i
        JOIN documents d ON d.collection = i.collection AND d.id = i.id JOIN bodies b ON b.rowid = d.body
        WHERE i.collection = ? AND i.field = ? AND i.value = ? AND i.id >= ? AND i.id < ?
        ORDER BY i.id LIMIT ?`),
      locate: this.db.prepare('SELECT body FROM documents WHERE collection = ? AND id = ?').pluck(),
      rewriteBody: this.db.prepare('UPDATE bodies SET body = ? WHERE rowid = ?'),
      addBody: this.db.prepare('INSERT INTO bodies (body) VALUES (?)'),
      addKey: this.db.prepare('INSERT INTO documents (collection, id, body) VALUES (?, ?, ?)'),
      deleteBody: this.db.prepare('DELETE FROM bodies WHERE rowid = ?'),
      deleteKey: this.db.prepare('DELETE FROM documents WHERE collection = ? AND id = ?'),
      unindex: this.db.prepare('DELETE FROM document_index WHERE collection = ? AND id = ?'),
      index: this.db.prepare('INSERT OR IGNORE INTO document_index (collection, field, value, id) VALUES (?, ?, ?, ?)'),
      deleteCollectionBodies: this.db.prepare('DELETE FROM bodies WHERE rowid IN (SELECT body FROM documents WHERE collection = ?)'),
      deleteCollection: this.db.prepare('DELETE FROM documents WHERE collection = ?'),
      unindexCollection: this.db.prepare('DELETE FROM document_index WHERE collection = ?'),
      collections: this.db.prepare('SELECT name, code FROM collections'),
      addCollection: this.db.prepare('INSERT OR IGNORE INTO collections (name) VALUES (?)'),
      checkpoint: this.db.prepare('SELECT position, version FROM checkpoints WHERE projection = ?'),
      checkpoints: this.db.prepare('SELECT projection, position, version FROM checkpoints'),
      saveCheckpoint: this.db.prepare('INSERT OR REPLACE INTO checkpoints (projection, position, version) VALUES (?, ?, ?)'),
      deleteCheckpoint: this.db.prepare('DELETE FROM checkpoints WHERE projection = ?'),
      declared: this.db.prepare('SELECT collection, field FROM indexed_fields ORDER BY collection, field'),
      declare: this.db.prepare('INSERT OR IGNORE INTO indexed_fields (collection, field) VALUES (?, ?)'),
      undeclare: this.db.prepare('DELETE FROM indexed_fields WHERE collection = ? AND field = ?'),
      dropField: this.db.prepare('DELETE FROM document_index WHERE collection = ? AND field = ?'),
      // What is stored already, indexed when a field is first declared: strings, and the strings of arrays.
      indexText: this.db.prepare(`
        INSERT OR IGNORE INTO document_index (collection, field, value, id)
        SELECT d.collection, ?, json_extract(b.body, ?), d.id ${withBody}
        WHERE d.collection = ? AND json_type(b.body, ?) = 'text'`),
      indexArray: this.db.prepare(`
        INSERT OR IGNORE INTO document_index (collection, field, value, id)
        SELECT d.collection, ?, j.value, d.id ${withBody}, json_each(b.body, ?) j
        WHERE d.collection = ? AND json_type(b.body, ?) = 'array' AND j.type = 'text'`),
    };
    this.loadDeclared();
    this.loadCollections();
    this.commitTransaction = this.db.transaction((batch: ReadModelBatch) => {
      assertContinues(batch, (projection) => (this.statements.checkpoint.get(projection) as Checkpoint | undefined) ?? null);
      for (const change of batch.changes) {
        const code = this.collectionCode(change.collection, true)!;
        const fields = this.declared.get(change.collection);
        if (fields !== undefined) this.statements.unindex.run(code, change.id);
        const body = this.statements.locate.get(code, change.id) as number | undefined;
        if (change.document === null) {
          if (body === undefined) continue;
          this.statements.deleteBody.run(body);
          this.statements.deleteKey.run(code, change.id);
          continue;
        }
        const json = JSON.stringify(change.document);
        if (body === undefined) this.statements.addKey.run(code, change.id, this.statements.addBody.run(json).lastInsertRowid);
        else this.statements.rewriteBody.run(json, body);
        for (const field of fields ?? []) {
          for (const value of indexedValues(change.document, field)) this.statements.index.run(code, field, value, change.id);
        }
      }
      for (const move of batch.checkpoints) this.statements.saveCheckpoint.run(move.projection, move.to, move.version);
    });
  }

  async prepare(collections: readonly CollectionLayout[]): Promise<void> {
    for (const layout of collections) {
      for (const field of layout.indexedFields) if (!FIELD_NAME.test(field)) throw new Error(`cannot index field ${field} of ${layout.name}`);
    }
    const declare = this.db.transaction(() => {
      this.loadDeclared();
      for (const layout of collections) {
        const code = this.collectionCode(layout.name, true)!;
        const before = new Set(this.declared.get(layout.name) ?? []);
        const after = new Set(layout.indexedFields);
        for (const field of before) {
          if (after.has(field)) continue;
          this.statements.dropField.run(code, field);
          this.statements.undeclare.run(layout.name, field);
        }
        for (const field of after) {
          if (before.has(field)) continue;
          const path = `$.${field}`;
          this.statements.indexText.run(field, path, code, path);
          this.statements.indexArray.run(field, path, code, path);
          this.statements.declare.run(layout.name, field);
        }
      }
      this.loadDeclared();
    });
    this.rollingBackCodes(() => declare.immediate());
  }

  async get<D>(collection: string, id: string): Promise<D | null> {
    const code = this.collectionCode(collection, false);
    if (code === undefined) return null;
    const body = this.statements.get.get(code, id) as string | undefined;
    return body === undefined ? null : (JSON.parse(body) as D);
  }

  async getMany<D>(collection: string, ids: readonly string[]): Promise<Map<string, D>> {
    const found = new Map<string, D>();
    const code = this.collectionCode(collection, false);
    if (code === undefined) return found;
    const unique = [...new Set(ids)];
    for (let start = 0; start < unique.length; start += GET_MANY_CHUNK) {
      const chunk = JSON.stringify(unique.slice(start, start + GET_MANY_CHUNK));
      for (const row of this.statements.getMany.all(code, chunk) as Array<{ id: string; body: string }>) {
        found.set(row.id, JSON.parse(row.body) as D);
      }
    }
    return found;
  }

  async list<D>(collection: string, options: ListOptions): Promise<Array<{ id: string; document: D }>> {
    const after = options.afterId ?? '';
    const from = options.idPrefix ?? '';
    const to = `${from}${ID_PREFIX_END}`;
    const where = options.where;
    if (where !== undefined && !this.declares(collection, where.field)) {
      // Another process (a projector) may have declared it since this one looked.
      this.loadDeclared();
      if (!this.declares(collection, where.field)) throw new UndeclaredIndex(collection, where.field);
    }
    const code = this.collectionCode(collection, false);
    if (code === undefined) return [];
    // Ids after `after` that begin with the prefix: past the prefix's start, "after" alone bounds them below.
    const pastStart = after >= from;
    const lower = pastStart ? after : from;
    const rows = (
      where === undefined
        ? (pastStart ? this.statements.listAfter : this.statements.listFrom).all(code, lower, to, options.limit)
        : (pastStart ? this.statements.listWhereAfter : this.statements.listWhereFrom).all(code, where.field, where.value, lower, to, options.limit)
    ) as Array<{ id: string; body: string }>;
    return rows.map((row) => ({ id: row.id, document: JSON.parse(row.body) as D }));
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    const row = this.statements.checkpoint.get(projection) as Checkpoint | undefined;
    return row ?? null;
  }

  async checkpoints(): Promise<Map<string, Checkpoint>> {
    const rows = this.statements.checkpoints.all() as Array<{ projection: string } & Checkpoint>;
    return new Map(rows.map((row) => [row.projection, { position: row.position, version: row.version }]));
  }

  async commit(batch: ReadModelBatch): Promise<void> {
    this.rollingBackCodes(() => this.commitTransaction.immediate(batch));
  }

  async reset(projection: string, collection: string): Promise<void> {
    this.db.transaction(() => {
      const code = this.collectionCode(collection, false);
      if (code !== undefined) {
        this.statements.deleteCollectionBodies.run(code);
        this.statements.deleteCollection.run(code);
        this.statements.unindexCollection.run(code);
      }
      this.statements.deleteCheckpoint.run(projection);
    }).immediate();
  }

  /**
   * Creates the tables, first emptying a file written with an older layout (see LAYOUT_VERSION):
   * its read models are then rebuilt from the log. One transaction, so processes opening the same
   * file at once see either the old layout or the whole new one.
   */
  private createLayout(): void {
    this.db
      .transaction(() => {
        const version = this.db.pragma('user_version', { simple: true }) as number;
        if (version < LAYOUT_VERSION) {
          for (const table of OLD_LAYOUT_TABLES) this.db.exec(`DROP TABLE IF EXISTS ${table}`);
          this.db.pragma(`user_version = ${LAYOUT_VERSION}`);
        }
        this.db.exec(SCHEMA);
      })
      .immediate();
  }

  /**
   * Copies every document, index entry, declared field and checkpoint of another read-model file
   * into this one, in one transaction: for a rebuild whose read models were folded in parts, each
   * into a file of its own. The parts hold different collections and projections; a clash throws.
   */
  absorb(file: string): void {
    this.db.prepare('ATTACH DATABASE ? AS part').run(file);
    try {
      this.db.transaction(() => {
        // The part numbers its collections and bodies on its own: names map its codes to this file's,
        // and its bodies' rows move past this file's last.
        const offset = this.db.prepare('SELECT coalesce(max(rowid), 0) FROM main.bodies').pluck().get() as number;
        const codes = 'JOIN part.collections pc ON pc.code = x.collection JOIN main.collections mc ON mc.name = pc.name';
        this.db.exec(`
          INSERT OR IGNORE INTO main.collections (name) SELECT name FROM part.collections;
          INSERT INTO main.bodies (rowid, body) SELECT rowid + ${offset}, body FROM part.bodies;
          INSERT INTO main.documents (collection, id, body) SELECT mc.code, x.id, x.body + ${offset} FROM part.documents x ${codes};
          INSERT INTO main.document_index (collection, field, value, id) SELECT mc.code, x.field, x.value, x.id FROM part.document_index x ${codes};
          INSERT INTO main.indexed_fields (collection, field) SELECT collection, field FROM part.indexed_fields;
          INSERT INTO main.checkpoints (projection, position, version) SELECT projection, position, version FROM part.checkpoints;`);
      })();
    } finally {
      this.db.exec('DETACH DATABASE part');
    }
    this.loadDeclared();
    this.loadCollections();
  }

  async close(): Promise<void> {
    if (!this.db.open) return;
    if (this.options.bulkLoad) {
      // Written out whole before it may take an older file's place; WAL from here on, as any other.
      this.db.pragma('synchronous = FULL');
      this.db.pragma('journal_mode = WAL');
    }
    this.db.close();
  }

  /** Closes a file that is being thrown away, without writing it out first (which a full disk may refuse). */
  discard(): void {
    if (this.db.open) this.db.close();
  }

  /**
   * A collection's code in this file. One another process (a projector) wrote first is learned on
   * a miss; `create` gives a new collection its code, inside the caller's write transaction.
   */
  private collectionCode(collection: string, create: boolean): number | undefined {
    const known = this.codes.get(collection);
    if (known !== undefined) return known;
    if (create) this.statements.addCollection.run(collection);
    this.loadCollections();
    return this.codes.get(collection);
  }

  /** Runs a write transaction; if it fails, the codes it gave new collections were rolled back with it. */
  private rollingBackCodes(write: () => void): void {
    try {
      write();
    } catch (error) {
      this.loadCollections();
      throw error;
    }
  }

  private loadCollections(): void {
    const rows = this.statements.collections.all() as Array<{ name: string; code: number }>;
    this.codes = new Map(rows.map((row) => [row.name, row.code]));
  }

  private declares(collection: string, field: string): boolean {
    return this.declared.get(collection)?.includes(field) ?? false;
  }

  private loadDeclared(): void {
    const declared = new Map<string, string[]>();
    for (const row of this.statements.declared.all() as Array<{ collection: string; field: string }>) {
      declared.set(row.collection, [...(declared.get(row.collection) ?? []), row.field]);
    }
    this.declared = declared;
  }
}

/** The files SQLite keeps beside a database in WAL or rollback mode. */
function sidecars(file: string): string[] {
  return [`${file}-wal`, `${file}-shm`, `${file}-journal`];
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Builds a whole new read-model file and puts it in the place of `file`, for a rebuild of every
 * read model. `build` fills a store in bulk-load mode opened on `<file>.rebuilding` (no journal,
 * no fsync per commit: several times faster); only when it has finished is that file fsynced and
 * renamed over `file`, so a crash at any moment leaves either the old read models, whole, or the
 * new ones. A half-built file left by a crash is deleted by the next rebuild; nothing else opens it.
 * No other process may have `file` open (stop the service first, as for any rebuild).
 */
export async function replaceReadModelFile<T>(file: string, build: (store: SqliteReadStore) => Promise<T>): Promise<T> {
  const building = `${file}.rebuilding`;
  for (const path of [building, ...sidecars(building)]) rmSync(path, { force: true });
  const store = new SqliteReadStore(building, { bulkLoad: true });
  let result: T;
  try {
    result = await build(store);
    await store.close();
  } catch (error) {
    // The half-built (or not written out) file is worth nothing, as the next rebuild starts afresh:
    // it goes, not to keep holding the disk, which may be what the build ran out of.
    store.discard();
    for (const path of [building, ...sidecars(building)]) rmSync(path, { force: true });
    throw error;
  }
  fsyncPath(building);
  if (existsSync(file)) {
    // Fold the old file's WAL into it and let SQLite remove it, so no stale WAL meets the new file.
    const old = new Database(file);
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
  }
  for (const path of sidecars(file)) rmSync(path, { force: true });
  renameSync(building, file);
  fsyncPath(dirname(file));
  return result;
}
