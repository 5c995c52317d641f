import { EventMetadata } from '@sws/kernel';

/**
 * A global position in the log. Opaque to everyone but the adapter that issued it: SQLite's is
 * a sequence number, EventStoreDB's a commit/prepare pair. Compare them only with
 * `EventStore.comparePositions`.
 */
export type Position = string & { readonly __position: unique symbol };

/**
 * What an append expects of the stream. There is deliberately no "any": every write states
 * what it read.
 */
export type ExpectedRevision = 'no_stream' | 'stream_exists' | number;

export interface NewEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

export interface RecordedEvent<Data = unknown> {
  readonly streamId: string;
  readonly type: string;
  /** The schema version the data was read as (always the type's current one). */
  readonly schemaVersion: number;
  /** The schema version the event was stored at. */
  readonly storedSchemaVersion: number;
  readonly data: Data;
  readonly metadata: EventMetadata;
  /** 0 for a stream's first event. */
  readonly revision: number;
  readonly position: Position;
}

export interface AppendResult {
  /** The revision of the last event appended, i.e. the stream's revision now. */
  readonly nextRevision: number;
  /** The position of the last event appended. */
  readonly position: Position;
}

export type SubscriptionItem =
  | { readonly kind: 'event'; readonly event: RecordedEvent }
  /** Everything stored so far has been delivered; what follows is live. */
  | { readonly kind: 'caughtUp'; readonly position: Position | null };

/** History from a position, then live events, one at a time, until closed. */
export interface Subscription extends AsyncIterable<SubscriptionItem> {
  close(): Promise<void>;
}

export interface EventStore {
  /**
   * Appends atomically. Throws WrongExpectedRevision when the stream is not as expected.
   * When the first event's id is already stored, returns that earlier append's result and
   * stores nothing, so a retried command is safe.
   */
  append(streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): Promise<AppendResult>;
  /** The stream's events from a revision on; empty when the stream does not exist. */
  readStream(streamId: string, fromRevision?: number): Promise<RecordedEvent[]>;
  /**
   * The events of each stream named, in the order named (empty for one that does not exist), as
   * `readStream` gives them: for a reader going through many streams once (time travel reads a
   * contract's few hundred), which a store keeping the streams commands read again should not keep.
   */
  readStreams(streamIds: readonly string[]): Promise<RecordedEvent[][]>;
  /** Up to `limit` events after `after` (exclusive; null is the start of the log), in global order. */
  readAll(after: Position | null, limit: number): Promise<RecordedEvent[]>;
  subscribe(after: Position | null): Subscription;
  /** The position of the last stored event, or null for an empty log. */
  headPosition(): Promise<Position | null>;
  /**
   * Whether an event of one of `types` lies after `after` up to `upTo` (inclusive); null when more
   * than `scanLimit` events lie there, which a store may decline to look through. A read model at
   * `after` whose projection handles only `types` is as current as one at `upTo` when this is false.
   */
  holdsAnyOf(types: ReadonlySet<string>, after: Position, upTo: Position, scanLimit: number): Promise<boolean | null>;
  comparePositions(a: Position, b: Position): number;
  /**
   * How many events lie after `from` (null: the start of the log) up to `to`, or null when the
   * store's positions do not tell (EventStoreDB's are byte offsets).
   */
  distance(from: Position | null, to: Position | null): number | null;
  /** A position as a client sent it back, or null when it is not one this store issues. */
  parsePosition(text: string): Position | null;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EVENT_STORE');
