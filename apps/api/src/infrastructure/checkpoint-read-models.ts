import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { READ_STORE, ReadStore } from '@sws/read-store';
import { Projection } from '@sws/kernel';
import { APP_CONFIG, AppConfig } from './config';
import { PROJECTIONS } from './projections';
import { nothingToFoldUpTo, PositionBeyondHead, ReadModelBehind, ReadModels, ReadModelsProgress, Reflected } from './read-models.service';

/** What every resource reads through: ReadModels' public methods. */
export type ReadModelsSurface = Pick<
  ReadModels,
  'start' | 'started' | 'onApplicationShutdown' | 'positionOf' | 'status' | 'progress' | 'read' | 'readMany' | 'reach' | 'list' | 'catchUpWithLog' | 'current'
>;

/** How often the positions /health and every read report are refreshed from the stored checkpoints. */
export const CHECKPOINT_REFRESH_MS = 200;
/** How often a read waiting for a position looks at its projection's checkpoint again. */
export const CHECKPOINT_WAIT_POLL_MS = 20;
/** The longest a command checking a rule across records waits for a read model to reach the head (as ReadModels). */
const CATCH_UP_MS = 10_000;

/**
 * The read models of an API process started with PROJECTIONS=off: it runs no projection and
 * reads what the projector (apps/projector) committed to the shared read store. Each document
 * and its projection's checkpoint are committed in one transaction, so a checkpoint read before
 * a document says a position the document reflects at least. Positions come from those
 * checkpoints: kept in a cache refreshed every CHECKPOINT_REFRESH_MS, and read afresh (every
 * CHECKPOINT_WAIT_POLL_MS, up to READ_WAIT_MS) while a read waits for `minPosition` or a command
 * waits for the head. A checkpoint written by another version of a projection counts as no
 * position: its documents are not what this process's code expects.
 */
@Injectable()
export class CheckpointReadModels implements ReadModelsSurface, OnApplicationShutdown {
  private readonly projections = new Map<string, Projection<any>>(PROJECTIONS.map((p) => [p.name, p]));
  private readonly positions = new Map<string, { position: Position | null; ticket: number }>();
  private tickets = 0;
  /** The head of the log as the last refresh saw it. */
  private head: Position | null = null;
  private refreshing: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private markStarted!: () => void;
  private readonly startedPromise = new Promise<void>((resolve) => (this.markStarted = resolve));

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async start(): Promise<void> {
    await this.refresh();
    this.timer = setInterval(() => void this.refresh().catch(() => undefined), CHECKPOINT_REFRESH_MS);
    this.timer.unref();
    this.markStarted();
  }

  /** Resolves once the first positions have been read from the checkpoints. */
  started(): Promise<void> {
    return this.startedPromise;
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.refreshing;
    await this.store.close();
    await this.events.close();
  }

  positionOf(projection: string): Position | null {
    this.projection(projection);
    return this.positions.get(projection)?.position ?? null;
  }

  /** Where each read model stands as the projector left it (`failed` is the projector's to report). */
  status(): Array<{ projection: string; position: Position | null; failed: boolean }> {
    return [...this.projections.keys()].map((projection) => ({ projection, position: this.positionOf(projection), failed: false }));
  }

  /**
   * The lowest position of the projector's read models, and whether they had all reached the head of
   * the log at the last refresh (the projector reports its own failures on its /health).
   */
  progress(): ReadModelsProgress {
    const positions = [...this.projections.keys()].map((projection) => this.positionOf(projection));
    const position = positions.some((p) => p === null)
      ? null
      : (positions as Position[]).reduce((lowest, p) => (this.events.comparePositions(p, lowest) < 0 ? p : lowest));
    const caughtUp = this.head === null || (position !== null && this.events.comparePositions(position, this.head) >= 0);
    return { caughtUp, failed: false, position };
  }

  async read<D>(projection: string, id: string, minPosition: Position | null): Promise<Reflected<D>> {
    const { collection } = this.projection(projection);
    if (minPosition !== null) await this.waitFor(projection, minPosition, this.config.readWaitMs);
    // The position first: the document read after it reflects at least that much.
    const position = this.positionOf(projection);
    return { document: await this.store.get<D>(collection, id), position };
  }

  async readMany<D>(projection: string, ids: readonly string[], minPosition: Position | null): Promise<Map<string, D>> {
    const { collection } = this.projection(projection);
    if (minPosition !== null) await this.waitFor(projection, minPosition, this.config.readWaitMs);
    return this.store.getMany<D>(collection, ids);
  }

  async reach(projections: readonly string[], position: Position | null): Promise<void> {
    if (position === null) return;
    for (const projection of projections) await this.waitFor(projection, position, this.config.readWaitMs);
  }

  async list<D>(projection: string, limit: number, afterId?: string, where?: { readonly field: string; readonly value: string }, idPrefix?: string) {
    const { collection } = this.projection(projection);
    const position = this.positionOf(projection);
    const rows = await this.store.list<D>(collection, { limit, afterId, where, idPrefix });
    return { rows, position };
  }

  /** Waits until the projector's read model reflects everything in the log now (see ReadModels.catchUpWithLog). */
  async catchUpWithLog(projection: string): Promise<void> {
    const found = this.projection(projection);
    const head = await this.events.headPosition();
    if (head === null) return;
    if (await nothingToFoldUpTo(this.events, found, this.positionOf(projection), head)) return;
    if (!(await this.reached(projection, head, Math.max(this.config.readWaitMs, CATCH_UP_MS)))) throw new ReadModelBehind(projection);
  }

  async current<D>(projection: string, id: string): Promise<D | null> {
    await this.catchUpWithLog(projection);
    return this.store.get<D>(this.projection(projection).collection, id);
  }

  /** Waits, up to `timeoutMs`, for a position the log has reached; refuses one it has not. */
  private async waitFor(projection: string, position: Position, timeoutMs: number): Promise<void> {
    if (this.isAt(this.positionOf(projection), position)) return;
    const head = await this.events.headPosition();
    if (head === null || this.events.comparePositions(position, head) > 0) throw new PositionBeyondHead(position);
    if (!(await this.reached(projection, position, timeoutMs))) throw new ReadModelBehind(projection);
  }

  /** Polls the projection's checkpoint until it reflects `position`; false when the time runs out. */
  private async reached(projection: string, position: Position, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.isAt(await this.readCheckpoint(projection), position)) return true;
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, Math.min(CHECKPOINT_WAIT_POLL_MS, Math.max(0, deadline - Date.now()))));
    }
  }

  private isAt(reflected: Position | null, position: Position): boolean {
    return reflected !== null && this.events.comparePositions(reflected, position) >= 0;
  }

  /** Reads every checkpoint once; at most one pass runs at a time. */
  private refresh(): Promise<void> {
    this.refreshing ??= (async () => {
      try {
        const head = await this.events.headPosition();
        for (const projection of this.projections.keys()) await this.readCheckpoint(projection);
        this.head = head;
      } finally {
        this.refreshing = null;
      }
    })();
    return this.refreshing;
  }

  /**
   * Reads a projection's checkpoint and caches it, unless a read that began later has cached one
   * already (it saw the store at least as late), so the cache never goes back to an older answer.
   */
  private async readCheckpoint(projection: string): Promise<Position | null> {
    const ticket = ++this.tickets;
    const checkpoint = await this.store.checkpoint(projection);
    const version = this.projection(projection).version;
    const position = checkpoint !== null && checkpoint.version === version && checkpoint.position !== null ? this.events.parsePosition(checkpoint.position) : null;
    const cached = this.positions.get(projection);
    if (!cached || cached.ticket < ticket) this.positions.set(projection, { position, ticket });
    return position;
  }

  private projection(projection: string): Projection<any> {
    const found = this.projections.get(projection);
    if (!found) throw new Error(`no projection ${projection}`);
    return found;
  }
}
