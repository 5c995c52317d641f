import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { EventIdReused, EventStore, NewEvent, Position, RecordedEvent } from '@sws/event-store';
import { StorageConfig, StoreTopology } from '../../api/src/infrastructure/config';
import { RESERVATIONS_INTRODUCED_STREAM } from '../../api/src/infrastructure/reservations/legacy-records';
import { estimatedTotal } from './rebuild';

/** Events read from the source at a time. */
const PAGE = 500;
/** The most events of one stream copied in one append. */
const GROUP = 100;

export interface MigrationProgress {
  /** Events of the source copied (or found already copied) so far. */
  readonly events: number;
  /** An estimate of the events in the source, or null when its positions do not tell. */
  readonly total: number | null;
}

export interface MigrationResult {
  /** Events read from the source. */
  readonly events: number;
  /** Of them, those the target did not hold yet. */
  readonly appended: number;
  readonly seconds: number;
}

export class MigrationUsage extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationUsage';
  }
}

/**
 * Copies the whole log from `source` to `target` in global order: every event to the stream of
 * the same id at the same revision, with its event id and metadata. A source append is copied as
 * one append (split only past GROUP events); consecutive appends to one stream may become one.
 *
 * A retried or interrupted migration appends nothing twice: an append whose first event id the
 * target holds answers with the earlier result and stores nothing, and when only some ids of a
 * batch are stored the events are copied one at a time, each idempotent by its id.
 *
 * One event names a position of the store it was written to: the reservations' introduction
 * records the head of the log before it (see LegacyRecords). Its `previousHead` is rewritten to
 * the target's position of the same event; nothing else is changed. Events are read (and so
 * written) at their types' current schema version.
 */
export async function migrateLog(
  source: EventStore,
  target: EventStore,
  onProgress: (progress: MigrationProgress) => void = () => {},
  options: { readonly pageSize?: number } = {},
): Promise<MigrationResult> {
  const pageSize = options.pageSize ?? PAGE;
  const started = performance.now();
  const total = estimatedTotal(await source.headPosition());
  const introduction = (await source.readStream(RESERVATIONS_INTRODUCED_STREAM))[0];
  const previousHead = introduction ? ((introduction.data as { previousHead: string | null }).previousHead as Position | null) : null;
  let translatedHead: Position | null = null;
  // Positions the target issues only grow: an append answered at or before this one stored nothing.
  let targetHead = await target.headPosition();
  let events = 0;
  let appended = 0;

  const copy = async (group: readonly RecordedEvent[]): Promise<Position> => {
    const streamId = group[0].streamId;
    const fresh = (position: Position) => targetHead === null || target.comparePositions(position, targetHead) > 0;
    const write = async (batch: readonly RecordedEvent[]) => {
      const first = batch[0].revision;
      const result = await target.append(streamId, batch.map(newEvent), first === 0 ? 'no_stream' : first - 1);
      if (result.nextRevision !== batch[batch.length - 1].revision) {
        throw new Error(`${streamId}: the target put revision ${batch[batch.length - 1].revision} at ${result.nextRevision}`);
      }
      if (fresh(result.position)) {
        appended += batch.length;
        targetHead = result.position;
      }
      return result.position;
    };
    try {
      return await write(group);
    } catch (error) {
      if (!(error instanceof EventIdReused)) throw error;
      // An earlier run copied part of this group: one event at a time, each idempotent by its id.
      let position: Position | null = null;
      for (const event of group) position = await write([event]);
      return position!;
    }
  };

  const newEvent = (event: RecordedEvent): NewEvent => {
    if (event.streamId === RESERVATIONS_INTRODUCED_STREAM && event.revision === 0 && previousHead !== null) {
      if (translatedHead === null) throw new Error(`the reservations' introduction names ${previousHead}, which the migration has not met before it`);
      return { type: event.type, data: { ...(event.data as object), previousHead: translatedHead }, metadata: event.metadata };
    }
    return { type: event.type, data: event.data, metadata: event.metadata };
  };

  let group: RecordedEvent[] = [];
  const flush = async () => {
    if (group.length === 0) return;
    const position = await copy(group);
    // The introduction's previousHead is always the last event of an append: it ends a group.
    if (previousHead !== null && source.comparePositions(group[group.length - 1].position, previousHead) === 0) translatedHead = position;
    events += group.length;
    group = [];
    onProgress({ events, total: total === null ? null : Math.max(total, events) });
  };

  for (let after: Position | null = null; ; ) {
    const page = await source.readAll(after, pageSize);
    for (const event of page) {
      const last = group[group.length - 1];
      if (last && (last.streamId !== event.streamId || group.length >= GROUP)) await flush();
      group.push(event);
      if (previousHead !== null && source.comparePositions(event.position, previousHead) === 0) await flush();
    }
    if (page.length < pageSize) break;
    after = page[page.length - 1].position;
  }
  await flush();
  return { events, appended, seconds: (performance.now() - started) / 1000 };
}

/**
 * Where `npm run migrate -- --to <log> [--read-models <read store>]` writes: `<log>` is a data
 * directory (the embedded SQLite log) or an `esdb://` connection string; `<read store>` a data
 * directory or a `mongodb://` URL, by default the `--to` directory. Refuses what cannot work,
 * naming the argument.
 */
export function migrationTarget(args: readonly string[], source: StorageConfig): StorageConfig {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const [name, value] = [args[i], args[i + 1]];
    if (name !== '--to' && name !== '--read-models') throw new MigrationUsage(`migrate takes --to and --read-models, not ${name}`);
    if (value === undefined || value.startsWith('--')) throw new MigrationUsage(`${name} needs a value`);
    options.set(name, value);
  }
  const to = options.get('--to');
  if (to === undefined) throw new MigrationUsage('migrate needs --to <data directory | esdb://…>');
  const esdb = /^esdb(\+discover)?:\/\/\S+$/.test(to);
  if (!esdb && /^[a-z+]+:\/\//i.test(to)) throw new MigrationUsage(`--to must be a data directory or an esdb:// connection string (not ${to})`);
  const readModels = options.get('--read-models') ?? (esdb ? undefined : to);
  if (readModels === undefined) throw new MigrationUsage('--to esdb://… needs --read-models <data directory | mongodb://…>');
  const mongo = /^mongodb(\+srv)?:\/\/\S+$/.test(readModels);
  if (!mongo && /^[a-z+]+:\/\//i.test(readModels)) throw new MigrationUsage(`--read-models must be a data directory or a mongodb:// URL (not ${readModels})`);
  if (mongo && !esdb) throw new MigrationUsage('--read-models mongodb://… needs --to esdb://… (read models in MongoDB are folded from a shared log)');
  const topology: StoreTopology = {
    events: esdb ? { kind: 'eventstoredb', connectionString: to } : { kind: 'sqlite' },
    readModels: mongo ? { kind: 'mongodb', url: readModels } : { kind: 'sqlite' },
  };
  // The SQLite parts live in one directory: the log's, or (beside EventStoreDB) the read models'.
  const dataDir = resolve(esdb ? readModels : to);
  if (!esdb && !mongo && resolve(readModels) !== dataDir) throw new MigrationUsage('with --to <directory>, the read models go to the same directory (leave out --read-models)');
  const sourceTopology = source.topology;
  if (!esdb && (sourceTopology?.events.kind ?? 'sqlite') === 'sqlite' && dataDir === resolve(source.dataDir)) {
    throw new MigrationUsage(`--to ${to} is the source's own data directory (DATA_DIR)`);
  }
  if (esdb && sourceTopology?.events.kind === 'eventstoredb' && sourceTopology.events.connectionString === to) {
    throw new MigrationUsage(`--to ${to} is the source's own EventStoreDB (EVENTSTORE_CONNECTION_STRING)`);
  }
  return { dataDir, synchronous: source.synchronous, topology };
}
