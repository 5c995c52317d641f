import Database from 'better-sqlite3';
import { EventTypeRegistry } from '@sws/kernel';
import { CatchUpSubscription, WakeSignal } from './catch-up-subscription';
import { checkExpected, EventIdReused } from './errors';
import { sequencePositions, StoredRow, toRecordedEvent } from './stored-row';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  RecordedEvent,
  Subscription,
} from './event-store.port';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface SqliteEventStoreOptions {
  /** FULL (the default) makes an acknowledged append survive a power loss, not only a crash. */
  readonly synchronous?: SqliteSynchronous;
  /** How often a subscription looks for appends made by another process. */
  readonly pollMs?: number;
}

/** The log's one table; the store benchmark's raw baseline writes the same. */
export const EVENTS_SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position       INTEGER PRIMARY KEY,
    event_id       TEXT    NOT NULL UNIQUE,
    stream_id      TEXT    NOT NULL,
    revision       INTEGER NOT NULL,
    type           TEXT    NOT NULL,
    schema_version INTEGER NOT NULL,
    data           TEXT    NOT NULL,
    metadata       TEXT    NOT NULL,
    UNIQUE (stream_id, revision)
  );
`;

/**
 * The embedded event store: one SQLite file in WAL mode, one long-lived connection, prepared
 * statements reused. Positions are the rows' sequence numbers.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly wake = new WakeSignal();
  private readonly pollMs: number;
  private readonly statements;
  private readonly appendTransaction;

  constructor(
    file: string,
    private readonly registry: EventTypeRegistry,
    options: SqliteEventStoreOptions = {},
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('busy_timeout = 5000');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.exec(EVENTS_SCHEMA);
    this.pollMs = options.pollMs ?? 250;
    this.statements = {
      byEventId: this.db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
      streamRevision: this.db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?').pluck(),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      readStream: this.db.prepare(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision',
      ),
      readAll: this.db.prepare('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare('SELECT max(position) FROM events').pluck(),
    };
    this.appendTransaction = this.db.transaction(
      (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult => {
        const earlier = events.map(
          (event) =>
            this.statements.byEventId.get(event.metadata.eventId) as
              | { stream_id: string; revision: number; position: number }
              | undefined,
        );
        if (earlier[0]) {
          if (earlier.some((row) => !row || row.stream_id !== streamId)) throw new EventIdReused(streamId);
          const last = earlier[earlier.length - 1]!;
          return { nextRevision: last.revision, position: String(last.position) as Position };
        }
        if (earlier.some(Boolean)) throw new EventIdReused(streamId);
        const current = this.statements.streamRevision.get(streamId) as number | null;
        checkExpected(streamId, expected, current ?? 'no_stream');
        let revision = current ?? -1;
        let position = 0;
        for (const event of events) {
          revision += 1;
          const info = this.statements.insert.run(
            event.metadata.eventId,
            streamId,
            revision,
            event.type,
            this.registry.currentVersion(event.type),
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          );
          position = Number(info.lastInsertRowid);
        }
        return { nextRevision: revision, position: String(position) as Position };
      },
    );
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('an append needs at least one event');
    const result = this.appendTransaction.immediate(streamId, events, expected);
    this.wake.notify();
    return result;
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return (this.statements.readStream.all(streamId, fromRevision) as StoredRow[]).map((row) => toRecordedEvent(this.registry, row));
  }

  async readAll(after: Position | null, limit: number): Promise<RecordedEvent[]> {
    const from = after === null ? 0 : Number(after);
    return (this.statements.readAll.all(from, limit) as StoredRow[]).map((row) => toRecordedEvent(this.registry, row));
  }

  subscribe(after: Position | null): Subscription {
    return new CatchUpSubscription((from, limit) => this.readAll(from, limit), after, this.wake, {
      pollMs: this.pollMs,
    });
  }

  async headPosition(): Promise<Position | null> {
    const head = this.statements.head.get() as number | null;
    return head === null ? null : (String(head) as Position);
  }

  comparePositions(a: Position, b: Position): number {
    return sequencePositions.compare(a, b);
  }

  distance(from: Position | null, to: Position | null): number | null {
    // Positions are dense sequence numbers from 1.
    return Math.max(0, (to === null ? 0 : Number(to)) - (from === null ? 0 : Number(from)));
  }

  parsePosition(text: string): Position | null {
    return sequencePositions.parse(text);
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
