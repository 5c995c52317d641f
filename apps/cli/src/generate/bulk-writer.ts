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

/**
 * A batch for the writing thread: the text fields of its rows (event id, stream, type, data,
 * metadata) one after another as the UTF-8 the file stores, so that the writing thread binds
 * each field's bytes as they are and makes no string of them; where each field ends (in
 * bytes); and each row's two numbers (revision, schema version).
 */
export interface RowBatch {
  readonly text: ArrayBuffer;
  readonly ends: ArrayBuffer;
  readonly numbers: ArrayBuffer;
  readonly rows: number;
}

const TEXT_FIELDS = 5;

/**
 * Node's own UTF-8 encoder on every Buffer (what `write(text, offset, 'utf8')` calls after
 * checking its arguments), left out of the typings. Offsets here are always in range and the
 * room is checked before each row.
 */
type Utf8Buffer = Buffer & {
  utf8Write(text: string, offset: number): number;
};

/** The most UTF-8 bytes one UTF-16 code unit takes (a surrogate pair: 4 bytes for 2 units). */
const UTF8_PER_UNIT = 3;

/**
 * A log file being made: the store's schema, one prepared insert, a transaction per batch. The
 * `.partial` file is never opened by the service and is deleted by a new run when it is left
 * behind, so it is loaded with no journal and no syncs; `close` then syncs it to the disk and
 * leaves it in the rollback-journal mode the store switches to WAL when it opens it.
 */
export function openPartialLog(partial: string): {
  insertBatch(rows: readonly RowFields[]): void;
  insertRowBatch(batch: RowBatch): void;
  close(): void;
} {
  const db = new Database(partial);
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.pragma('locking_mode = EXCLUSIVE');
  db.pragma('cache_size = -262144');
  db.exec(EVENTS_SCHEMA);
  const insert = db.prepare(`INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)`);
  // The same row from UTF-8 bytes: bound as a blob and cast, SQLite stores them as TEXT,
  // byte for byte, as it stores a bound string once it has made its UTF-8.
  const insertBytes = db.prepare(
    `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata)
     VALUES (CAST(? AS TEXT), CAST(? AS TEXT), ?, CAST(? AS TEXT), ?, CAST(? AS TEXT), CAST(? AS TEXT))`,
  );
  const insertBatch = db.transaction((rows: readonly RowFields[]) => {
    for (const row of rows) insert.run(row[0], row[1], Number(row[2]), row[3], Number(row[4]), row[5], row[6]);
  });
  const insertRowBatch = db.transaction((batch: RowBatch): void => {
    const text = Buffer.from(batch.text);
    const ends = new Int32Array(batch.ends);
    const numbers = new Int32Array(batch.numbers);
    const field = (start: number, end: number): Buffer => text.subarray(start, end);
    let start = 0;
    for (let row = 0; row < batch.rows; row++) {
      const e = row * TEXT_FIELDS;
      const eventId = field(start, ends[e]);
      const streamId = field(ends[e], ends[e + 1]);
      const type = field(ends[e + 1], ends[e + 2]);
      const data = field(ends[e + 2], ends[e + 3]);
      const metadata = field(ends[e + 3], ends[e + 4]);
      start = ends[e + 4];
      insertBytes.run(eventId, streamId, numbers[2 * row], type, numbers[2 * row + 1], data, metadata);
    }
  });
  return {
    insertBatch,
    insertRowBatch,
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

/** The size of one batch's text handed to the writing thread, and the most rows it holds. */
const BATCH_BYTES = 16 * 1024 * 1024;
const BATCH_ROWS = 8192;

/**
 * Writes a generated log into a new `events.db` with the store's own schema: rows gathered in
 * memory and inserted by one prepared statement in large transactions, on a worker thread when
 * `threaded` (the compiled CLI; the generating thread then only writes rows' UTF-8 into buffers
 * it hands over without a copy). It writes into `events.db.partial` and renames it only once every
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
  private text: Utf8Buffer | null = null;
  private ends: Int32Array | null = null;
  private numbers: Int32Array | null = null;
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
      this.newBatch();
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
      const most = UTF8_PER_UNIT * (eventId.length + streamId.length + type.length + data.length + metadata.length);
      if (this.offset + most > BATCH_BYTES || this.bufferedRows === BATCH_ROWS) {
        this.flush();
        if (most > BATCH_BYTES) throw new Error(`an event of ${most} bytes does not fit a batch of ${BATCH_BYTES}`);
      }
      if (!Number.isSafeInteger(revision) || revision > 0x7fffffff || !Number.isSafeInteger(schemaVersion) || schemaVersion > 0x7fffffff) {
        throw new Error(`revision ${revision} or schema version ${schemaVersion} is not a 32-bit integer`);
      }
      const text = this.text!;
      const ends = this.ends!;
      const e = this.bufferedRows * TEXT_FIELDS;
      let o = this.offset;
      ends[e] = o += text.utf8Write(eventId, o);
      ends[e + 1] = o += text.utf8Write(streamId, o);
      ends[e + 2] = o += text.utf8Write(type, o);
      ends[e + 3] = o += text.utf8Write(data, o);
      ends[e + 4] = o += text.utf8Write(metadata, o);
      this.numbers![2 * this.bufferedRows] = revision;
      this.numbers![2 * this.bufferedRows + 1] = schemaVersion;
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
      const batch: RowBatch = { text: this.text!.buffer as ArrayBuffer, ends: this.ends!.buffer as ArrayBuffer, numbers: this.numbers!.buffer as ArrayBuffer, rows: this.bufferedRows };
      this.worker.postMessage(batch, [batch.text, batch.ends, batch.numbers]);
      this.posted += 1;
      this.written += this.bufferedRows;
      this.newBatch();
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

  private newBatch(): void {
    this.text = Buffer.allocUnsafeSlow(BATCH_BYTES) as Utf8Buffer;
    this.ends = new Int32Array(BATCH_ROWS * TEXT_FIELDS);
    this.numbers = new Int32Array(BATCH_ROWS * 2);
    this.offset = 0;
    this.bufferedRows = 0;
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
