import { performance } from 'node:perf_hooks';
import { Projection } from '@sws/kernel';
import { EventStore, Position } from '@sws/event-store';
import { ProjectionRunner, ReadStore } from '@sws/read-store';
import { PROJECTIONS, projectionNamed } from '../../api/src/infrastructure/projections';

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

/**
 * Forgets each chosen read model and folds the whole log into it again. The service must not be
 * running on the same stores: its runners would keep writing the documents being rebuilt.
 */
export async function rebuildProjections(
  names: readonly string[] | 'all',
  stores: { readonly events: EventStore; readonly readModels: ReadStore },
  onProgress: (progress: RebuildProgress) => void = () => {},
  onDone: (result: RebuildResult) => void = () => {},
): Promise<RebuildResult[]> {
  const projections = chooseProjections(names);
  const results: RebuildResult[] = [];
  for (const projection of projections) {
    const started = performance.now();
    await stores.readModels.reset(projection.name, projection.collection);
    const runner = new ProjectionRunner(projection, stores.events, stores.readModels);
    const total = estimatedTotal(await stores.events.headPosition());
    onProgress({ projection: projection.name, events: 0, total });
    const done = await runner.catchUp((progress) =>
      onProgress({ projection: projection.name, events: progress.events, total: total === null ? null : Math.max(total, progress.events) }),
    );
    const result = { projection: projection.name, events: done.events, seconds: (performance.now() - started) / 1000 };
    results.push(result);
    onDone(result);
  }
  return results;
}
