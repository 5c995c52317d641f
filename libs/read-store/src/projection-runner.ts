import { Projection } from '@sws/kernel';
import { EventStore, Position, RecordedEvent, Subscription } from '@sws/event-store';
import { DocumentChange, ReadStore } from './read-store.port';

export interface ProjectionRunnerOptions {
  /** Events folded before the documents and checkpoint are committed together. */
  readonly batchSize?: number;
  readonly onError?: (error: unknown) => void;
}

export interface Progress {
  readonly position: Position | null;
  readonly head: Position | null;
  readonly events: number;
}

/**
 * Feeds events from a subscription to one pure projection. Changes are staged in memory and
 * committed with the checkpoint in one transaction: at most every `batchSize` events, and
 * whenever the subscription has caught up. On start it resumes from the checkpoint; when the
 * projection's version differs from the stored one it rebuilds from the start of the log.
 */
export class ProjectionRunner {
  private committed: Position | null = null;
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private failure: unknown = null;
  private waiters: Array<{ position: Position; resolve: (reached: boolean) => void }> = [];
  private readonly batchSize: number;
  private readonly handled: ReadonlySet<string>;

  constructor(
    readonly projection: Projection<any>,
    private readonly events: EventStore,
    private readonly readStore: ReadStore,
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 500;
    this.handled = new Set(projection.handles);
  }

  /** The position of the last event the read model reflects. */
  get position(): Position | null {
    return this.committed;
  }

  get failed(): unknown {
    return this.failure;
  }

  /** Starts following the log in the background. */
  async start(): Promise<void> {
    await this.prepare();
    this.running = this.follow(() => false).catch((error) => this.fail(error));
  }

  /** Runs until the read model has caught up with the log as it was when called, then stops. */
  async catchUp(onProgress?: (progress: Progress) => void): Promise<Progress> {
    await this.prepare();
    const head = await this.events.headPosition();
    let events = 0;
    await this.follow((position, count) => {
      events = count;
      onProgress?.({ position, head, events });
      return head === null || (position !== null && this.events.comparePositions(position, head) >= 0);
    });
    return { position: this.committed, head, events };
  }

  /** Whether the read model reflects `position` already. */
  hasReached(position: Position): boolean {
    return this.reached(position);
  }

  /** Resolves true once the read model reflects `position`, false when the wait runs out. */
  waitFor(position: Position, timeoutMs: number): Promise<boolean> {
    if (this.reached(position)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const waiter = { position, resolve };
      this.waiters.push(waiter);
      setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w !== waiter);
        resolve(this.reached(position));
      }, timeoutMs).unref?.();
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    await this.running;
  }

  private async prepare(): Promise<void> {
    const checkpoint = await this.readStore.checkpoint(this.projection.name);
    if (checkpoint && checkpoint.version !== this.projection.version) {
      await this.readStore.reset(this.projection.name, this.projection.collection);
      this.committed = null;
    } else {
      this.committed = (checkpoint?.position as Position | null) ?? null;
    }
  }

  /** Follows the log until `done(position, eventsSeen)` says so at a commit, or the subscription closes. */
  private async follow(done: (position: Position | null, events: number) => boolean): Promise<void> {
    const subscription = this.events.subscribe(this.committed);
    this.subscription = subscription;
    const staged = new Map<string, unknown | null>();
    let pending = 0;
    let seen = 0;
    let last: Position | null = this.committed;
    try {
      for await (const item of subscription) {
        if (item.kind === 'event') {
          await this.fold(item.event, staged);
          last = item.event.position;
          pending += 1;
          seen += 1;
          if (pending < this.batchSize) continue;
        }
        if (pending > 0 || item.kind === 'caughtUp') {
          await this.commit(staged, last);
          staged.clear();
          pending = 0;
          if (done(this.committed, seen)) break;
        }
      }
    } finally {
      await subscription.close();
    }
  }

  private async fold(event: RecordedEvent, staged: Map<string, unknown | null>): Promise<void> {
    if (!this.handled.has(event.type)) return;
    const projected = { ...event, position: event.position as string };
    for (const id of this.projection.documentIds(projected)) {
      const current = staged.has(id) ? staged.get(id)! : await this.readStore.get(this.projection.collection, id);
      staged.set(id, this.projection.evolve(current, projected));
    }
  }

  private async commit(staged: Map<string, unknown | null>, position: Position | null): Promise<void> {
    const changes: DocumentChange[] = [...staged].map(([id, document]) => ({
      collection: this.projection.collection,
      id,
      document,
    }));
    await this.readStore.commit(this.projection.name, this.projection.version, changes, position);
    this.committed = position;
    const waiting = this.waiters;
    this.waiters = [];
    for (const waiter of waiting) {
      if (this.reached(waiter.position)) waiter.resolve(true);
      else this.waiters.push(waiter);
    }
  }

  private reached(position: Position): boolean {
    return this.committed !== null && this.events.comparePositions(this.committed, position) >= 0;
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.options.onError?.(error);
  }
}
