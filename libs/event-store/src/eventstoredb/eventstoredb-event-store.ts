import {
  AllStreamResolvedEvent,
  AppendExpectedRevision,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  FORWARDS,
  NO_STREAM,
  ReadPosition,
  ResolvedEvent,
  START,
  STREAM_EXISTS,
} from '@eventstore/db-client';
import { EventTypeRegistry } from '@sws/kernel';
import { EventIdReused } from '../errors';
import {
  AppendResult,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  RecordedEvent,
  Subscription,
} from '../event-store.port';
import { AllStreamCatchUp, ResubscribeOptions } from './all-subscription';
import { isStreamNotFound, isWrongExpectedVersion, translateError } from './errors';
import { logPositions } from './positions';
import { fromResolved, isSystemType, toEventData } from './recorded-events';
import { SeenEventIds } from './seen-event-ids';

/** The part of the client the adapter uses: what the unit tests fake. */
export type EventStoreDbClient = Pick<EventStoreDBClient, 'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'dispose'>;

export interface EventStoreDbOptions {
  readonly subscription?: ResubscribeOptions;
  /** How many streams' event ids to remember for the idempotency check (see SeenEventIds). */
  readonly rememberedStreams?: number;
}

/** The port's expectation as the client's: exactly, never "any". */
export function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  if (!Number.isSafeInteger(expected) || expected < 0) throw new Error(`an expected revision is a whole number from 0, not ${expected}`);
  return BigInt(expected);
}

/**
 * The event store on EventStoreDB. Streams and revisions are EventStoreDB's own; positions are
 * its commit/prepare pairs (see logPositions); event ids are the port's, so the server
 * recognises a retried append, and the schema version rides in each event's metadata.
 * All of `@eventstore/db-client` is used in this folder and nowhere else.
 */
export class EventStoreDbEventStore implements EventStore {
  private readonly seen: SeenEventIds;

  constructor(
    private readonly client: EventStoreDbClient,
    private readonly registry: EventTypeRegistry,
    private readonly options: EventStoreDbOptions = {},
  ) {
    this.seen = new SeenEventIds(options.rememberedStreams);
  }

  static connect(connectionString: string, registry: EventTypeRegistry, options: EventStoreDbOptions = {}): EventStoreDbEventStore {
    return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString), registry, options);
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult> {
    if (events.length === 0) throw new Error('an append needs at least one event');
    const proposed = events.map((event) => toEventData(this.registry, event));
    const expectedRevision = toClientRevision(expected);
    const ids = events.map((event) => event.metadata.eventId);
    if (expected !== 'no_stream') {
      // The server compares ids only after the expected revision: those up to it are checked here.
      await this.learn(streamId, expected === 'stream_exists' ? undefined : expected);
      const earlier = await this.earlierAppend(streamId, ids);
      if (earlier) return earlier;
    }
    let written;
    try {
      written = await this.client.appendToStream(streamId, proposed, { expectedRevision });
    } catch (error) {
      if (!isWrongExpectedVersion(error)) throw translateError(error);
      // Another writer came first, or an earlier try of this very append, now further back.
      await this.learn(streamId);
      const earlier = await this.earlierAppend(streamId, ids);
      if (earlier) return earlier;
      throw translateError(error, streamId, expected);
    }
    const nextRevision = Number(written.nextExpectedRevision);
    // An append the server found stored already may come back without a position.
    const position = logPositions.isReal(written.position) ? logPositions.format(written.position) : await this.positionAt(streamId, nextRevision);
    const first = nextRevision - ids.length + 1;
    this.seen.record(streamId, ids.map((eventId, i) => ({ eventId, revision: first + i, position: i === ids.length - 1 ? position : null })));
    return { nextRevision, position };
  }

  async readStream(streamId: string, fromRevision = 0): Promise<RecordedEvent[]> {
    const events = await this.readStreamEvents(streamId, fromRevision, undefined);
    this.seen.record(streamId, events.map((e) => ({ eventId: e.metadata.eventId, revision: e.revision, position: e.position })));
    return events;
  }

  async readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]> {
    return Promise.all(streamIds.map((streamId) => this.readStream(streamId)));
  }

  async readAll(after: Position | null, limit: number): Promise<RecordedEvent[]> {
    const found: RecordedEvent[] = [];
    // Reads start at their position (inclusive) and system events take up room: read until full.
    let from: Position | null = after;
    while (found.length < limit) {
      const maxCount = limit - found.length + 1;
      const page = await this.collect(this.client.readAll({ fromPosition: this.readPosition(from, START), maxCount, direction: FORWARDS }));
      for (const resolved of page) {
        const position = resolved.event && logPositions.format(resolved.event.position);
        if (!position || (from !== null && logPositions.compare(position, from) <= 0)) continue;
        from = position;
        const event = fromResolved(this.registry, resolved);
        if (event && found.length < limit) found.push(event);
      }
      if (page.length < maxCount) break;
    }
    return found;
  }

  subscribe(after: Position | null): Subscription {
    return new AllStreamCatchUp(
      {
        open: (from) =>
          this.client.subscribeToAll({
            fromPosition: this.readPosition(from, START),
            filter: excludeSystemEvents(),
          }),
        toEvent: (resolved: AllStreamResolvedEvent) => fromResolved(this.registry, resolved),
        head: () => this.headPosition(),
        compare: (a, b) => logPositions.compare(a, b),
      },
      after,
      this.options.subscription,
    );
  }

  async headPosition(): Promise<Position | null> {
    // The last event that is not a system one, looking back a page at a time.
    let before: Position | null = null;
    for (;;) {
      const page = await this.collect(this.client.readAll({ fromPosition: this.readPosition(before, END), maxCount: 32, direction: BACKWARDS }));
      for (const resolved of page) {
        if (!resolved.event) continue;
        const position = logPositions.format(resolved.event.position);
        if (before !== null && logPositions.compare(position, before) >= 0) continue;
        if (!isSystemType(resolved.event.type)) return position;
        before = position;
      }
      if (page.length < 32) return null;
    }
  }

  async holdsAnyOf(types: ReadonlySet<string>, after: Position, upTo: Position, scanLimit: number): Promise<boolean | null> {
    const found = await this.readAll(after, scanLimit + 1);
    const between = found.filter((event) => logPositions.compare(event.position, upTo) <= 0);
    if (between.length > scanLimit) return null;
    return between.some((event) => types.has(event.type));
  }

  /** Its positions are offsets in the transaction file: they do not count events. */
  distance(): number | null {
    return null;
  }

  comparePositions(a: Position, b: Position): number {
    return logPositions.compare(a, b);
  }

  parsePosition(text: string): Position | null {
    return logPositions.parse(text);
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private readPosition(position: Position | null, otherwise: typeof START | typeof END): ReadPosition {
    return position === null ? otherwise : logPositions.pair(position);
  }

  /** Makes sure the ids of the stream up to `through` (or its end) are known. */
  private async learn(streamId: string, through?: number): Promise<void> {
    const known = this.seen.knownThrough(streamId);
    if (through !== undefined && known >= through) return;
    await this.readStream(streamId, known + 1);
  }

  /** The result of an earlier append of these ids to the stream; null when none is stored. */
  private async earlierAppend(streamId: string, ids: readonly string[]): Promise<AppendResult | null> {
    const found = ids.map((id) => this.seen.lookup(streamId, id));
    if (!found[0]) {
      if (found.some(Boolean)) throw new EventIdReused(streamId);
      return null;
    }
    if (found.some((event) => !event)) throw new EventIdReused(streamId);
    const last = found[found.length - 1]!;
    return { nextRevision: last.revision, position: last.position ?? (await this.positionAt(streamId, last.revision)) };
  }

  private async positionAt(streamId: string, revision: number): Promise<Position> {
    const [event] = await this.readStreamEvents(streamId, revision, 1);
    if (!event || event.revision !== revision) throw new Error(`${streamId} has no event at revision ${revision}`);
    return event.position;
  }

  private async readStreamEvents(streamId: string, fromRevision: number, maxCount: number | undefined): Promise<RecordedEvent[]> {
    try {
      const read = this.client.readStream(streamId, { fromRevision: BigInt(fromRevision), direction: FORWARDS, ...(maxCount ? { maxCount } : {}) });
      const events: RecordedEvent[] = [];
      for (const resolved of await this.collect<ResolvedEvent>(read)) {
        const event = fromResolved(this.registry, resolved);
        if (event) events.push(event);
      }
      return events;
    } catch (error) {
      if (isStreamNotFound(error)) return [];
      throw translateError(error);
    }
  }

  private async collect<E>(read: AsyncIterable<E>): Promise<E[]> {
    const out: E[] = [];
    try {
      for await (const item of read) out.push(item);
    } catch (error) {
      if (isStreamNotFound(error)) throw error;
      throw translateError(error);
    }
    return out;
  }
}
