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

/** The memory an in-memory store keeps its log in; share it to reopen the "same" store. */
export class InMemoryEventLog {
  readonly rows: StoredRow[] = [];
  readonly byEventId = new Map<string, StoredRow>();
  readonly streams = new Map<string, StoredRow[]>();
  readonly wake = new WakeSignal();
}

/** The event store for unit tests: the same contract as the SQLite one, nothing on disk. */
export class InMemoryEventStore implements EventStore {
  constructor(
    private readonly registry: EventTypeRegistry,
    private readonly log: InMemoryEventLog = new InMemoryEventLog(),
  ) {}

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('an append needs at least one event');
    const earlier = events.map((event) => this.log.byEventId.get(event.metadata.eventId));
    if (earlier[0]) {
      if (earlier.some((row) => !row || row.stream_id !== streamId)) throw new EventIdReused(streamId);
      const last = earlier[earlier.length - 1]!;
      return { nextRevision: last.revision, position: String(last.position) as Position };
    }
    if (earlier.some(Boolean)) throw new EventIdReused(streamId);
    const stream = this.log.streams.get(streamId) ?? [];
    const actual = stream.length === 0 ? 'no_stream' : stream.length - 1;
    checkExpected(streamId, expected, actual);
    const rows: StoredRow[] = events.map((event, index) => ({
      stream_id: streamId,
      type: event.type,
      schema_version: this.registry.currentVersion(event.type),
      data: JSON.stringify(event.data),
      metadata: JSON.stringify(event.metadata),
      revision: stream.length + index,
      position: this.log.rows.length + index + 1,
    }));
    rows.forEach((row, index) => {
      stream.push(row);
      this.log.rows.push(row);
      this.log.byEventId.set(events[index].metadata.eventId, row);
    });
    this.log.streams.set(streamId, stream);
    this.log.wake.notify();
    const last = stream[stream.length - 1];
    return { nextRevision: last.revision, position: String(last.position) as Position };
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    return (this.log.streams.get(streamId) ?? []).slice(fromRevision).map((row) => toRecordedEvent(this.registry, row));
  }

  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    return Promise.all(streamIds.map((streamId) => this.readStream(streamId)));
  }

  async readAll(after: Position | null, limit: number): Promise<RecordedEvent[]> {
    const start = after === null ? 0 : Number(after);
    return this.log.rows.slice(start, start + limit).map((row) => toRecordedEvent(this.registry, row));
  }

  subscribe(after: Position | null): Subscription {
    return new CatchUpSubscription((from, limit) => this.readAll(from, limit), after, this.log.wake, { pollMs: 1000 });
  }

  async headPosition(): Promise<Position | null> {
    return this.log.rows.length === 0 ? null : (String(this.log.rows.length) as Position);
  }

  async holdsAnyOf(types: ReadonlySet<string>, after: Position, upTo: Position, scanLimit: number): Promise<boolean | null> {
    // Positions are dense sequence numbers from 1: row i holds position i + 1.
    const between = this.log.rows.slice(Number(after), Number(upTo));
    if (between.length > scanLimit) return null;
    return between.some((row) => types.has(row.type));
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

  async close(): Promise<void> {}
}
