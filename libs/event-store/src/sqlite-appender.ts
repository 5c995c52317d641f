import Database from 'better-sqlite3';
import { checkExpected, EventIdReused } from './errors';
import { AppendResult, ExpectedRevision, Position } from './event-store.port';

/** An event as it is inserted: event id, type, schema version, data and metadata as JSON text. */
export type EventValues = readonly [eventId: string, type: string, schemaVersion: number, data: string, metadata: string];

/** One append of a group: its stream, the revision it expects, its events. */
export interface AppendValues {
  readonly streamId: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly EventValues[];
}

/** How an append of a group fared; `stored` is false for a retry answered as the first time (its events were stored before). */
export type Outcome =
  | { readonly ok: true; readonly result: AppendResult; readonly stored: boolean }
  | { readonly ok: false; readonly error: unknown };

type Appended = { readonly result: AppendResult; readonly stored: boolean };

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
 * Commits groups of appends on one connection: the group in one transaction, each append inside
 * a savepoint of its own, so that each is checked against its own expected revision and event
 * ids, sees the appends before it in the group, and when it fails is rolled back alone.
 */
export class SqliteAppender {
  private readonly statements;
  private readonly appendTransaction;
  private readonly groupTransaction;

  constructor(private readonly db: Database.Database) {
    this.statements = {
      byEventId: db.prepare('SELECT stream_id, revision, position FROM events WHERE event_id = ?'),
      streamRevision: db.prepare('SELECT max(revision) AS revision FROM events WHERE stream_id = ?').pluck(),
      insert: db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
    this.appendTransaction = db.transaction(({ streamId, expected, events }: AppendValues): Appended => {
      const earlier = events.map(
        ([eventId]) => this.statements.byEventId.get(eventId) as { stream_id: string; revision: number; position: number } | undefined,
      );
      if (earlier[0]) {
        // The same events again (a retried request): answered as the first time, nothing stored.
        if (earlier.some((row) => !row || row.stream_id !== streamId)) throw new EventIdReused(streamId);
        const last = earlier[earlier.length - 1]!;
        return { result: { nextRevision: last.revision, position: String(last.position) as Position }, stored: false };
      }
      if (earlier.some(Boolean)) throw new EventIdReused(streamId);
      const current = this.statements.streamRevision.get(streamId) as number | null;
      checkExpected(streamId, expected, current ?? 'no_stream');
      let revision = current ?? -1;
      let position = 0;
      for (const [eventId, type, schemaVersion, data, metadata] of events) {
        revision += 1;
        position = Number(this.statements.insert.run(eventId, streamId, revision, type, schemaVersion, data, metadata).lastInsertRowid);
      }
      return { result: { nextRevision: revision, position: String(position) as Position }, stored: true };
    });
    // Called inside groupTransaction, appendTransaction runs as a savepoint: a failing append
    // rolls back to where it began and leaves the others of the group in place.
    this.groupTransaction = db.transaction((group: readonly AppendValues[]): Outcome[] =>
      group.map((append): Outcome => {
        try {
          return { ok: true, ...this.appendTransaction(append) };
        } catch (error) {
          // SQLite rolls the whole transaction back on some errors (I/O, disk full): then the
          // appends before this one are gone too, and the group must fail as a whole.
          if (!this.db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  /**
   * Commits the group and says how each append fared; throws, with nothing of the group stored,
   * when the transaction as a whole cannot begin or commit.
   */
  commit(group: readonly AppendValues[]): Outcome[] {
    if (group.length > 1) return this.groupTransaction.immediate(group);
    // Alone, an append needs no savepoint: its own transaction is the group's.
    try {
      return [{ ok: true, ...this.appendTransaction.immediate(group[0]!) }];
    } catch (error) {
      return [{ ok: false, error }];
    }
  }
}
