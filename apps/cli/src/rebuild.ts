import { performance } from 'node:perf_hooks';
import { Projection } from '@sws/kernel';
import { EventStore, Position } from '@sws/event-store';
import { ProjectionPump, PumpCounters, ReadStore } from '@sws/read-store';
import { PROJECTIONS, projectionNamed } from '../../api/src/infrastructure/projections';

/**
 * Events per read-store commit in a rebuild: a document is written once per batch however many of
 * its events the batch holds (on the province set, 5,000 events per batch wrote 930,613 documents,
 * 20,000 wrote 707,249), at the price of holding one batch's changed documents in memory.
 */
export const REBUILD_BATCH_SIZE = 20_000;

/**
 * Documents a rebuild keeps in memory between batches. A rebuild into a new file writes them back:
 * a document is written when the cache drops it or at the end, so the more it holds, the fewer
 * times a document folded in many batches is written and read back (on the province set 722,373
 * writes with one commit per batch, 541,666 written back, 473,079 documents in all). On the national
 * year (3.2 M events, 3.3 M documents) a month touches more documents than 250,000: with that many
 * it read 3.59 M documents back and wrote 7.28 M (peak RSS 2.8 GB); with 1 M, 0.76 M and 4.50 M
 * (3.3 GB); with 2 M, 0.37 M and 4.13 M (4.0 GB). A rebuild in parts shares it out among them (in two
 * parts of 500,000: 0.80 M read back, 4.55 M written, as fast as two of 1 M).
 */
export const REBUILD_CACHED_DOCUMENTS = 1_000_000;

export class UnknownProjection extends Error {
  constructor(
    readonly names: readonly string[],
    readonly valid: readonly string[],
  ) {
    super(`unknown projection ${names.join(', ')}; valid names: ${valid.join(', ')}`);
    this.name = 'UnknownProjection';
  }
}

export interface RebuildProgress {
  /** The read models being rebuilt, as one label (they are folded in one pass). */
  readonly projection: string;
  /** Events read from the log so far. */
  readonly events: number;
  /** An estimate of the events in the log, or null when the store's positions do not tell. */
  readonly total: number | null;
}

export interface RebuildResult {
  readonly projection: string;
  readonly events: number;
  readonly seconds: number;
  /** What the pass did: read-store commits (batches), documents read and written. */
  readonly counters: PumpCounters;
}

/** The projections the names choose ('all' for every one), or UnknownProjection listing the valid names. */
export function chooseProjections(names: readonly string[] | 'all'): Projection<any>[] {
  if (names === 'all') return [...PROJECTIONS];
  const unknown = names.filter((name) => projectionNamed(name) === undefined);
  if (unknown.length > 0 || names.length === 0) throw new UnknownProjection(unknown, PROJECTIONS.map((p) => p.name));
  return [...new Set(names)].map((name) => projectionNamed(name)!);
}

/**
 * The log's length judged from its head position. Positions are opaque, but the embedded store's
 * are dense sequence numbers from 1, so the head is the count; other stores get no percentage.
 */
export function estimatedTotal(head: Position | null): number | null {
  if (head === null) return 0;
  const n = Number(head);
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}

/** How the progress line names the read models of one pass. */
export function passLabel(projections: readonly Projection<any>[]): string {
  return projections.length <= 3 ? projections.map((p) => p.name).join(', ') : `${projections.length} read models`;
}

/**
 * Forgets each chosen read model and folds the whole log into all of them again in one pass
 * (one read of the log, one read-store commit per batch). The service must not be running on the
 * same stores: its pump would keep writing the documents being rebuilt. Resolves one result per
 * read model, each with the pass's events and time.
 */
export async function rebuildProjections(
  names: readonly string[] | 'all',
  stores: { readonly events: EventStore; readonly readModels: ReadStore },
  onProgress: (progress: RebuildProgress) => void = () => {},
  onDone: (result: RebuildResult) => void = () => {},
  options: { readonly batchSize?: number; readonly documentCacheSize?: number; readonly writeBack?: boolean } = {},
): Promise<RebuildResult[]> {
  const projections = chooseProjections(names);
  const started = performance.now();
  for (const projection of projections) await stores.readModels.reset(projection.name, projection.collection);
  const pump = new ProjectionPump(stores.events, stores.readModels, projections, {
    batchSize: options.batchSize ?? REBUILD_BATCH_SIZE,
    documentCacheSize: options.documentCacheSize ?? REBUILD_CACHED_DOCUMENTS,
    writeBack: options.writeBack ?? false,
  });
  const label = passLabel(projections);
  const head = await stores.events.headPosition();
  const total = stores.events.distance(null, head);
  onProgress({ projection: label, events: 0, total });
  const done = await pump.catchUp((progress) =>
    onProgress({ projection: label, events: progress.events, total: total === null ? null : Math.max(total, progress.events) }),
  );
  const seconds = (performance.now() - started) / 1000;
  const results = projections.map((projection) => ({ projection: projection.name, events: done.events, seconds, counters: { ...pump.counters } }));
  results.forEach(onDone);
  return results;
}
