import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Projection } from '@sws/kernel';
import { replaceReadModelFile, SqliteReadStore } from '@sws/read-store';
import { StorageConfig } from '../../api/src/infrastructure/config';
import { PROJECTIONS } from '../../api/src/infrastructure/projections';
import { openEventStore } from '../../api/src/infrastructure/stores';
import { passLabel, REBUILD_CACHED_DOCUMENTS, rebuildProjections, RebuildProgress, RebuildResult } from './rebuild';

/**
 * What each read model costs a rebuild, relative to the others: the seconds a rebuild of that read
 * model alone took on the province data set beyond a pass that writes nothing (2.65 s), in
 * milliseconds, the mean of two runs on 2026-12-07 (`npm run cli -- rebuild <name>`, one by one);
 * read models whose own cost was lost in the pass's cost 50. Only the balance of the parts depends
 * on it, never what they hold.
 */
const REBUILD_COST: Readonly<Record<string, number>> = {
  'worker-years': 2770,
  assessments: 2060,
  'contract-stream-links': 1700,
  'worker-ledgers': 1570,
  'service-outputs': 1540,
  'supervision-sessions': 1210,
  'supervisor-workloads': 1010,
  'service-output-years': 960,
  'station-scorecards': 940,
  'region-figures': 790,
  'social-workers': 770,
  'open-assessments': 510,
  'assessment-scores': 450,
  stations: 390,
  'evaluator-consistency': 370,
  'contract-streams': 370,
  'region-stations': 300,
  'pending-reservations': 270,
  contracts: 260,
  supervisors: 170,
  trainings: 130,
};
const UNMEASURED_COST = 50;

/** The projections in `parts` groups of about equal cost: the costliest first, each to the cheapest group so far. */
export function partitionProjections(projections: readonly Projection<any>[], parts: number): Projection<any>[][] {
  const groups = Array.from({ length: parts }, () => ({ cost: 0, projections: [] as Projection<any>[] }));
  const cost = (p: Projection<any>) => REBUILD_COST[p.collection] ?? UNMEASURED_COST;
  for (const projection of [...projections].sort((a, b) => cost(b) - cost(a) || a.name.localeCompare(b.name))) {
    const cheapest = groups.reduce((best, group) => (group.cost < best.cost ? group : best));
    cheapest.cost += cost(projection);
    cheapest.projections.push(projection);
  }
  return groups.map((group) => group.projections).filter((group) => group.length > 0);
}

/** What the thread of one part is given. */
export interface PartTask {
  readonly config: StorageConfig;
  readonly names: readonly string[];
  readonly file: string;
  readonly batchSize?: number;
  readonly documentCacheSize?: number;
}

/** What it posts: its progress as it goes, then its results or its failure. */
export type PartMessage =
  | { readonly kind: 'progress'; readonly events: number }
  | { readonly kind: 'done'; readonly results: RebuildResult[] }
  | { readonly kind: 'failed'; readonly message: string };

/** How a part folds: into a file of its own, so its documents are written back (see ProjectionPumpOptions.writeBack). */
const passOptions = (task: PartTask) => ({ batchSize: task.batchSize, documentCacheSize: task.documentCacheSize, writeBack: true });

/** Folds one part's read models into a file of their own (in bulk-load mode), on the calling thread. */
export async function rebuildPart(task: PartTask, onEvents: (events: number) => void): Promise<RebuildResult[]> {
  const events = await openEventStore(task.config);
  const readModels = new SqliteReadStore(task.file, { bulkLoad: true });
  try {
    return await rebuildProjections(task.names, { events, readModels }, (p) => onEvents(p.events), undefined, passOptions(task));
  } finally {
    await readModels.close();
    await events.close();
  }
}

const THREAD_FILE = join(__dirname, 'rebuild-thread.js');

interface PartThread {
  readonly done: Promise<RebuildResult[]>;
  stop(): Promise<void>;
}

/** One part on a worker thread of its own (when the CLI runs compiled; see rebuildAllInParts). */
function rebuildPartInThread(task: PartTask, onEvents: (events: number) => void): PartThread {
  const worker = new Worker(THREAD_FILE, { workerData: task });
  const done = new Promise<RebuildResult[]>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: () => void) => {
      settled = true;
      outcome();
    };
    worker.on('message', (message: PartMessage) => {
      if (message.kind === 'progress') onEvents(message.events);
      else if (message.kind === 'done') settle(() => resolve(message.results));
      else settle(() => reject(new Error(`a rebuild thread failed: ${message.message}`)));
    });
    worker.on('error', (error) => settle(() => reject(error)));
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`a rebuild thread exited with ${code} before it finished`));
    });
  });
  done.catch(() => {}); // awaited by the caller, or dropped when another part failed first
  return { done, stop: async () => void (await worker.terminate()) };
}

/**
 * Rebuilds every read model of the embedded store into a new read-model file that takes the old
 * one's place when whole (see replaceReadModelFile): the read models in `parts` groups of about
 * equal cost, each folded from its own pass over the log on a thread of its own into a file of its
 * own, the other parts' files then copied into the first. Each part reads and parses the whole log
 * itself, so parts pay off only with a core each: on 2 cores, two parts rebuilt the national year in
 * 156 s against 205 s for one. `documentCacheSize` is the rebuild's, shared out equally among the
 * parts (two parts of 500,000 documents were as fast as two of 1,000,000).
 * Resolves one result per read model; the counters and the time are the whole rebuild's.
 */
export async function rebuildAllInParts(
  config: StorageConfig,
  onProgress: (progress: RebuildProgress) => void,
  options: {
    readonly parts?: number;
    readonly batchSize?: number;
    readonly documentCacheSize?: number;
    /** Told as each part finishes folding its read models (in any order), with the seconds since the rebuild began: how evenly the parts split the work. */
    readonly onPartDone?: (part: { readonly index: number; readonly readModels: number; readonly seconds: number }) => void;
  } = {},
): Promise<RebuildResult[]> {
  const file = join(config.dataDir, 'read-models.db');
  const groups = partitionProjections(PROJECTIONS, Math.max(1, options.parts ?? 2));
  const threaded = existsSync(THREAD_FILE);
  const label = passLabel(PROJECTIONS);
  const seen = groups.map(() => 0);
  const total = { value: null as number | null };
  const report = (part: number, events: number) => {
    seen[part] = events;
    onProgress({ projection: label, events: Math.min(...seen), total: total.value });
  };
  const started = Date.now();
  const partDone = <T>(index: number) => (results: T): T => {
    options.onPartDone?.({ index, readModels: groups[index]!.length, seconds: (Date.now() - started) / 1000 });
    return results;
  };
  return replaceReadModelFile(file, async (store) => {
    const partFiles = groups.slice(1).map((_, i) => `${file}.rebuilding-part-${i + 1}`);
    for (const partFile of partFiles) rmSync(partFile, { force: true });
    const documentCacheSize = Math.floor((options.documentCacheSize ?? REBUILD_CACHED_DOCUMENTS) / groups.length);
    const tasks = groups.map((group, i) => ({ config, names: group.map((p) => p.name), file: i === 0 ? '' : partFiles[i - 1]!, batchSize: options.batchSize, documentCacheSize }));
    // Compiled, each other part runs on a thread of its own; under ts-jest (no .js), after the first on this one.
    const threads = threaded ? tasks.slice(1).map((task, i) => rebuildPartInThread(task, (events) => report(i + 1, events))) : [];
    const threadsDone = threads.map((thread, i) => thread.done.then(partDone(i + 1)));
    for (const done of threadsDone) done.catch(() => {}); // as each thread's own `done`
    try {
      const events = await openEventStore(config);
      let own: RebuildResult[];
      try {
        total.value = events.distance(null, await events.headPosition());
        own = partDone<RebuildResult[]>(0)(
          await rebuildProjections(tasks[0]!.names, { events, readModels: store }, (p) => report(0, p.events), undefined, passOptions(tasks[0]!)),
        );
      } finally {
        await events.close();
      }
      const rest = threaded
        ? await Promise.all(threadsDone)
        : await sequentially(tasks.slice(1), (task, i) => rebuildPart(task, (n) => report(i + 1, n)).then(partDone(i + 1)));
      for (const partFile of partFiles) store.absorb(partFile);
      return combined([own, ...rest], (Date.now() - started) / 1000);
    } finally {
      await Promise.all(threads.map((thread) => thread.stop()));
      for (const partFile of partFiles) for (const path of [partFile, `${partFile}-wal`, `${partFile}-shm`]) rmSync(path, { force: true });
    }
  });
}

async function sequentially<T, R>(items: readonly T[], run: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (const [index, item] of items.entries()) out.push(await run(item, index));
  return out;
}

/** Every part's results, each with the whole rebuild's time and the counters of all the parts together. */
function combined(parts: readonly RebuildResult[][], seconds: number): RebuildResult[] {
  const counters = { batches: 0, events: 0, documentsRead: 0, documentsWritten: 0, documentsCached: 0 };
  let events = 0;
  for (const part of parts) {
    const first = part[0];
    if (!first) continue;
    events = Math.max(events, first.events);
    counters.batches += first.counters.batches;
    counters.events = Math.max(counters.events, first.counters.events);
    counters.documentsRead += first.counters.documentsRead;
    counters.documentsWritten += first.counters.documentsWritten;
    counters.documentsCached += first.counters.documentsCached;
  }
  return parts.flat().map((result) => ({ ...result, events, seconds, counters }));
}
