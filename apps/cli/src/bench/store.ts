import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventMetadata } from '@sws/kernel';
import { EVENTS_SCHEMA, STORED_COLUMNS, ExpectedRevision, NewEvent, Position, SqliteEventStore, SqliteSynchronous, uuidV7 } from '@sws/event-store';
import { eventTypeRegistry } from '../../../api/src/infrastructure/stores';
import { Measured, Section, summarize } from './report';

/**
 * The event store beside raw better-sqlite3 doing the same work at the same durability, and
 * beside @event-driven-io/emmett-sqlite on the same work:
 * - append, one event per command: a single writer awaiting each append, and `writers`
 *   concurrent writers (as HTTP requests are), each awaiting its own;
 * - read-all: the whole log in position order, data and metadata parsed.
 * Raw better-sqlite3 is synchronous, so it has no concurrency: its baseline is one transaction
 * per event, which is what one commit per command costs. The store commits concurrent appends
 * together (group commit), so with many writers it may pass that baseline.
 */

export interface StoreBenchOptions {
  /** Runs of each figure (median, min and max are reported). */
  readonly runs: number;
  /** Appends per run, one event each. */
  readonly appends: number;
  /** Concurrent writers for the concurrent-append figure. */
  readonly writers: number;
  /** Events in the log the reads go through. */
  readonly reads: number;
  /** Appends per run for emmett-sqlite (it is slow; fewer keep the run short). */
  readonly emmettAppends: number;
  readonly synchronous: SqliteSynchronous;
  /** Leave emmett-sqlite out (e.g. where the sqlite3 package is not installed). */
  readonly withoutEmmett?: boolean;
}

export const DEFAULT_STORE_BENCH: StoreBenchOptions = {
  runs: 3,
  appends: 5000,
  writers: 50,
  reads: 200_000,
  emmettAppends: 1000,
  synchronous: 'FULL',
};

export const RAW_RATIO_TARGET = 0.5;
export const EMMETT_RATIO_TARGET = 10;
const SYNCHRONOUS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

/** BENCH_RUNS, BENCH_EVENTS, BENCH_WRITERS, BENCH_READ_EVENTS, BENCH_EMMETT_EVENTS, BENCH_SYNCHRONOUS. */
export function storeBenchOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): StoreBenchOptions {
  const count = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
    return value;
  };
  const synchronous = (env.BENCH_SYNCHRONOUS ?? DEFAULT_STORE_BENCH.synchronous).toUpperCase() as SqliteSynchronous;
  if (!SYNCHRONOUS.includes(synchronous)) throw new Error(`BENCH_SYNCHRONOUS must be one of ${SYNCHRONOUS.join(', ')}`);
  return {
    runs: count('BENCH_RUNS', DEFAULT_STORE_BENCH.runs),
    appends: count('BENCH_EVENTS', DEFAULT_STORE_BENCH.appends),
    writers: count('BENCH_WRITERS', DEFAULT_STORE_BENCH.writers),
    reads: count('BENCH_READ_EVENTS', DEFAULT_STORE_BENCH.reads),
    emmettAppends: count('BENCH_EMMETT_EVENTS', DEFAULT_STORE_BENCH.emmettAppends),
    synchronous,
  };
}

const INSERT = `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?)`;

export interface BenchEvent {
  readonly streamId: string;
  readonly event: NewEvent;
}

/**
 * `count` StationClosed events spread over about count/10 streams, in the order commands would
 * append them, with data and metadata of the size the service writes (about 150 and 330 bytes).
 */
export function sampleEvents(count: number): BenchEvent[] {
  const streams = Array.from({ length: Math.max(1, Math.ceil(count / 10)) }, () => uuidV7());
  return Array.from({ length: count }, (_, i) => {
    const stationId = streams[i % streams.length]!;
    const metadata: EventMetadata = {
      eventId: uuidV7(),
      actor: { userId: 'provisional-admin', role: 'admin', orgId: null },
      occurredAt: '2026-06-30',
      recordedAt: '2026-11-24T10:00:00.000+08:00',
      correlationId: uuidV7(),
      causationId: null,
      idempotencyKey: `bench:station-closure:${i}`,
    };
    return {
      streamId: `Station-${stationId}`,
      event: {
        type: 'StationClosed',
        data: { stationId, on: '2026-06-30', reason: '乡镇区划调整,与相邻街道社工站合并,驻站社工转入合并后的社工站' },
        metadata,
      },
    };
  });
}

function openRaw(file: string, synchronous: SqliteSynchronous): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.exec(EVENTS_SCHEMA);
  return db;
}

function perSecond(events: number, started: number): number {
  return events / ((performance.now() - started) / 1000);
}

/** Raw better-sqlite3: one prepared INSERT in its own transaction per event. */
export function rawAppends(file: string, events: readonly BenchEvent[], synchronous: SqliteSynchronous): number {
  const db = openRaw(file, synchronous);
  const insert = db.prepare(INSERT);
  const appendOne = db.transaction((streamId: string, revision: number, event: NewEvent) =>
    insert.run(event.metadata.eventId, streamId, revision, event.type, 1, JSON.stringify(event.data), JSON.stringify(event.metadata)),
  );
  const revisions = new Map<string, number>();
  const started = performance.now();
  for (const { streamId, event } of events) {
    const revision = (revisions.get(streamId) ?? -1) + 1;
    appendOne.immediate(streamId, revision, event);
    revisions.set(streamId, revision);
  }
  const rate = perSecond(events.length, started);
  db.close();
  return rate;
}

export interface StoreAppendRun {
  readonly perSecond: number;
  /** Appends per commit (1 for a single writer; more when group commit joins concurrent ones). */
  readonly appendsPerCommit: number;
}

/**
 * SqliteEventStore.append, one event per call, each with the revision its writer last saw;
 * `writers` writers, each with streams of its own (so that it knows their revisions, as a command
 * that read its stream does), each awaiting its own append before the next.
 */
export async function storeAppends(
  file: string,
  events: readonly BenchEvent[],
  synchronous: SqliteSynchronous,
  writers = 1,
): Promise<StoreAppendRun> {
  const store = new SqliteEventStore(file, eventTypeRegistry(), { synchronous });
  const owner = new Map<string, number>();
  const queues: BenchEvent[][] = Array.from({ length: writers }, () => []);
  for (const item of events) {
    if (!owner.has(item.streamId)) owner.set(item.streamId, owner.size % writers);
    queues[owner.get(item.streamId)!]!.push(item);
  }
  const revisions = new Map<string, number>();
  const writer = async (queue: readonly BenchEvent[]) => {
    for (const { streamId, event } of queue) {
      const expected: ExpectedRevision = revisions.get(streamId) ?? 'no_stream';
      const { nextRevision } = await store.append(streamId, [event], expected);
      revisions.set(streamId, nextRevision);
    }
  };
  const started = performance.now();
  await Promise.all(queues.map(writer));
  const rate = perSecond(events.length, started);
  const { appends, commits } = store.commitStats();
  await store.close();
  return { perSecond: rate, appendsPerCommit: appends / commits };
}

/**
 * emmett-sqlite's appends, one event per call with its expected stream version, on one
 * long-lived connection at the same durability. Its `getSQLiteEventStore` opens a connection per
 * call and does not wait for that connection's WAL pragma, so within a thousand appends one fails
 * with SQLITE_BUSY ("statements in progress"); the module's own `appendToStream` on one connection,
 * used here, is its fastest path and does not.
 */
export async function emmettAppends(file: string, events: readonly BenchEvent[], synchronous: SqliteSynchronous): Promise<number> {
  // Imported here: a benchmark-only dev dependency, absent from a production install.
  const emmett = await import('@event-driven-io/emmett-sqlite');
  const connection = emmett.sqliteConnection({ fileName: file });
  try {
    await connection.command('PRAGMA journal_mode = WAL');
    await connection.command(`PRAGMA synchronous = ${synchronous}`);
    await emmett.createEventStoreSchema(connection);
    const versions = new Map<string, bigint>();
    const started = performance.now();
    for (const { streamId, event } of events) {
      const version = versions.get(streamId);
      const result = await emmett.appendToStream(
        connection,
        streamId,
        'Station',
        [{ type: event.type, data: event.data as Record<string, unknown>, metadata: event.metadata as unknown as Record<string, unknown> }],
        { expectedStreamVersion: version ?? 'STREAM_DOES_NOT_EXIST' },
      );
      if (!result.success) throw new Error(`emmett-sqlite refused an append to ${streamId}`);
      versions.set(streamId, result.nextStreamPosition);
    }
    return perSecond(events.length, started);
  } finally {
    connection.close();
  }
}

/** Fills a log quickly (one transaction, no syncing): setup for the reads, not measured. */
function fillLog(file: string, count: number): void {
  const db = openRaw(file, 'OFF');
  const insert = db.prepare(INSERT);
  const chunk = 10_000;
  const revisions = new Map<string, number>();
  db.transaction(() => {
    for (let done = 0; done < count; done += chunk) {
      for (const { streamId, event } of sampleEvents(Math.min(chunk, count - done))) {
        const revision = (revisions.get(streamId) ?? -1) + 1;
        revisions.set(streamId, revision);
        insert.run(event.metadata.eventId, streamId, revision, event.type, 1, JSON.stringify(event.data), JSON.stringify(event.metadata));
      }
    }
  })();
  db.close();
}

/** Raw: every row in position order, the columns the store reads, data and metadata parsed. */
export function rawReads(file: string): number {
  const db = new Database(file, { readonly: true });
  const select = db.prepare(`SELECT ${STORED_COLUMNS} FROM events ORDER BY position`);
  let events = 0;
  let parsed = 0;
  const started = performance.now();
  for (const row of select.iterate() as Iterable<{ data: string; metadata: string }>) {
    const data = JSON.parse(row.data);
    const metadata = JSON.parse(row.metadata);
    // Use what was parsed, so the work cannot be optimized away.
    if (data !== null && metadata !== null) parsed += 1;
    events += 1;
  }
  const rate = perSecond(events, started);
  db.close();
  if (parsed !== events) throw new Error('raw read parsed fewer rows than it read');
  return rate;
}

/** SqliteEventStore.readAll in pages of 1000 from the start of the log to its end. */
export async function storeReads(file: string, expected: number): Promise<number> {
  const store = new SqliteEventStore(file, eventTypeRegistry());
  let after: Position | null = null;
  let events = 0;
  const started = performance.now();
  for (;;) {
    const page = await store.readAll(after, 1000);
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1]!.position;
  }
  const rate = perSecond(events, started);
  await store.close();
  if (events !== expected) throw new Error(`store read ${events} events of ${expected}`);
  return rate;
}

const median = (runs: readonly number[]) => summarize(runs).median;

function ratioFigure(name: string, runs: readonly number[], target: number, note: string): Measured {
  return { name, unit: '×', runs, target: `≥ ${target}`, met: median(runs) >= target, note };
}

/** Measures every figure `runs` times in a fresh temporary directory, removed afterwards. */
export async function storeSection(
  options: Partial<StoreBenchOptions> = {},
  log: (line: string) => void = () => {},
): Promise<Section> {
  const o: StoreBenchOptions = { ...DEFAULT_STORE_BENCH, ...options };
  const dir = mkdtempSync(join(tmpdir(), 'sws-bench-store-'));
  const runs = {
    raw: [] as number[],
    single: [] as number[],
    concurrent: [] as number[],
    perCommit: [] as number[],
    emmett: [] as number[],
    emmettSingle: [] as number[],
    rawRead: [] as number[],
    storeRead: [] as number[],
  };
  try {
    const logFile = join(dir, 'read.db');
    log(`filling a log of ${o.reads} events for the reads...`);
    fillLog(logFile, o.reads);
    for (let run = 1; run <= o.runs; run++) {
      const file = (name: string) => join(dir, `${name}-${run}.db`);
      log(`run ${run}/${o.runs}: ${o.appends} appends, one event each (synchronous=${o.synchronous})...`);
      runs.raw.push(rawAppends(file('raw'), sampleEvents(o.appends), o.synchronous));
      runs.single.push((await storeAppends(file('single'), sampleEvents(o.appends), o.synchronous)).perSecond);
      const concurrent = await storeAppends(file('concurrent'), sampleEvents(o.appends), o.synchronous, o.writers);
      runs.concurrent.push(concurrent.perSecond);
      runs.perCommit.push(concurrent.appendsPerCommit);
      if (!o.withoutEmmett) {
        log(`run ${run}/${o.runs}: ${o.emmettAppends} appends through emmett-sqlite...`);
        const emmett = await emmettAppends(file('emmett'), sampleEvents(o.emmettAppends), o.synchronous);
        runs.emmett.push(emmett);
        runs.emmettSingle.push(runs.single[runs.single.length - 1]! / emmett);
      }
      log(`run ${run}/${o.runs}: reading ${o.reads} events in position order...`);
      // Raw first, then the store, each on a warm page cache (the fill left it warm).
      runs.rawRead.push(rawReads(logFile));
      runs.storeRead.push(await storeReads(logFile, o.reads));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const ratios = (a: readonly number[], b: readonly number[]) => a.map((value, i) => value / b[i]!);
  const durability = `synchronous=${o.synchronous}, WAL`;
  const figures: Measured[] = [
    { name: 'append, raw better-sqlite3 (1 event per transaction)', unit: 'events/s', runs: runs.raw, note: durability },
    { name: 'append, SqliteEventStore, 1 writer', unit: 'events/s', runs: runs.single, note: durability },
    {
      name: `append, SqliteEventStore, ${o.writers} concurrent writers`,
      unit: 'events/s',
      runs: runs.concurrent,
      note: `${durability}; group commit: ${median(runs.perCommit).toFixed(1)} appends per commit (median)`,
    },
    ratioFigure('append store/raw, 1 writer', ratios(runs.single, runs.raw), RAW_RATIO_TARGET, 'same work, same durability, same run'),
    ratioFigure(`append store/raw, ${o.writers} writers`, ratios(runs.concurrent, runs.raw), RAW_RATIO_TARGET, 'raw cannot write concurrently: its figure is one transaction per event'),
  ];
  if (!o.withoutEmmett) {
    figures.push(
      { name: 'append, emmett-sqlite 0.38.5, 1 writer', unit: 'events/s', runs: runs.emmett, note: `${durability}; its appendToStream on one long-lived connection (sqlite3 package)` },
      ratioFigure('append store/emmett-sqlite, 1 writer each', runs.emmettSingle, EMMETT_RATIO_TARGET, 'both awaiting each append'),
      ratioFigure(`append store (${o.writers} writers)/emmett-sqlite`, ratios(runs.concurrent, runs.emmett), EMMETT_RATIO_TARGET, 'emmett-sqlite measured with one writer: its connection runs one transaction at a time (concurrent appends on it would nest in one transaction)'),
    );
  }
  figures.push(
    { name: 'read-all, raw better-sqlite3 (one SELECT, rows parsed)', unit: 'events/s', runs: runs.rawRead, note: `${o.reads} events` },
    { name: 'read-all, SqliteEventStore.readAll (pages of 1000)', unit: 'events/s', runs: runs.storeRead, note: `${o.reads} events` },
    ratioFigure('read-all store/raw', ratios(runs.storeRead, runs.rawRead), RAW_RATIO_TARGET, 'same run, warm page cache'),
  );
  return {
    title: 'Event store: append and read-all',
    figures,
    notes: [
      `${o.runs} runs; ${o.appends} appends per run (${o.emmettAppends} for emmett-sqlite), one StationClosed event each (~150 B data, ~330 B metadata) over ${Math.ceil(o.appends / 10)} streams; ${o.reads} events read.`,
      'Reproduce: npm run bench:store (BENCH_RUNS, BENCH_EVENTS, BENCH_WRITERS, BENCH_READ_EVENTS, BENCH_EMMETT_EVENTS, BENCH_SYNCHRONOUS).',
    ],
  };
}
