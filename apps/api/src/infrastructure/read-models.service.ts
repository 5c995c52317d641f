import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { Projection } from '@sws/kernel';
import { ProjectionPump, READ_STORE, ReadStore } from '@sws/read-store';
import { APP_CONFIG, AppConfig } from './config';
import { PROJECTIONS } from './projections';
import { PumpSurface, ThreadedPump } from './projection-thread';

export class ReadModelBehind extends Error {
  constructor(readonly projection: string) {
    super(`the ${projection} read model has not caught up with the log`);
  }
}

/** A client asked to read at a position the log has not reached. */
export class PositionBeyondHead extends Error {
  constructor(readonly position: Position) {
    super(`minPosition ${position} lies beyond the last recorded event`);
  }
}

/** How many events after a read model's position a command looks through before it waits for the read model instead. */
const GAP_SCAN = 2_000;

/** Each projection's handled types as a set, made once per projection. */
const handledTypes = new WeakMap<Projection<any>, ReadonlySet<string>>();

/**
 * Whether a read model at `at` holds what it would hold at the log's head: nothing its projection
 * handles lies between (EventStore.holdsAnyOf). Under load the read models trail the log by a
 * commit or two, and a command that reads one as current (catchUpWithLog) need not wait for them
 * to fold events of other kinds: an assessment's scoring reads the evaluator's organization,
 * which no score or session changes.
 */
export async function nothingToFoldUpTo(events: EventStore, projection: Projection<any>, at: Position | null, head: Position): Promise<boolean> {
  if (at === null) return false;
  if (events.comparePositions(at, head) >= 0) return true;
  let types = handledTypes.get(projection);
  if (types === undefined) handledTypes.set(projection, (types = new Set(projection.handles)));
  return (await events.holdsAnyOf(types, at, head, GAP_SCAN)) === false;
}

/** A read model's document with the log position it reflects. */
export interface Reflected<D> {
  readonly document: D | null;
  readonly position: Position | null;
}

/** Where the read models stand, for /health. */
export interface ReadModelsProgress {
  /** Whether they have reached the end of the log since the service started. */
  readonly caughtUp: boolean;
  readonly failed: boolean;
  /** The position every read model reflects. */
  readonly position: Position | null;
}

/**
 * Runs every projection in the background through one pump and answers reads from their
 * documents, waiting (bounded) for a position a client asks for and answering READ_MODEL_BEHIND
 * when the read model does not reach it in time. With PROJECTIONS=thread the pump runs in a worker
 * thread of this process (ThreadedPump), on the embedded stores' files.
 */
@Injectable()
export class ReadModels implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadModels.name);
  private readonly pump: PumpSurface;

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    const onError = (error: unknown) => this.logger.error(`the projections stopped: ${String(error)}`, (error as Error)?.stack);
    const commitIntervalMs = config.projectionCommitIntervalMs ?? 0;
    this.pump =
      config.projections === 'thread'
        ? new ThreadedPump(events, PROJECTIONS, { dataDir: config.dataDir, synchronous: config.synchronous, commitIntervalMs }, onError)
        : new ProjectionPump(events, store, PROJECTIONS, { onError, commitIntervalMs });
  }

  private markStarted!: () => void;
  private readonly startedPromise = new Promise<void>((resolve) => (this.markStarted = resolve));

  /** Reads the checkpoints and starts following the log in the background: it does not wait for the catch-up. */
  async start(): Promise<void> {
    await this.pump.start();
    // Whoever waits for started() (finishing interrupted writes) needs read models that have caught up.
    void this.pump.whenCaughtUp().then(() => this.markStarted());
  }

  /**
   * Resolves once the read models have first caught up with the log after the start (or the
   * projections have stopped trying: then reads say READ_MODEL_BEHIND).
   */
  started(): Promise<void> {
    return this.startedPromise;
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pump.stop();
    await this.store.close();
    await this.events.close();
  }

  positionOf(projection: string): Position | null {
    return this.pump.positionOf(this.known(projection));
  }

  /** Where each read model stands, for /health. */
  status(): Array<{ projection: string; position: Position | null; failed: boolean }> {
    const failed = this.pump.failed !== null;
    return this.pump.projections.map((projection) => ({ projection: projection.name, position: this.pump.positionOf(projection.name), failed }));
  }

  /** Whether the read models have caught up, have stopped, and where they all stand. */
  progress(): ReadModelsProgress {
    return { caughtUp: this.pump.caughtUp, failed: this.pump.failed !== null, position: this.pump.position };
  }

  /** Reads a document, first waiting up to the configured bound for `minPosition`. */
  async read<D>(projection: string, id: string, minPosition: Position | null): Promise<Reflected<D>> {
    const collection = this.collectionOf(projection);
    if (minPosition !== null) await this.waitFor(projection, minPosition);
    const position = this.pump.positionOf(projection);
    const document = await this.store.get<D>(collection, id);
    return { document, position };
  }

  /** Several documents, first waiting up to the configured bound for `minPosition`. */
  async readMany<D>(projection: string, ids: readonly string[], minPosition: Position | null): Promise<Map<string, D>> {
    const collection = this.collectionOf(projection);
    if (minPosition !== null) await this.waitFor(projection, minPosition);
    return this.store.getMany<D>(collection, ids);
  }

  /** Waits, up to the configured bound, until each of the read models reflects `position` (read-your-writes for compositions). */
  async reach(projections: readonly string[], position: Position | null): Promise<void> {
    if (position === null) return;
    for (const projection of projections) await this.waitFor(this.known(projection), position);
  }

  /**
   * Waits, up to the configured bound, for a position the log has reached; refuses one it has not
   * (400), and answers READ_MODEL_BEHIND (503) when the read model does not reach it in time.
   */
  private async waitFor(projection: string, position: Position): Promise<void> {
    if (this.pump.hasReached(projection, position)) return;
    const head = await this.events.headPosition();
    if (head === null || this.events.comparePositions(position, head) > 0) throw new PositionBeyondHead(position);
    if (!(await this.pump.waitFor(projection, position, this.config.readWaitMs))) throw new ReadModelBehind(projection);
  }

  async list<D>(projection: string, limit: number, afterId?: string, where?: { readonly field: string; readonly value: string }, idPrefix?: string) {
    const collection = this.collectionOf(projection);
    const rows = await this.store.list<D>(collection, { limit, afterId, where, idPrefix });
    return { rows, position: this.pump.positionOf(projection) };
  }

  /**
   * Waits until the read model reflects everything in the log now: what a command checking a
   * rule across records needs before it looks (under its lock).
   */
  async catchUpWithLog(projection: string): Promise<void> {
    this.known(projection);
    const head = await this.events.headPosition();
    if (head === null) return;
    if (await nothingToFoldUpTo(this.events, this.projectionNamed(projection), this.pump.positionOf(projection), head)) return;
    if (!(await this.pump.waitFor(projection, head, Math.max(this.config.readWaitMs, 10_000)))) {
      throw new ReadModelBehind(projection);
    }
  }

  /** A document from a read model that has caught up with the log (see catchUpWithLog). */
  async current<D>(projection: string, id: string): Promise<D | null> {
    await this.catchUpWithLog(projection);
    return this.store.get<D>(this.collectionOf(projection), id);
  }

  private known(projection: string): string {
    this.collectionOf(projection);
    return projection;
  }

  private collectionOf(projection: string): string {
    return this.projectionNamed(projection).collection;
  }

  private projectionNamed(projection: string): Projection<any> {
    const found = this.pump.projections.find((p) => p.name === projection);
    if (!found) throw new Error(`no projection ${projection}`);
    return found;
  }
}
