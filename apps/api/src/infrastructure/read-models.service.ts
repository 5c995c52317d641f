import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { ProjectionRunner, READ_STORE, ReadStore } from '@sws/read-store';
import { APP_CONFIG, AppConfig } from './config';
import { PROJECTIONS } from './projections';

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

/** A read model's document with the log position it reflects. */
export interface Reflected<D> {
  readonly document: D | null;
  readonly position: Position | null;
}

/**
 * Runs every projection in the background and answers reads from their documents, waiting
 * (bounded) for a position a client asks for.
 */
@Injectable()
export class ReadModels implements OnApplicationShutdown {
  private readonly logger = new Logger(ReadModels.name);
  private readonly runners = new Map<string, ProjectionRunner>();

  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    for (const projection of PROJECTIONS) {
      this.runners.set(
        projection.name,
        new ProjectionRunner(projection, events, store, {
          onError: (error) => this.logger.error(`projection ${projection.name} stopped: ${String(error)}`, (error as Error)?.stack),
        }),
      );
    }
  }

  private markStarted!: () => void;
  private readonly startedPromise = new Promise<void>((resolve) => (this.markStarted = resolve));

  async start(): Promise<void> {
    for (const runner of this.runners.values()) await runner.start();
    this.markStarted();
  }

  /** Resolves once every projection runner has started following the log. */
  started(): Promise<void> {
    return this.startedPromise;
  }

  async onApplicationShutdown(): Promise<void> {
    for (const runner of this.runners.values()) await runner.stop();
    await this.store.close();
    await this.events.close();
  }

  positionOf(projection: string): Position | null {
    return this.runner(projection).position;
  }

  /** Where each read model stands, for /health. */
  status(): Array<{ projection: string; position: Position | null; failed: boolean }> {
    return [...this.runners.values()].map((runner) => ({
      projection: runner.projection.name,
      position: runner.position,
      failed: runner.failed !== null,
    }));
  }

  /** Reads a document, first waiting up to the configured bound for `minPosition`. */
  async read<D>(projection: string, id: string, minPosition: Position | null): Promise<Reflected<D>> {
    const runner = this.runner(projection);
    if (minPosition !== null) await this.waitFor(runner, minPosition);
    const position = runner.position;
    const document = await this.store.get<D>(runner.projection.collection, id);
    return { document, position };
  }

  /** Several documents, first waiting up to the configured bound for `minPosition`. */
  async readMany<D>(projection: string, ids: readonly string[], minPosition: Position | null): Promise<Map<string, D>> {
    const runner = this.runner(projection);
    if (minPosition !== null) await this.waitFor(runner, minPosition);
    return this.store.getMany<D>(runner.projection.collection, ids);
  }

  /** Waits, up to the configured bound, until each of the read models reflects `position` (read-your-writes for compositions). */
  async reach(projections: readonly string[], position: Position | null): Promise<void> {
    if (position === null) return;
    for (const projection of projections) await this.waitFor(this.runner(projection), position);
  }

  /** Waits, up to the configured bound, for a position the log has reached; refuses one it has not. */
  private async waitFor(runner: ProjectionRunner, position: Position): Promise<void> {
    if (runner.hasReached(position)) return;
    const head = await this.events.headPosition();
    if (head === null || this.events.comparePositions(position, head) > 0) throw new PositionBeyondHead(position);
    await runner.waitFor(position, this.config.readWaitMs);
  }

  async list<D>(projection: string, limit: number, afterId?: string, where?: { readonly field: string; readonly value: string }) {
    const runner = this.runner(projection);
    const rows = await this.store.list<D>(runner.projection.collection, { limit, afterId, where });
    return { rows, position: runner.position };
  }

  /**
   * Waits until the read model reflects everything in the log now: what a command checking a
   * rule across records needs before it looks (under its lock).
   */
  async catchUpWithLog(projection: string): Promise<void> {
    const head = await this.events.headPosition();
    if (head === null) return;
    if (!(await this.runner(projection).waitFor(head, Math.max(this.config.readWaitMs, 10_000)))) {
      throw new ReadModelBehind(projection);
    }
  }

  /** A document from a read model that has caught up with the log (see catchUpWithLog). */
  async current<D>(projection: string, id: string): Promise<D | null> {
    await this.catchUpWithLog(projection);
    return this.store.get<D>(this.runner(projection).projection.collection, id);
  }

  private runner(projection: string): ProjectionRunner {
    const runner = this.runners.get(projection);
    if (!runner) throw new Error(`no projection ${projection}`);
    return runner;
  }
}
