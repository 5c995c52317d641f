import { closeSync, existsSync, fsyncSync, openSync, renameSync, rmSync } from 'node:fs';
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

/** Fields in a batch buffer: the seven of a row, each followed by a NUL byte (UTF-8 never holds one but for U+0000, which JSON escapes). */
const FIELDS = 7;
const NUL = 0;

/**
 * Node's own encoders on every Buffer (what `buffer.write(text, offset, encoding)` calls after
 * checking its arguments), left out of the typings. Offsets here are always in range and the
 * room is checked before each row, so the checks are skipped.
 */
type EncodingBuffer = Buffer & {
  utf8Write(text: string, offset: number): number;
  latin1Write(text: string, offset: number): number;
};

/** The decoder `buffer.toString('utf8', start, end)` calls, likewise. */
type DecodingBuffer = Buffer & { utf8Slice(start: number, end: number): string };

/**
 * A log file being made: the store's schema, one prepared insert, a transaction per batch. The
 * `.partial` file is never opened by the service and is deleted by a new run when it is left
 * behind, so it is loaded with no journal and no syncs; `close` then syncs it to the disk and
 * leaves it in the rollback-journal mode the store switches to WAL when it opens it.
 */
export function openPartialLog(partial: string): {
  insertBatch(rows: readonly RowFields[]): void;
  insertBuffer(buffer: Buffer, length: number): number;
  close(): void;
} {
  const db = new Database(partial);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -262144');
  db.exec(EVENTS_SCHEMA);
  const insert = db.prepare(`INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const insertBatch = db.transaction((rows: readonly RowFields[]) => {
    for (const row of rows) insert.run(row[0], row[1], Number(row[2]), row[3], Number(row[4]), row[5], row[6]);
  });
  const fields: string[] = new Array<string>(FIELDS);
  const insertBuffer = db.transaction((whole: Buffer, length: number): number => {
    const buffer = whole as DecodingBuffer;
    let rows = 0;
    let start = 0;
    while (start < length) {
      for (let f = 0; f < FIELDS; f++) {
        const end = buffer.indexOf(NUL, start);
        if (end < 0 || end >= length) throw new Error('a batch of rows ends inside a row');
        fields[f] = buffer.utf8Slice(start, end);
        start = end + 1;
      }
      insert.run(fields[0], fields[1], Number(fields[2]), fields[3], Number(fields[4]), fields[5], fields[6]);
      rows += 1;
    }
    return rows;
  });
  return {
    insertBatch,
    insertBuffer,
    close() {
      db.pragma('locking_mode = NORMAL');
      db.pragma('journal_mode = DELETE');
      db.close();
      // Durable before it is put where the service opens it (no journal, so nothing else made it so).
      const fd = openSync(partial, 'r+');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    },
  };
}

/** At most this many batches wait for the writing thread: memory stays bounded whatever the log's size. */
const MAX_IN_FLIGHT = 3;

/** The size of one batch buffer handed to the writing thread (its rows' fields as UTF-8). */
const BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Writes a generated log into a new `events.db` with the store's own schema: rows gathered in
 * memory and inserted by one prepared statement in large transactions, on a worker thread when
 * `threaded` (the compiled CLI; the generating thread then only encodes rows into a buffer it
 * hands over without a copy). It writes into `events.db.partial` and renames it only once every
 * row is in and the file is synced, so an interrupted generation leaves no half-made log where
 * the service would open it.
 */
export class BulkEventWriter {
  private readonly partial: string;
  private pendingRows: RowFields[] = [];
  private written = 0;
  private readonly local: ReturnType<typeof openPartialLog> | null = null;
  private readonly worker: Worker | null = null;
  private readonly counters: Int32Array | null = null;
  private posted = 0;
  private buffer: Buffer | null = null;
  private offset = 0;
  private bufferedRows = 0;

  constructor(
    private readonly file: string,
    options: { readonly threaded?: boolean; readonly batchSize?: number } = {},
  ) {
    this.batchSize = options.batchSize ?? 20_000;
    if (existsSync(file)) throw new Error(`${file} exists already: generate into an empty data directory`);
    this.partial = `${file}.partial`;
    this.removePartial();
    const threadFile = join(__dirname, 'bulk-writer-thread.js');
    if (options.threaded && existsSync(threadFile)) {
      const shared = new SharedArrayBuffer(8);
      this.counters = new Int32Array(shared);
      this.worker = new Worker(threadFile, { workerData: { partial: this.partial, file, shared } });
      this.worker.unref();
      this.buffer = Buffer.allocUnsafeSlow(BATCH_BYTES);
    } else {
      this.local = openPartialLog(this.partial);
    }
  }

  private readonly batchSize: number;

  get threaded(): boolean {
    return this.worker !== null;
  }

  get count(): number {
    return this.written + (this.worker ? this.bufferedRows : this.pendingRows.length);
  }

  add(row: EventRow): void {
    this.addFields(row.eventId, row.streamId, row.revision, row.type, row.schemaVersion, row.data, row.metadata);
  }

  /** `add` without the row object: the generator's path, one call per event. */
  addFields(eventId: string, streamId: string, revision: number, type: string, schemaVersion: number, data: string, metadata: string): void {
    if (this.worker) {
      // At most 3 UTF-8 bytes per UTF-16 unit, two numbers of at most 16 digits, and a NUL after each field.
      const most = 3 * (eventId.length + streamId.length + type.length + data.length + metadata.length) + 32 + FIELDS;
      if (this.offset + most > BATCH_BYTES) {
        this.flush();
        if (most > BATCH_BYTES) throw new Error(`an event of ${most} bytes does not fit a batch of ${BATCH_BYTES}`);
      }
      const b = this.buffer as EncodingBuffer;
      let o = this.offset;
      o += b.latin1Write(eventId, o);
      b[o++] = NUL;
      o += b.utf8Write(streamId, o);
      b[o++] = NUL;
      o += b.latin1Write(String(revision), o);
      b[o++] = NUL;
      o += b.utf8Write(type, o);
      b[o++] = NUL;
      o += b.latin1Write(String(schemaVersion), o);
      b[o++] = NUL;
      o += b.utf8Write(data, o);
      b[o++] = NUL;
      o += b.utf8Write(metadata, o);
      b[o++] = NUL;
      this.offset = o;
      this.bufferedRows += 1;
    } else {
      this.pendingRows.push([eventId, streamId, revision, type, schemaVersion, data, metadata]);
      if (this.pendingRows.length >= this.batchSize) this.flush();
    }
  }

  flush(): void {
    if (this.worker) {
      if (this.bufferedRows === 0) return;
      this.waitUntilDone(this.posted - MAX_IN_FLIGHT + 1);
      const buffer = this.buffer!;
      this.worker.postMessage({ buffer: buffer.buffer, length: this.offset, rows: this.bufferedRows }, [buffer.buffer as ArrayBuffer]);
      this.posted += 1;
      this.written += this.bufferedRows;
      this.bufferedRows = 0;
      this.offset = 0;
      this.buffer = Buffer.allocUnsafeSlow(BATCH_BYTES);
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
    for (const leftover of [this.partial, `${this.partial}-wal`, `${this.partial}-shm`, `${this.partial}-journal`]) rmSync(leftover, { force: true });
  }
}
