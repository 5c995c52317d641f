import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EventMetadata } from '@sws/kernel';
import { EVENTS_SCHEMA, ExpectedRevision, NewEvent, Position, SqliteEventStore, SqliteSynchronous, uuidV7 } from '@sws/event-store';
import { eventTypeRegistry } from '../../api/src/infrastructure/stores';

/**
 * Measures the embedded event store against raw better-sqlite3 doing the same work at the same
 * durability: appends one event per transaction (one command, one commit), and reads of the
 * whole log in order. The store's target is at least half the raw rate.
 */

export interface BenchOptions {
  /** Appends timed, one event each. */
  readonly appends: number;
  /** Events in the log the reads go through. */
  readonly reads: number;
  readonly synchronous: SqliteSynchronous;
}

export interface BenchFigure {
  readonly operation: 'append' | 'read';
  readonly events: number;
  readonly rawPerSecond: number;
  readonly storePerSecond: number;
  /** storePerSecond / rawPerSecond. */
  readonly ratio: number;
  readonly met: boolean;
}

export interface BenchReport {
  readonly options: BenchOptions;
  readonly figures: readonly BenchFigure[];
}

export const TARGET_RATIO = 0.5;
const SYNCHRONOUS: readonly SqliteSynchronous[] = ['OFF', 'NORMAL', 'FULL', 'EXTRA'];

export function benchOptionsFromEnvironment(env: NodeJS.ProcessEnv = process.env): BenchOptions {
  const count = (name: string, fallback: number): number => {
    const value = Number(env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive whole number`);
    return value;
  };
  const synchronous = (env.BENCH_SYNCHRONOUS ?? 'FULL').toUpperCase() as SqliteSynchronous;
  if (!SYNCHRONOUS.includes(synchronous)) throw new Error(`BENCH_SYNCHRONOUS must be one of ${SYNCHRONOUS.join(', ')}`);
  return { appends: count('BENCH_EVENTS', 5000), reads: count('BENCH_READ_EVENTS', 200_000), synchronous };
}

const INSERT = `INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata)
                VALUES (?, ?, ?, ?, ?, ?, ?)`;

interface BenchEvent {
  readonly streamId: string;
  readonly event: NewEvent;
}

/**
 * `count` StationClosed events spread over about count/10 streams, in the order commands would
 * append them, with data and metadata of the size the service writes (about 150 and 330 bytes).
 */
function sampleEvents(count: number): BenchEvent[] {
  const streams = Array.from({ length: Math.max(1, Math.ceil(count / 10)) }, () => uuidV7());
  return Array.from({ length: count }, (_, i) => {
    const stationId = streams[i % streams.length];
    const eventId = uuidV7();
    const metadata: EventMetadata = {
      eventId,
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
function rawAppends(file: string, events: readonly BenchEvent[], synchronous: SqliteSynchronous): number {
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

/** SqliteEventStore.append, one event per call, each with the revision the writer last saw. */
async function storeAppends(file: string, events: readonly BenchEvent[], synchronous: SqliteSynchronous): Promise<number> {
  const store = new SqliteEventStore(file, eventTypeRegistry(), { synchronous });
  const revisions = new Map<string, number>();
  const started = performance.now();
  for (const { streamId, event } of events) {
    const expected: ExpectedRevision = revisions.get(streamId) ?? 'no_stream';
    const { nextRevision } = await store.append(streamId, [event], expected);
    revisions.set(streamId, nextRevision);
  }
  const rate = perSecond(events.length, started);
  await store.close();
  return rate;
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

/** Raw: every row in position order, data and metadata parsed. */
function rawReads(file: string): number {
  const db = new Database(file, { readonly: true });
  const select = db.prepare('SELECT * FROM events ORDER BY position');
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
async function storeReads(file: string, expected: number): Promise<number> {
  const store = new SqliteEventStore(file, eventTypeRegistry());
  let after: Position | null = null;
  let events = 0;
  const started = performance.now();
  for (;;) {
    const page = await store.readAll(after, 1000);
    if (page.length === 0) break;
    events += page.length;
    after = page[page.length - 1].position;
  }
  const rate = perSecond(events, started);
  await store.close();
  if (events !== expected) throw new Error(`store read ${events} events of ${expected}`);
  return rate;
}

function figure(operation: BenchFigure['operation'], events: number, rawPerSecond: number, storePerSecond: number): BenchFigure {
  const ratio = storePerSecond / rawPerSecond;
  return { operation, events, rawPerSecond, storePerSecond, ratio, met: ratio >= TARGET_RATIO };
}

/** Runs the four measurements in a fresh temporary directory, removed afterwards. */
export async function benchStore(options: BenchOptions, log: (line: string) => void = () => {}): Promise<BenchReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sws-bench-'));
  try {
    log(`appending ${options.appends} events one per transaction (synchronous=${options.synchronous})...`);
    const rawAppend = rawAppends(join(dir, 'raw-append.db'), sampleEvents(options.appends), options.synchronous);
    const storeAppend = await storeAppends(join(dir, 'store-append.db'), sampleEvents(options.appends), options.synchronous);

    log(`filling a log of ${options.reads} events for the reads...`);
    const logFile = join(dir, 'read.db');
    fillLog(logFile, options.reads);
    log('reading it in position order...');
    // Best of two: the first pass also warms the page cache for whichever reader follows.
    const rawRead = Math.max(rawReads(logFile), rawReads(logFile));
    const storeRead = Math.max(await storeReads(logFile, options.reads), await storeReads(logFile, options.reads));

    return {
      options,
      figures: [figure('append', options.appends, rawAppend, storeAppend), figure('read', options.reads, rawRead, storeRead)],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatBenchReport(report: BenchReport): string {
  const rate = (n: number) => `${Math.round(n).toLocaleString('en-US')} events/s`;
  const rows = [
    ['operation', 'events', 'raw better-sqlite3', 'SqliteEventStore', 'store/raw', `target >= ${TARGET_RATIO * 100}%`],
    ...report.figures.map((f) => [
      f.operation === 'append' ? 'append (1 event/commit)' : 'read (pages of 1000)',
      String(f.events),
      rate(f.rawPerSecond),
      rate(f.storePerSecond),
      `${(f.ratio * 100).toFixed(0)}%`,
      f.met ? 'met' : 'MISSED',
    ]),
  ];
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const line = (row: string[]) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
  const missed = report.figures.filter((f) => !f.met);
  return [
    `event store benchmark: synchronous=${report.options.synchronous}, WAL, ${report.options.appends} appends, ${report.options.reads} events read`,
    line(rows[0]),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.slice(1).map(line),
    missed.length === 0
      ? 'all targets met'
      : `MISSED: ${missed.map((f) => `${f.operation} at ${(f.ratio * 100).toFixed(0)}% of raw`).join(', ')} (target ${TARGET_RATIO * 100}%)`,
  ].join('\n');
}
