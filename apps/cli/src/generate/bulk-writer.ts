import { existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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

/** Fields of a row in the order of the insert: event id, stream, revision, type, schema version, data, metadata. */
export type RowFields = readonly (string | number)[];

/** A log file being made: the store's schema, one prepared insert, a transaction per batch, durability off. */
export function openPartialLog(partial: string): { insertBatch(rows: readonly RowFields[]): void; close(): void } {
  const db = new Database(partial);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  db.exec(EVENTS_SCHEMA);
  const insert = db.prepare(`INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertBatch = db.transaction((rows: readonly RowFields[]) => {
    for (const row of rows) insert.run(row[0], row[1], Number(row[2]), row[3], Number(row[4]), row[5], row[6]);
  });
  return {
    insertBatch,
    close() {
      // Fold the WAL into the file and make it durable before it is put where the service opens it.
      db.pragma('wal_checkpoint(TRUNCATE)');
      db.pragma('synchronous = FULL');
      db.pragma('journal_mode = DELETE');
      db.close();
    },
  };
}

/** At most this many batches wait for the writing thread: memory stays bounded whatever the log's size. */
const MAX_IN_FLIGHT = 3;

/**
 * Writes a generated log into a new `events.db` with the store's own schema: rows gathered in
 * memory and inserted by one prepared statement in large transactions, on a worker thread when
 * `threaded` (the compiled CLI; the generating thread then only builds rows). It writes into
 * `events.db.partial` and renames it only once every row is in and the WAL is folded into the
 * file, so an interrupted generation leaves no half-made log where the service would open it.
 */
export class BulkEventWriter {
  private readonly partial: string;
  private pending: string[] = [];
  private pendingRows: RowFields[] = [];
  private written = 0;
  private readonly local: ReturnType<typeof openPartialLog> | null = null;
  private readonly worker: Worker | null = null;
  private readonly counters: Int32Array | null = null;
  private posted = 0;

  constructor(
    private readonly file: string,
    options: { readonly threaded?: boolean; readonly batchSize?: number } = {},
  ) {
    this.batchSize = options.batchSize ?? (options.threaded ? 2_000 : 20_000);
    if (existsSync(file)) throw new Error(`${file} exists already: generate into an empty data directory`);
    this.partial = `${file}.partial`;
    this.removePartial();
    const threadFile = join(__dirname, 'bulk-writer-thread.js');
    if (options.threaded && existsSync(threadFile)) {
      const shared = new SharedArrayBuffer(8);
      this.counters = new Int32Array(shared);
      this.worker = new Worker(threadFile, { workerData: { partial: this.partial, file, shared } });
      this.worker.unref();
    } else {
      this.local = openPartialLog(this.partial);
    }
  }

  private readonly batchSize: number;

  get threaded(): boolean {
    return this.worker !== null;
  }

  get count(): number {
    return this.written + (this.worker ? this.pending.length : this.pendingRows.length);
  }

  add(row: EventRow): void {
    if (this.worker) {
      this.pending.push(`${row.eventId}\u0000${row.streamId}\u0000${row.revision}\u0000${row.type}\u0000${row.schemaVersion}\u0000${row.data}\u0000${row.metadata}`);
      if (this.pending.length >= this.batchSize) this.flush();
    } else {
      this.pendingRows.push([row.eventId, row.streamId, row.revision, row.type, row.schemaVersion, row.data, row.metadata]);
      if (this.pendingRows.length >= this.batchSize) this.flush();
    }
  }

  flush(): void {
    if (this.worker) {
      if (this.pending.length === 0) return;
      this.waitUntilDone(this.posted - MAX_IN_FLIGHT + 1);
      this.worker.postMessage({ rows: this.pending.join('\u0001') });
      this.posted += 1;
      this.written += this.pending.length;
      this.pending = [];
    } else {
      if (this.pendingRows.length === 0) return;
      this.local!.insertBatch(this.pendingRows);
      this.written += this.pendingRows.length;
      this.pendingRows = [];
    }
  }

  /** Writes what is left, makes the file durable and puts it in place as `events.db`. */
  finish(): void {
    this.flush();
    if (this.worker) {
      this.worker.postMessage({ finish: true });
      this.posted += 1;
      this.waitUntilDone(this.posted);
    } else {
      this.local!.close();
      renameSync(this.partial, this.file);
    }
  }

  /** Drops the partial file (a failed generation). */
  abandon(): void {
    if (this.worker) void this.worker.terminate();
    else {
      try {
        this.local!.close();
      } catch {
        // closed already
      }
    }
    this.removePartial();
  }

  /** Blocks until the writing thread has finished `batches` batches; throws if it failed. */
  private waitUntilDone(batches: number): void {
    const counters = this.counters!;
    for (;;) {
      if (Atomics.load(counters, 1) !== 0) throw new Error('the log writer thread failed (see its message above)');
      const done = Atomics.load(counters, 0);
      if (done >= batches) return;
      Atomics.wait(counters, 0, done, 1000);
    }
  }

  private removePartial(): void {
    for (const leftover of [this.partial, `${this.partial}-wal`, `${this.partial}-shm`]) rmSync(leftover, { force: true });
  }
}
