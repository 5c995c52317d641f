import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { Projection } from '@sws/kernel';
import { EventStore, Position, SqliteEventStore, SqliteSynchronous } from '@sws/event-store';
import { PositionWaits, type ProjectionPump } from '@sws/read-store';

/** What ReadModels asks of the pump it runs, in this thread or in a projection thread. */
export type PumpSurface = Pick<
  ProjectionPump,
  'projections' | 'start' | 'stop' | 'whenCaughtUp' | 'positionOf' | 'position' | 'caughtUp' | 'failed' | 'hasReached' | 'waitFor'
>;

/** What the projection thread opens: the data directory's files, written as durably as the service writes them. */
export interface ThreadSettings {
  readonly dataDir: string;
  readonly synchronous: SqliteSynchronous;
  /** The pump's commitIntervalMs. */
  readonly commitIntervalMs: number;
}

/** What the thread starts with: the settings, and the memory of CommitsTold. */
export interface ThreadData extends ThreadSettings {
  readonly told: SharedArrayBuffer;
}

/**
 * Whether the projection thread has been told of commits it has not looked at yet: a flag in
 * memory both threads share, raised by the service's thread when it tells and lowered by the
 * projection thread before it looks. The commits made before the thread looks cost one message,
 * not one each (a message costs the service's thread tens of microseconds); a commit after the
 * flag is lowered is told again, and one before is seen by the look.
 */
export class CommitsTold {
  private readonly flag: Int32Array;

  constructor(readonly memory: SharedArrayBuffer = new SharedArrayBuffer(4)) {
    this.flag = new Int32Array(memory);
  }

  /** The service's side, after a commit: whether to send the thread a message. */
  tell(): boolean {
    return Atomics.exchange(this.flag, 0, 1) === 0;
  }

  /** The projection thread's side, when the message arrives and before it looks. */
  heard(): void {
    Atomics.store(this.flag, 0, 0);
  }
}

/** From the service's thread: events were committed (look now), or stop. */
export type ToThread = 'appended' | 'stop';

/** From the projection thread: positions in the order of the projections both threads run. */
export type FromThread =
  | { readonly kind: 'started'; readonly positions: readonly (Position | null)[] }
  | { readonly kind: 'moved'; readonly positions: readonly (Position | null)[] }
  | { readonly kind: 'caughtUp' }
  | { readonly kind: 'failed'; readonly error: ThreadError };

/** An error of the projection thread, as it crosses to the service's thread. */
export interface ThreadError {
  readonly message: string;
  readonly stack: string | undefined;
}

export function threadError(error: unknown): ThreadError {
  return error instanceof Error ? { message: error.message, stack: error.stack } : { message: String(error), stack: undefined };
}

const WORKER_FILE = join(__dirname, 'projection-thread.worker.js');
/** How long a stop waits for the thread to close its stores before it is terminated. */
const STOP_MS = 10_000;

/**
 * The pump of PROJECTIONS=thread, as the service's thread sees it: the projections run in a worker
 * thread (projection-thread.worker) on their own connections to the same SQLite files, and this
 * side keeps the positions the thread reports, answering `hasReached` and `waitFor` from them as
 * the pump itself would. Every commit of the service's event store wakes the thread. When the
 * thread fails or dies, reads say READ_MODEL_BEHIND and /health says degraded, as when the pump in
 * the service's own thread stops.
 */
export class ThreadedPump implements PumpSurface {
  private worker: Worker | null = null;
  private positions: (Position | null)[];
  private caughtUpOnce = false;
  private failure: unknown = null;
  private readonly waits = new PositionWaits<number | null>((index, position) => this.reached(index, position));
  private caughtUpWaiters: Array<(caughtUp: boolean) => void> = [];
  private stopped: Promise<void> | null = null;
  private unwatch: (() => void) | null = null;
  private readonly indexOf: Map<string, number>;

  constructor(
    private readonly events: EventStore,
    readonly projections: readonly Projection<any>[],
    private readonly settings: ThreadSettings,
    private readonly onError: (error: unknown) => void,
  ) {
    if (!(events instanceof SqliteEventStore)) throw new Error('PROJECTIONS=thread runs with the embedded SQLite event store only');
    this.positions = projections.map(() => null);
    this.indexOf = new Map(projections.map((projection, index) => [projection.name, index]));
  }

  /** Starts the thread; resolves once it has read the checkpoints and follows the log. */
  start(): Promise<void> {
    if (!existsSync(WORKER_FILE)) {
      return Promise.reject(new Error(`PROJECTIONS=thread needs the compiled service (npm run build): ${WORKER_FILE} is missing`));
    }
    return new Promise((resolve, reject) => {
      const told = new CommitsTold();
      const worker = new Worker(WORKER_FILE, { workerData: { ...this.settings, told: told.memory } satisfies ThreadData });
      this.worker = worker;
      // From now on, not from 'started': a commit made while the thread starts is waiting for it in its port.
      this.unwatch = (this.events as SqliteEventStore).watchAppends(() => {
        if (told.tell()) worker.postMessage('appended' satisfies ToThread);
      });
      let started = false;
      worker.on('message', (message: FromThread) => {
        switch (message.kind) {
          case 'started':
            started = true;
            this.move(message.positions);
            resolve();
            break;
          case 'moved':
            this.move(message.positions);
            break;
          case 'caughtUp':
            this.caughtUpOnce = true;
            this.caughtUpWaiters.splice(0).forEach((done) => done(true));
            break;
          case 'failed': {
            const error = Object.assign(new Error(message.error.message), { stack: message.error.stack });
            if (!started) reject(error);
            this.fail(error);
            break;
          }
        }
      });
      worker.on('error', (error) => {
        if (!started) reject(error);
        this.fail(error);
      });
      worker.on('exit', (code) => {
        this.unwatch?.();
        if (this.stopped === null) {
          const error = new Error(`the projection thread exited (code ${code})`);
          if (!started) reject(error);
          this.fail(error);
        }
      });
    });
  }

  /** Asks the thread to stop and close its stores; ends it if it has not within STOP_MS. */
  stop(): Promise<void> {
    const worker = this.worker;
    if (worker === null) return Promise.resolve();
    this.stopped ??= new Promise<void>((resolve) => {
      this.unwatch?.();
      const timer = setTimeout(() => void worker.terminate(), STOP_MS);
      worker.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
      worker.postMessage('stop' satisfies ToThread);
    });
    return this.stopped;
  }

  whenCaughtUp(): Promise<boolean> {
    if (this.caughtUpOnce) return Promise.resolve(true);
    if (this.failure !== null) return Promise.resolve(false);
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  positionOf(projection: string): Position | null {
    return this.positions[this.index(projection)];
  }

  get position(): Position | null {
    let lowest: Position | null = null;
    for (const position of this.positions) {
      if (position === null) return null;
      if (lowest === null || this.events.comparePositions(position, lowest) < 0) lowest = position;
    }
    return lowest;
  }

  get caughtUp(): boolean {
    return this.caughtUpOnce;
  }

  get failed(): unknown {
    return this.failure;
  }

  hasReached(projection: string | null, position: Position): boolean {
    return this.reached(projection === null ? null : this.index(projection), position);
  }

  waitFor(projection: string | null, position: Position, timeoutMs: number): Promise<boolean> {
    const index = projection === null ? null : this.index(projection);
    if (this.reached(index, position)) return Promise.resolve(true);
    if (this.failure !== null) return Promise.resolve(false);
    return this.waits.wait(index, position, timeoutMs);
  }

  private move(positions: readonly (Position | null)[]): void {
    this.positions = [...positions];
    this.waits.wake();
  }

  private reached(index: number | null, position: Position): boolean {
    const reflected = index === null ? (this.positions.length === 0 ? position : this.position) : this.positions[index];
    return reflected !== null && this.events.comparePositions(reflected, position) >= 0;
  }

  private index(projection: string): number {
    const index = this.indexOf.get(projection);
    if (index === undefined) throw new Error(`no projection ${projection}`);
    return index;
  }

  private fail(error: unknown): void {
    if (this.failure !== null) return;
    this.failure = error;
    this.waits.release();
    this.caughtUpWaiters.splice(0).forEach((done) => done(false));
    this.onError(error);
  }
}
