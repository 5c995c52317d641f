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

/** What a reader takes of a row (`StoredRow`); the store benchmark's raw baseline reads the same. */
export const STORED_COLUMNS = 'position, stream_id, revision, type, schema_version, data, metadata';

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

/** An append waiting for the group it will be committed with. */
interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly ok: true; readonly result: AppendResult } | { readonly ok: false; readonly error: unknown };

/** The most appends one commit takes; the rest go into the next one. */
const MAX_GROUP = 512;

/** How many events of streams read lately the store keeps parsed (see readStream). */
const KEPT_EVENTS = 50_000;
/** A longer stream is read from the file each time (its readers ask for its tail: reservation keys). */
const KEPT_STREAM_EVENTS = 2_000;

/** What a kept stream counts against KEPT_EVENTS: its events, and one for a stream found empty. */
const keptCost = (events: readonly RecordedEvent[]) => Math.max(1, events.length);

/**
 * The embedded event store: one SQLite file in WAL mode, one long-lived connection, prepared
 * statements reused. Positions are the rows' sequence numbers.
 *
 * Group commit: an append is queued, and the appends queued within one turn of the event loop
 * (better-sqlite3 is synchronous, so those are the ones that arrived while the previous commit was
 * being made) are written in one transaction, each inside a savepoint of its own: each is checked
 * against its own expected revision and event ids, sees the appends before it in the group, and
 * when it fails is rolled back alone. Every caller is answered only after the transaction
 * committed, i.e. (at synchronous=FULL) after the fsync; if the commit fails, every append of the
 * group fails and nothing of it is stored.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly wake = new WakeSignal();
  private readonly pollMs: number;
  private readonly statements;
  private readonly appendTransaction;
  private readonly groupTransaction;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private committed = { appends: 0, commits: 0 };
  private readonly appendWatchers = new Set<() => void>();
  /**
   * Streams read lately, as parsed events, the most recently read last; `verifiedAt` is the file's
   * data version when their tail was last read from it (-1 once this connection appended to them).
   */
  private readonly kept = new Map<string, { readonly events: RecordedEvent[]; verifiedAt: number }>();
  private keptEvents = 0;
  private turnVersion: number | null = null;

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
      // A StoredRow's columns: the event id is read from the metadata, which holds it too.
      readStream: this.db.prepare(`SELECT ${STORED_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
      readAll: this.db.prepare(`SELECT ${STORED_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      head: this.db.prepare('SELECT max(position) FROM events').pluck(),
      // Changes whenever another connection commits to the file (never for this connection's own commits).
      dataVersion: this.db.prepare('PRAGMA data_version').pluck(),
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
    // Called inside groupTransaction, appendTransaction runs as a savepoint: a failing append
    // rolls back to where it began and leaves the others of the group in place.
    this.groupTransaction = this.db.transaction((group: readonly PendingAppend[]): Outcome[] =>
      group.map((pending): Outcome => {
        try {
          return { ok: true, result: this.appendTransaction(pending.streamId, pending.events, pending.expected) };
        } catch (error) {
          // SQLite rolls the whole transaction back on some errors (I/O, disk full): then the
          // appends before this one are gone too, and the group must fail as a whole.
          if (!this.db.inTransaction) throw error;
          return { ok: false, error };
        }
      }),
    );
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('an append needs at least one event'));
    if (!this.db.open) return Promise.reject(new TypeError('The database connection is not open'));
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expected, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** Commits what is queued, in groups, and answers each caller after its group committed. */
  private flush(): void {
    this.flushScheduled = false;
    while (this.queue.length > 0) {
      const group = this.queue.length <= MAX_GROUP ? this.queue : this.queue.slice(0, MAX_GROUP);
      this.queue = this.queue.length <= MAX_GROUP ? [] : this.queue.slice(MAX_GROUP);
      let outcomes: Outcome[];
      if (group.length === 1) {
        // Alone, an append needs no savepoint: its own transaction is the group's.
        const [only] = group as [PendingAppend];
        try {
          outcomes = [{ ok: true, result: this.appendTransaction.immediate(only.streamId, only.events, only.expected) }];
        } catch (error) {
          outcomes = [{ ok: false, error }];
        }
      } else {
        try {
          outcomes = this.groupTransaction.immediate(group);
        } catch (error) {
          group.forEach((pending) => pending.reject(error));
          continue;
        }
      }
      this.committed = { appends: this.committed.appends + group.length, commits: this.committed.commits + 1 };
      // A kept stream this connection appended to has a tail to read again.
      outcomes.forEach((outcome, i) => {
        const kept = outcome.ok ? this.kept.get(group[i]!.streamId) : undefined;
        if (kept !== undefined) kept.verifiedAt = -1;
      });
      if (outcomes.some((outcome) => outcome.ok)) {
        this.wake.notify();
        this.appendWatchers.forEach((watcher) => watcher());
      }
      outcomes.forEach((outcome, i) => (outcome.ok ? group[i]!.resolve(outcome.result) : group[i]!.reject(outcome.error)));
    }
  }

  /** Calls `watcher` after each commit that stored events (a projection thread is told to look); returns what stops it. */
  watchAppends(watcher: () => void): () => void {
    this.appendWatchers.add(watcher);
    return () => this.appendWatchers.delete(watcher);
  }

  /**
   * Another connection to the same file has just committed events (the service's writing thread,
   * telling a projection thread): subscriptions look at once instead of at their next poll.
   */
  appendedElsewhere(): void {
    this.wake.notify();
  }

  /** Appends answered and the transactions they took, since the store was opened (benchmarks print the ratio). */
  commitStats(): { readonly appends: number; readonly commits: number } {
    return this.committed;
  }

  /**
   * A stream only grows and its revisions are dense from 0, so the events of a stream read lately
   * (or found empty) are kept parsed and only its tail is read again: a command reading the
   * records it checks (often the same few) costs at most one indexed lookup that finds nothing
   * new, not a parse of their JSON, and none at all while no other connection has committed to the
   * file since the tail was read (SQLite's data version says, see dataVersion) and this one has not
   * appended to the stream. Reads see committed events only (appends are committed synchronously, outside any
   * read), whichever process wrote them. Callers get a fresh array of shared, never changed, events.
   */
  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const kept = this.kept.get(streamId);
    if (kept === undefined && fromRevision > 0) return this.readRows(streamId, fromRevision);
    const version = this.dataVersion();
    let events: RecordedEvent[];
    if (kept !== undefined && kept.verifiedAt === version) events = kept.events;
    else {
      const known = kept?.events ?? [];
      const tail = this.readRows(streamId, known.length);
      events = tail.length === 0 ? known : known.concat(tail);
    }
    if (kept !== undefined) {
      this.kept.delete(streamId);
      this.keptEvents -= keptCost(kept.events);
    }
    if (events.length <= KEPT_STREAM_EVENTS) {
      this.kept.set(streamId, { events, verifiedAt: version });
      this.keptEvents += keptCost(events);
      for (const [oldest, dropped] of this.kept) {
        if (this.keptEvents <= KEPT_EVENTS) break;
        this.kept.delete(oldest);
        this.keptEvents -= keptCost(dropped.events);
      }
    }
    return events.slice(fromRevision);
  }

  /**
   * The file's data version as this turn of the event loop first read it (reading it costs about
   * what an indexed lookup does): reads in one turn see the file at least as it was when the turn
   * began, as if they had all been made then, and a commit by another connection makes the next
   * turn look again. Every write checks what it read by its expected revision, so a read a few
   * milliseconds old costs at most a retry.
   */
  private dataVersion(): number {
    if (this.turnVersion === null) {
      this.turnVersion = this.statements.dataVersion.get() as number;
      setImmediate(() => (this.turnVersion = null));
    }
    return this.turnVersion;
  }

  private readRows(streamId: string, fromRevision: number): RecordedEvent[] {
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
    // Appends already queued are committed (and answered) before the connection closes.
    if (this.db.open) this.flush();
    if (this.db.open) this.db.close();
  }
}
