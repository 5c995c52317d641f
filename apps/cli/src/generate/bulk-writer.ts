import { existsSync, renameSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EVENTS_SCHEMA } from '@sws/event-store';

/** One row of the log, as SqliteEventStore stores it (the position is the row's sequence number). */
export interface EventRow {
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  /** JSON text. */
  readonly data: string;
  readonly metadata: string;
}

/**
 * Writes a generated log into a new `events.db` with the store's own schema: rows gathered in
 * memory and inserted by one prepared statement in large transactions. It writes into
 * `events.db.partial` and renames it only once every row is in and the WAL is folded into the
 * file, so an interrupted generation leaves no half-made log where the service would open it.
 * Durability during the run is off (the file is not the service's until renamed).
 */
export class BulkEventWriter {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement;
  private readonly flushRows: (rows: readonly EventRow[]) => void;
  private pending: EventRow[] = [];
  private written = 0;
  private readonly partial: string;

  constructor(
    private readonly file: string,
    private readonly batchSize = 20_000,
  ) {
    if (existsSync(file)) throw new Error(`${file} exists already: generate into an empty data directory`);
    this.partial = `${file}.partial`;
    for (const leftover of [this.partial, `${this.partial}-wal`, `${this.partial}-shm`]) rmSync(leftover, { force: true });
    this.db = new Database(this.partial);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = OFF');
    this.db.pragma('cache_size = -262144');
    this.db.exec(EVENTS_SCHEMA);
    this.insert = this.db.prepare(
      `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    this.flushRows = this.db.transaction((rows: readonly EventRow[]) => {
      for (const row of rows) this.insert.run(row.eventId, row.streamId, row.revision, row.type, row.schemaVersion, row.data, row.metadata);
    });
  }

  get count(): number {
    return this.written + this.pending.length;
  }

  add(row: EventRow): void {
    this.pending.push(row);
    if (this.pending.length >= this.batchSize) this.flush();
  }

  flush(): void {
    if (this.pending.length === 0) return;
    this.flushRows(this.pending);
    this.written += this.pending.length;
    this.pending = [];
  }

  /** Writes what is left, makes the file durable and puts it in place as `events.db`. */
  finish(): void {
    this.flush();
    this.db.pragma('wal_checkpoint(TRUNCATE)');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('journal_mode = DELETE');
    this.db.close();
    renameSync(this.partial, this.file);
  }

  /** Drops the partial file (a failed generation). */
  abandon(): void {
    if (this.db.open) this.db.close();
    for (const leftover of [this.partial, `${this.partial}-wal`, `${this.partial}-shm`]) rmSync(leftover, { force: true });
  }
}
