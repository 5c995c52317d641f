import Database from 'better-sqlite3';
import { EventTypeRegistry } from '@sws/kernel';
import { CatchUpSubscription, WakeSignal } from './catch-up-subscription';
import { AppendValues, EVENTS_SCHEMA, Outcome, SqliteAppender } from './sqlite-appender';
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

export { EVENTS_SCHEMA } from './sqlite-appender';

export type SqliteSynchronous = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

export interface SqliteEventStoreOptions {
  /** FULL (the default) makes an acknowledged append survive a power loss, not only a crash. */
  readonly synchronous?: SqliteSynchronous;
  /** How often a subscription looks for appends made by another process. */
  readonly pollMs?: number;
  /** How long a write waits for another process's write lock (5 s by default). */
  readonly busyTimeoutMs?: number;
}

/** What a reader takes of a row (`StoredRow`); the store benchmark's raw baseline reads the same. */
export const STORED_COLUMNS = 'position, stream_id, revision, type, schema_version, data, metadata';

/** An append waiting for the group it will be committed with. */
interface PendingAppend {
  readonly values: AppendValues;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** The most appends one commit takes; the rest go into the next one. */
const MAX_GROUP = 512;

/** How many events of streams read lately the store keeps parsed (see readStream). */
const KEPT_EVENTS = 50_000;
/** A longer stream is read from the file each time (its readers ask for its tail: reservation keys). */
const KEPT_STREAM_EVENTS = 2_000;

/** How many streams one statement of readStreams reads. */
const READ_STREAMS_CHUNK = 500;

/** What a kept stream counts against KEPT_EVENTS: its events, and one for a stream found empty. */
const keptCost = (events: readonly RecordedEvent[]) => Math.max(1, events.length);

/**
 * The embedded event store: one SQLite file in WAL mode, one long-lived connection, prepared
 * statements reused. Positions are the rows' sequence numbers.
 *
 * Group commit: an append is queued, and the appends queued while the previous commit was being
 * made are written together in one transaction (SqliteAppender: each checked against its own
 * expected revision and event ids, in a savepoint of its own). Every caller is answered only
 * after the transaction committed, i.e. (at synchronous=FULL) after the fsync; if the commit
 * fails, every append of the group fails and nothing of it is stored.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly wake = new WakeSignal();
  private readonly pollMs: number;
  private readonly statements;
  /** Made at the first append (most connections only read). */
  private appender: SqliteAppender | null = null;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private committed = { appends: 0, commits: 0 };
  private readonly appendWatchers = new Set<() => void>();
  /**
   * Streams read lately, as parsed events, the most recently read last; `current` says no commit
   * has touched the stream since its tail was last read, as far as this connection knows (see
   * lookAtCommits).
   */
  private readonly kept = new Map<string, { readonly events: RecordedEvent[]; current: boolean }>();
  private keptEvents = 0;
  /** The file's data version and head position when this connection last looked at others' commits. */
  private seen: { version: number; position: number };
  private lookedThisTurn = false;

  constructor(
    file: string,
    private readonly registry: EventTypeRegistry,
    options: SqliteEventStoreOptions = {},
  ) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`busy_timeout = ${options.busyTimeoutMs ?? 5000}`);
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.exec(EVENTS_SCHEMA);
    this.pollMs = options.pollMs ?? 250;
    this.statements = {
      // A StoredRow's columns: the event id is read from the metadata, which holds it too.
      readStream: this.db.prepare(`SELECT ${STORED_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`),
      // Several streams at once, as a JSON array of their ids, each in revision order.
      readStreams: this.db.prepare(`SELECT ${STORED_COLUMNS} FROM events WHERE stream_id IN (SELECT value FROM json_each(?)) ORDER BY stream_id, revision`),
      readAll: this.db.prepare(`SELECT ${STORED_COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`),
      head: this.db.prepare('SELECT max(position) FROM events').pluck(),
      // The types of a range of positions, without the rows' data: a few hundred cost microseconds.
      typesBetween: this.db.prepare('SELECT type FROM events WHERE position > ? AND position <= ? ORDER BY position LIMIT ?').pluck(),
      touchedSince: this.db.prepare('SELECT DISTINCT stream_id FROM events WHERE position > ?').pluck(),
      // Changes whenever another connection commits to the file (never for this connection's own commits).
      dataVersion: this.db.prepare('PRAGMA data_version').pluck(),
    };
    this.seen = { version: this.statements.dataVersion.get() as number, position: (this.statements.head.get() as number | null) ?? 0 };
  }

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) return Promise.reject(new Error('an append needs at least one event'));
    if (!this.db.open) return Promise.reject(new TypeError('The database connection is not open'));
    let values: AppendValues;
    try {
      values = {
        streamId,
        expected,
        events: events.map((event) => [
          event.metadata.eventId,
          event.type,
          this.registry.currentVersion(event.type),
          JSON.stringify(event.data),
          JSON.stringify(event.metadata),
        ]),
      };
    } catch (error) {
      // An unregistered type, data that is not JSON: refused before it joins a group.
      return Promise.reject(error);
    }
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ values, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /** The next group of what is queued. */
  private nextGroup(): PendingAppend[] {
    const group = this.queue.length <= MAX_GROUP ? this.queue : this.queue.slice(0, MAX_GROUP);
    this.queue = this.queue.length <= MAX_GROUP ? [] : this.queue.slice(MAX_GROUP);
    return group;
  }

  /** Commits what is queued, in groups, and answers each caller after its group committed. */
  private flush(): void {
    this.flushScheduled = false;
    this.appender ??= new SqliteAppender(this.db);
    while (this.queue.length > 0) {
      const group = this.nextGroup();
      let outcomes: Outcome[];
      try {
        outcomes = this.appender.commit(group.map((pending) => pending.values));
      } catch (error) {
        group.forEach((pending) => pending.reject(error));
        continue;
      }
      this.settle(group, outcomes);
    }
  }

  private settle(group: readonly PendingAppend[], outcomes: readonly Outcome[]): void {
    this.committed = { appends: this.committed.appends + group.length, commits: this.committed.commits + 1 };
    outcomes.forEach((outcome, i) => {
      if (outcome.ok) this.keepAppended(group[i]!.values, outcome.result, outcome.stored);
    });
    this.passOwnCommits();
    if (outcomes.some((outcome) => outcome.ok)) {
      this.wake.notify();
      this.appendWatchers.forEach((watcher) => watcher());
    }
    outcomes.forEach((outcome, i) => (outcome.ok ? group[i]!.resolve(outcome.result) : group[i]!.reject(outcome.error)));
  }

  /**
   * What this connection just stored is kept as it will be read: the stream is known to have held
   * exactly the events before them when they were committed, so a kept stream of that length, or
   * a new stream, goes on being kept without a read of the file. Any other kept stream appended to
   * has a tail to read again (another connection appended to it first).
   */
  private keepAppended(values: AppendValues, result: AppendResult, stored: boolean): void {
    // A retry answered as the first time changed nothing.
    if (!stored) return;
    const { streamId, events } = values;
    const kept = this.kept.get(streamId);
    const first = result.nextRevision - events.length + 1;
    const before = kept === undefined ? (first === 0 ? [] : null) : kept.events.length === first ? kept.events : null;
    if (before === null) {
      if (kept !== undefined) kept.current = false;
      return;
    }
    // An append's rows are inserted one after another: their positions are consecutive, ending at the result's.
    const firstPosition = Number(result.position) - events.length + 1;
    const appended = events.map(([, type, schemaVersion, data, metadata], i) =>
      toRecordedEvent(this.registry, { position: firstPosition + i, stream_id: streamId, revision: first + i, type, schema_version: schemaVersion, data, metadata }),
    );
    this.keep(streamId, kept, before.concat(appended));
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
   * new, not a parse of their JSON, and none at all while no commit has touched the stream since
   * its tail was read (see lookAtCommits). Reads see committed events only, whichever connection
   * or process wrote them. Callers get a fresh array of shared, never changed, events.
   */
  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const kept = this.kept.get(streamId);
    if (kept === undefined && fromRevision > 0) return this.readRows(streamId, fromRevision);
    this.lookAtCommits();
    let events: RecordedEvent[];
    if (kept !== undefined && kept.current) events = kept.events;
    else {
      const known = kept?.events ?? [];
      const tail = this.readRows(streamId, known.length);
      events = tail.length === 0 ? known : known.concat(tail);
    }
    this.keep(streamId, kept, events);
    return events.slice(fromRevision);
  }

  /** Keeps a stream's events as current, the most recently used last, within KEPT_EVENTS. */
  private keep(streamId: string, previous: { readonly events: RecordedEvent[] } | undefined, events: RecordedEvent[]): void {
    if (previous !== undefined) {
      this.kept.delete(streamId);
      this.keptEvents -= keptCost(previous.events);
    }
    if (events.length > KEPT_STREAM_EVENTS) return;
    this.kept.set(streamId, { events, current: true });
    this.keptEvents += keptCost(events);
    for (const [oldest, dropped] of this.kept) {
      if (this.keptEvents <= KEPT_EVENTS) break;
      this.kept.delete(oldest);
      this.keptEvents -= keptCost(dropped.events);
    }
  }

  /**
   * After a commit on this connection (which does not change its data version): if no other
   * connection has committed since the last look, every row up to the head is seen, this
   * commit's streams noted already. The head is read first, so a commit after it shows in the version.
   */
  private passOwnCommits(): void {
    const head = (this.statements.head.get() as number | null) ?? 0;
    if ((this.statements.dataVersion.get() as number) === this.seen.version) this.seen = { version: this.seen.version, position: head };
  }

  /**
   * Once a turn of the event loop, before its first read: if another connection committed since
   * the last look (SQLite's data version changed; this connection's own commits never change it,
   * and are noted as they are answered), the kept streams those commits touched are read again.
   * Positions are given in commit order, so the commits since the last look are the rows past the
   * head seen then. Reads in one turn see the file at least as it was when the turn began, as if
   * they had all been made then; every write checks what it read by its expected revision, so a
   * read a few milliseconds old costs at most a retry.
   */
  private lookAtCommits(): void {
    if (this.lookedThisTurn) return;
    this.lookedThisTurn = true;
    setImmediate(() => (this.lookedThisTurn = false));
    const version = this.statements.dataVersion.get() as number;
    if (version === this.seen.version) return;
    const head = (this.statements.head.get() as number | null) ?? 0;
    if (head - this.seen.position > KEPT_EVENTS) {
      for (const kept of this.kept.values()) kept.current = false;
    } else {
      for (const streamId of this.statements.touchedSince.all(this.seen.position) as string[]) {
        const kept = this.kept.get(streamId);
        if (kept !== undefined) kept.current = false;
      }
    }
    this.seen = { version, position: head };
  }

  /**
   * Kept streams that are current are answered from memory; the others are read in one statement
   * per READ_STREAMS_CHUNK streams and not kept, so a replay of a contract's history leaves the
   * streams commands read again where they were, and the heap no larger.
   */
  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    this.lookAtCommits();
    const found = new Map<string, RecordedEvent[]>();
    const unread: string[] = [];
    for (const streamId of new Set(streamIds)) {
      const kept = this.kept.get(streamId);
      if (kept !== undefined && kept.current) found.set(streamId, kept.events);
      else unread.push(streamId);
    }
    for (let start = 0; start < unread.length; start += READ_STREAMS_CHUNK) {
      const chunk = unread.slice(start, start + READ_STREAMS_CHUNK);
      for (const streamId of chunk) found.set(streamId, []);
      for (const row of this.statements.readStreams.all(JSON.stringify(chunk)) as StoredRow[]) {
        found.get(row.stream_id)!.push(toRecordedEvent(this.registry, row));
      }
    }
    return streamIds.map((streamId) => found.get(streamId)!.slice());
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

  async holdsAnyOf(types: ReadonlySet<string>, after: Position, upTo: Position, scanLimit: number): Promise<boolean | null> {
    const found = this.statements.typesBetween.all(Number(after), Number(upTo), scanLimit + 1) as string[];
    if (found.length > scanLimit) return null;
    return found.some((type) => types.has(type));
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
