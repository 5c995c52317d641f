import { Readable } from 'node:stream';
import {
  AllStreamResolvedEvent,
  AllStreamSubscription,
  AppendExpectedRevision,
  AppendResult,
  EventData,
  Filter,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  ResolvedEvent,
  StreamingRead,
  StreamNotFoundError,
  SubscribeToAllOptions,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import type { EventStoreDbClient } from '../eventstoredb-event-store';

interface Stored {
  readonly streamId: string;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly revision: bigint;
  readonly position: Position;
}

type Fault = unknown | ((stream: string) => unknown);

/**
 * An in-process stand-in for an EventStoreDB node, at the client's boundary: the calls the
 * adapter makes, answered the way the server answers them (so far as its documentation and
 * source say). Appends check the expected revision and event ids like the server's commit check:
 * at the current revision the events are written whatever their ids; behind it, the ids after the
 * expected revision are compared (all stored: an idempotent success without a position; none or
 * some: wrong expected version). `$`-typed system events are interleaved in `$all`. Reads from a
 * position include it; subscriptions start after it. Faults can be injected.
 */
export class FakeEventStoreDb {
  readonly log: Stored[] = [];
  private readonly streams = new Map<string, Stored[]>();
  private readonly live = new Set<{ readable: Readable; filter?: Filter }>();
  private offset = 1000n;
  /** Every append and subscription the adapter asked for, to check what it sent. */
  readonly appends: Array<{ stream: string; expectedRevision: AppendExpectedRevision; ids: string[] }> = [];
  readonly subscriptions: Array<{ fromPosition: SubscribeToAllOptions['fromPosition']; filter?: Filter }> = [];
  /** Thrown by the next append instead of answering it. */
  appendFault: Fault | null = null;
  /** How many subscriptions to fail at once (the node is down) before they work again. */
  subscribeFaults = 0;
  /** Whether stream reads carry positions (servers from 22.6 on). */
  streamReadPositions = true;

  constructor(options: { systemEventEvery?: number } = {}) {
    this.systemEventEvery = options.systemEventEvery ?? 2;
    this.writeSystemEvent();
    this.writeSystemEvent();
  }

  private readonly systemEventEvery: number;
  private appended = 0;

  client(): EventStoreDbClient {
    return {
      appendToStream: (stream, events, options) => this.appendToStream(stream, Array.isArray(events) ? events : [events], options?.expectedRevision ?? 'any'),
      readStream: ((stream: string, options?: ReadStreamOptions) => this.readStream(stream, options ?? {})) as EventStoreDbClient['readStream'],
      readAll: (options) => this.readAll(options ?? {}),
      subscribeToAll: (options) => this.subscribeToAll(options ?? {}),
      dispose: async () => undefined,
    };
  }

  /** Ends every open subscription with an error, as a dropped connection does. */
  failSubscriptions(error: Error): void {
    for (const subscription of this.live) subscription.readable.destroy(error);
    this.live.clear();
  }

  /** Appends from outside the adapter: another writer. */
  async appendRaw(stream: string, type: string, id: string, metadata: unknown = { schemaVersion: 1 }): Promise<Stored> {
    this.write(stream, [{ id, type, data: {}, metadata }]);
    return this.log[this.log.length - 1];
  }

  private async appendToStream(stream: string, events: EventData[], expectedRevision: AppendExpectedRevision): Promise<AppendResult> {
    this.appends.push({ stream, expectedRevision, ids: events.map((e) => e.id) });
    await new Promise((resolve) => setImmediate(resolve));
    if (this.appendFault !== null) {
      const fault = typeof this.appendFault === 'function' ? (this.appendFault as (s: string) => unknown)(stream) : this.appendFault;
      this.appendFault = null;
      throw fault;
    }
    if (expectedRevision === 'any') throw new Error('the adapter appended with "any"');
    const stored = this.streams.get(stream) ?? [];
    const current = BigInt(stored.length - 1);
    const refuse = () =>
      new WrongExpectedVersionError(undefined, {
        streamName: stream,
        current: stored.length === 0 ? 'no_stream' : current,
        expected: expectedRevision,
      });
    if (expectedRevision === 'stream_exists') {
      if (stored.length === 0) throw refuse();
      // Like "any": the server looks for the ids among the events it remembers.
      const found = events.map((e) => stored.find((s) => s.id === e.id));
      if (found[0] && found.every(Boolean)) return { success: true, nextExpectedRevision: found[found.length - 1]!.revision };
      if (found.some(Boolean)) throw refuse();
      return this.write(stream, events);
    }
    const expected = expectedRevision === 'no_stream' ? -1n : expectedRevision;
    if (expected > current) throw refuse();
    if (expected === current) return this.write(stream, events);
    const following = stored.slice(Number(expected) + 1, Number(expected) + 1 + events.length);
    const matches = events.length <= following.length && events.every((e, i) => following[i].id === e.id);
    if (!matches) throw refuse();
    // Idempotent: nothing written, and (as the server may) no position in the answer.
    return { success: true, nextExpectedRevision: following[events.length - 1].revision };
  }

  private write(stream: string, events: Array<{ id: string; type: string; data: unknown; metadata?: unknown }>): AppendResult {
    const stored = this.streams.get(stream) ?? [];
    for (const event of events) {
      const record: Stored = {
        streamId: stream,
        id: event.id,
        type: event.type,
        data: JSON.parse(JSON.stringify(event.data)),
        metadata: event.metadata === undefined ? undefined : JSON.parse(JSON.stringify(event.metadata)),
        revision: BigInt(stored.length),
        position: this.nextPosition(),
      };
      stored.push(record);
      this.log.push(record);
      this.publish(record);
    }
    this.streams.set(stream, stored);
    this.appended += 1;
    if (!stream.startsWith('$') && this.appended % this.systemEventEvery === 0) this.writeSystemEvent();
    const last = stored[stored.length - 1];
    return { success: true, nextExpectedRevision: last.revision, position: last.position };
  }

  private writeSystemEvent(): void {
    this.write(`$stats-${this.log.length}`, [{ id: crypto.randomUUID(), type: '$statsCollected', data: { n: this.log.length } }]);
  }

  private nextPosition(): Position {
    this.offset += 173n;
    return { commit: this.offset, prepare: this.offset };
  }

  private readStream(stream: string, options: ReadStreamOptions): StreamingRead<ResolvedEvent> {
    const stored = this.streams.get(stream);
    if (!stored) {
      const failed = new Readable({ objectMode: true, read() {} });
      setImmediate(() => failed.destroy(new StreamNotFoundError(undefined, stream)));
      return streamingRead(failed);
    }
    const from = typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : 0;
    const count = options.maxCount === undefined ? Infinity : Number(options.maxCount);
    const events = stored.slice(from, from + count).map((s) => resolved(s, this.streamReadPositions));
    return streamingRead(Readable.from(events));
  }

  private readAll(options: ReadAllOptions): StreamingRead<AllStreamResolvedEvent> {
    const count = options.maxCount === undefined ? Infinity : Number(options.maxCount);
    const from = options.fromPosition ?? 'start';
    let events: Stored[];
    if (options.direction === 'backwards') {
      const upTo = from === 'end' || from === 'start' ? this.log : this.log.filter((s) => compare(s.position, from) <= 0);
      events = (from === 'start' ? [] : upTo).slice().reverse().slice(0, count);
    } else {
      const after = from === 'start' ? this.log : from === 'end' ? [] : this.log.filter((s) => compare(s.position, from) >= 0);
      events = after.slice(0, count);
    }
    return streamingRead(Readable.from(events.map((s) => resolved(s, true) as AllStreamResolvedEvent)));
  }

  private subscribeToAll(options: SubscribeToAllOptions): AllStreamSubscription {
    this.subscriptions.push({ fromPosition: options.fromPosition, filter: options.filter });
    const from = options.fromPosition ?? 'start';
    const readable = new Readable({ objectMode: true, highWaterMark: 1024, read() {} });
    if (this.subscribeFaults > 0) {
      this.subscribeFaults -= 1;
      setImmediate(() => readable.destroy(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 })));
      return Object.assign(readable, { unsubscribe: async () => undefined }) as unknown as AllStreamSubscription;
    }
    const entry = { readable, filter: options.filter };
    const history = from === 'end' ? [] : from === 'start' ? this.log : this.log.filter((s) => compare(s.position, from) > 0);
    for (const record of history) if (passes(record, options.filter)) readable.push(resolved(record, true));
    this.live.add(entry);
    readable.on('close', () => this.live.delete(entry));
    return Object.assign(readable, {
      unsubscribe: async () => {
        this.live.delete(entry);
        readable.push(null);
      },
    }) as unknown as AllStreamSubscription;
  }

  private publish(record: Stored): void {
    for (const { readable, filter } of this.live) if (passes(record, filter)) readable.push(resolved(record, true));
  }
}

function passes(record: Stored, filter: Filter | undefined): boolean {
  if (!filter) return true;
  if ('regex' in filter) return new RegExp(filter.regex).test(filter.filterOn === 'eventType' ? record.type : record.streamId);
  return filter.prefixes.some((prefix) => (filter.filterOn === 'eventType' ? record.type : record.streamId).startsWith(prefix));
}

function compare(a: Position, b: Position): number {
  return a.commit === b.commit ? Number(a.prepare - b.prepare) : a.commit < b.commit ? -1 : 1;
}

function resolved(record: Stored, withPosition: boolean): ResolvedEvent {
  return {
    event: {
      streamId: record.streamId,
      id: record.id,
      isJson: true,
      revision: record.revision,
      type: record.type,
      created: new Date(0),
      data: record.data as Record<string, unknown>,
      metadata: record.metadata as Record<string, unknown>,
      position: withPosition ? record.position : undefined,
    },
    commitPosition: record.position.commit,
  } as ResolvedEvent;
}

function streamingRead<E>(readable: Readable): StreamingRead<E> {
  return Object.assign(readable, { cancel: async () => undefined }) as unknown as StreamingRead<E>;
}
