import { ProjectedEvent, Projection } from '@sws/kernel';
import { EventStore, Position, RecordedEvent, Subscription } from '@sws/event-store';
import { PositionWaits } from './position-waits';
import { CheckpointMove, CollectionLayout, DocumentChange, ReadStore, StaleBatch } from './read-store.port';

export interface ProjectionPumpOptions {
  /** Most events folded into one read-store commit (a commit is also made whenever the log is caught up). */
  readonly batchSize?: number;
  /**
   * Most document changes in one commit (MongoDB's transactions hold 5,000): a batch whose fold
   * changes more is folded again in halves.
   */
  readonly maxChangesPerCommit?: number;
  /**
   * Most committed documents kept in memory between batches (least recently used go first), so a
   * document folded again soon after is not read and parsed again. 0 keeps none.
   */
  readonly documentCacheSize?: number;
  /**
   * For a pass whose store is the pump's alone and is thrown away whole if the pass does not finish
   * (a rebuild into a new file, see replaceReadModelFile): documents a batch changes stay in the
   * document cache and are written when the cache drops them or when `catchUp` ends, so a document
   * folded in many batches is stringified and written once or a few times, not once per batch. Its
   * batches' commits then move checkpoints ahead of documents still in memory: any failed commit
   * ends the pass. Only `catchUp` may run in this mode.
   */
  readonly writeBack?: boolean;
  /**
   * When following the log live: the least time from the start of one commit to the next read of
   * the log, so that the appends made meanwhile are folded and committed together (0 by default:
   * each read of what is new is committed at once). Under a steady load a commit's own cost is
   * paid once per interval rather than once per group of appends, and a document several of them
   * touch is written once; an event that comes after a quiet spell is folded at once, one that
   * comes during the pause waits for its end, and the full batches of a catch-up never pause.
   */
  readonly commitIntervalMs?: number;
  readonly onError?: (error: unknown) => void;
  /** Called whenever checkpoints moved (after a commit, or after taking another writer's): a thread running the pump reports its positions. */
  readonly onMoved?: () => void;
}

export interface PumpProgress {
  /** The position every projection of the pump reflects (the lowest of theirs). */
  readonly position: Position | null;
  readonly head: Position | null;
  /** Events read from the log since the pass began. */
  readonly events: number;
}

/** What one batch did, for tests and benchmarks that count. */
export interface PumpCounters {
  batches: number;
  events: number;
  documentsRead: number;
  documentsWritten: number;
  /** Documents a batch found in the pump's cache instead of reading them. */
  documentsCached: number;
}

interface Follower {
  readonly projection: Projection<any>;
  readonly handled: ReadonlySet<string>;
  /** Its collection's documents as the pump last committed them. */
  readonly committed: CollectionDocuments;
  /** The position of the last event its committed documents reflect. */
  position: Position | null;
}

/** A write-back pass whose commit failed: documents it held in memory are gone, so the pass cannot go on. */
class WriteBackFailed extends Error {
  constructor(cause: unknown) {
    super(`a write-back commit failed, and the pass stops: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = 'WriteBackFailed';
  }
}

/** A pump's projections must not write each other's documents or checkpoints. */
class ProjectionsOverlap extends Error {
  constructor(what: string) {
    super(`two projections of one pump share the ${what}`);
    this.name = 'ProjectionsOverlap';
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** One collection's part of the cache; its generations turn over with every other collection's. */
class CollectionDocuments {
  recent = new Map<string, unknown | null>();
  older = new Map<string, unknown | null>();
  readonly dirty = new Set<string>();
  evicted = new Map<string, unknown | null>();

  constructor(private readonly cache: CommittedDocuments) {}

  /** The committed (or, in write-back mode, newest) document (null: known absent), or undefined when not cached. */
  take(id: string): unknown | null | undefined {
    const recent = this.recent.get(id);
    if (recent !== undefined) return recent;
    const older = this.older.get(id);
    if (older !== undefined) {
      this.cache.keep(this, id, older);
      return older;
    }
    if (!this.evicted.has(id)) return undefined;
    const waiting = this.evicted.get(id)!;
    this.evicted.delete(id);
    this.dirty.add(id);
    this.cache.keep(this, id, waiting);
    return waiting;
  }

  remember(id: string, document: unknown | null, dirty = false): void {
    if (dirty) {
      this.dirty.add(id);
      this.evicted.delete(id);
    }
    this.cache.keep(this, id, document);
  }

  clear(): void {
    this.recent = new Map();
    this.older = new Map();
    this.dirty.clear();
    this.evicted = new Map();
  }
}

/**
 * Documents as the pump last committed them, by collection and id: a recent generation and the one
 * before it (a document found in the older moves to the recent one; when the recent generation is
 * full, the older is dropped), so the cache keeps between `capacity` / 2 and `capacity` of the
 * documents used last, at constant cost per use. Valid only while the pump's checkpoints are the
 * stored ones: a commit that continues from them proves no other writer changed the documents since
 * (documents move only with their checkpoints), so the cache is emptied whenever the pump takes
 * checkpoints from the store or a batch fails.
 *
 * In write-back mode a document may be remembered as dirty (changed, not yet written): when its
 * generation is dropped it waits in `evicted` until `drainEvicted` hands it to a commit, and is
 * found there meanwhile, so no read goes past the newest version to an older stored one.
 */
class CommittedDocuments {
  private readonly collections = new Map<string, CollectionDocuments>();
  /** Documents in every collection's recent generation together. */
  private recentSize = 0;
  private readonly generation: number;

  constructor(capacity: number) {
    this.generation = Math.floor(capacity / 2);
  }

  /** The cache of one collection (each follower takes its own once, when the pump is made). */
  of(collection: string): CollectionDocuments {
    let documents = this.collections.get(collection);
    if (!documents) this.collections.set(collection, (documents = new CollectionDocuments(this)));
    return documents;
  }

  /**
   * The dirty documents the cache dropped since the last call, to be written now, in order of
   * collection and id: a store's index then takes them in order rather than at random places
   * (faster by far in SQLite).
   */
  drainEvicted(): DocumentChange[] {
    const changes: DocumentChange[] = [];
    const names = [...this.collections.keys()].sort();
    for (const name of names) {
      const documents = this.collections.get(name)!;
      if (documents.evicted.size === 0) continue;
      const evicted = documents.evicted;
      documents.evicted = new Map();
      for (const id of [...evicted.keys()].sort()) changes.push({ collection: name, id, document: evicted.get(id)! });
    }
    return changes;
  }

  /** Every dirty document, dropped or not, to be written now, in order; afterwards none is dirty. */
  drainDirty(): DocumentChange[] {
    for (const documents of this.collections.values()) {
      for (const id of documents.dirty) documents.evicted.set(id, documents.recent.has(id) ? documents.recent.get(id)! : documents.older.get(id)!);
      documents.dirty.clear();
    }
    return this.drainEvicted();
  }

  clear(): void {
    for (const documents of this.collections.values()) documents.clear();
    this.recentSize = 0;
  }

  keep(documents: CollectionDocuments, id: string, document: unknown | null): void {
    if (this.generation === 0) {
      if (documents.dirty.delete(id)) documents.evicted.set(id, document);
      return;
    }
    if (!documents.recent.has(id)) {
      if (this.recentSize >= this.generation) this.turnOver(documents, id);
      this.recentSize += 1;
    }
    documents.recent.set(id, document);
  }

  /** The recent generation becomes the older; the older is dropped, its dirty documents (unless still in use) to `evicted`. */
  private turnOver(keeping: CollectionDocuments, keptId: string): void {
    for (const documents of this.collections.values()) {
      const dropped = documents.older;
      documents.older = documents.recent;
      documents.recent = new Map();
      if (documents.dirty.size === 0) continue;
      for (const [id, document] of dropped) {
        // Still in use (the document being kept, or moved to the recent generation): not dropped.
        if ((documents === keeping && id === keptId) || documents.older.has(id) || !documents.dirty.delete(id)) continue;
        documents.evicted.set(id, document);
      }
    }
    this.recentSize = 0;
  }
}

/**
 * Feeds every projection from one pass over the log. Each event goes to each projection that
 * handles its type and does not reflect it already (projections may stand at different positions,
 * one of them rebuilding after a version bump). Per batch of events it reads the documents the
 * batch touches with one `getMany` per collection, folds them in a cache that lives for the batch,
 * and writes the changes and every moving checkpoint in one read-store commit that continues from
 * the checkpoints it was folded from (a stale batch writes nothing). A projection that handles none
 * of a batch's events reads and writes no document. Between batches it yields to the event loop,
 * so a process serving HTTP keeps answering during a long catch-up. It holds no more than one batch.
 */
export class ProjectionPump {
  private readonly followers: Follower[];
  private readonly byName: Map<string, Follower>;
  private readonly batchSize: number;
  private readonly maxChanges: number;
  private readonly commitIntervalMs: number;
  private endPause: (() => void) | null = null;
  private subscription: Subscription | null = null;
  private running: Promise<void> | null = null;
  private failure: unknown = null;
  private caughtUpOnce = false;
  private readonly waits = new PositionWaits<Follower | null>((follower, position) => this.reached(follower, position));
  private caughtUpWaiters: Array<(caughtUp: boolean) => void> = [];
  private readonly committed: CommittedDocuments;
  readonly counters: PumpCounters = { batches: 0, events: 0, documentsRead: 0, documentsWritten: 0, documentsCached: 0 };

  constructor(
    private readonly events: EventStore,
    private readonly store: ReadStore,
    projections: readonly Projection<any>[],
    private readonly options: ProjectionPumpOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 1000;
    this.commitIntervalMs = options.commitIntervalMs ?? 0;
    this.maxChanges = options.maxChangesPerCommit ?? store.maxChangesPerCommit ?? Number.POSITIVE_INFINITY;
    if (options.writeBack && Number.isFinite(this.maxChanges)) throw new Error('a write-back pump needs a store that commits any number of changes at once');
    this.committed = new CommittedDocuments(options.documentCacheSize ?? 20_000);
    const names = new Set(projections.map((projection) => projection.name));
    const collections = new Set(projections.map((projection) => projection.collection));
    if (names.size !== projections.length) throw new ProjectionsOverlap('same name');
    if (collections.size !== projections.length) throw new ProjectionsOverlap('same collection');
    this.followers = projections.map((projection) => ({
      projection,
      handled: new Set(projection.handles),
      committed: this.committed.of(projection.collection),
      position: null,
    }));
    this.byName = new Map(this.followers.map((follower) => [follower.projection.name, follower]));
  }

  get projections(): readonly Projection<any>[] {
    return this.followers.map((follower) => follower.projection);
  }

  /** The position of the last event the named read model reflects. */
  positionOf(projection: string): Position | null {
    return this.follower(projection).position;
  }

  /** The position every read model of the pump reflects. */
  get position(): Position | null {
    return this.lowest();
  }

  /** Whether the pump has reached the end of the log at least once since it started. */
  get caughtUp(): boolean {
    return this.caughtUpOnce;
  }

  get failed(): unknown {
    return this.failure;
  }

  /** Resolves true once the pump has reached the end of the log (at once if it has), false if it fails first. */
  whenCaughtUp(): Promise<boolean> {
    if (this.caughtUpOnce) return Promise.resolve(true);
    if (this.failure !== null) return Promise.resolve(false);
    return new Promise((resolve) => this.caughtUpWaiters.push(resolve));
  }

  /** The layouts the projections declare, for the read-model store. */
  layouts(): CollectionLayout[] {
    return this.followers.map(({ projection }) => ({ name: projection.collection, indexedFields: projection.indexes ?? [] }));
  }

  /**
   * Reads every checkpoint, forgets (only) the read models whose projection version changed, and
   * declares the collections' indexes to the store.
   */
  async prepare(): Promise<void> {
    this.committed.clear();
    const stored = await this.store.checkpoints();
    for (const follower of this.followers) {
      const checkpoint = stored.get(follower.projection.name);
      if (checkpoint && checkpoint.version !== follower.projection.version) {
        await this.store.reset(follower.projection.name, follower.projection.collection);
        follower.position = null;
      } else {
        follower.position = (checkpoint?.position as Position | null | undefined) ?? null;
      }
    }
    await this.store.prepare(this.layouts());
  }

  /** Prepares, then follows the log in the background until stopped or failed. */
  async start(): Promise<void> {
    if (this.options.writeBack) throw new Error('a write-back pump only catches up: its documents are written when the pass ends');
    await this.prepare();
    this.running = this.follow(() => false).catch((error) => this.fail(error));
  }

  /** Prepares and runs until every read model reflects the log as it was when called, then stops. */
  async catchUp(onProgress?: (progress: PumpProgress) => void): Promise<PumpProgress> {
    await this.prepare();
    const head = await this.events.headPosition();
    let events = 0;
    const reachedHead = () => head === null || this.reached(null, head);
    if (!reachedHead()) {
      await this.follow((seen) => {
        events = seen;
        onProgress?.({ position: this.lowest(), head, events });
        return reachedHead();
      });
    }
    if (this.options.writeBack) await this.commitWrittenBack({ changes: this.committed.drainDirty(), checkpoints: [] });
    return { position: this.lowest(), head, events };
  }

  /** Whether the named read model (every one, when null) reflects `position` already. */
  hasReached(projection: string | null, position: Position): boolean {
    return this.reached(projection === null ? null : this.follower(projection), position);
  }

  /** Resolves true once the named read model (every one, when null) reflects `position`, false when the wait runs out or the pump fails. */
  waitFor(projection: string | null, position: Position, timeoutMs: number): Promise<boolean> {
    const follower = projection === null ? null : this.follower(projection);
    if (this.reached(follower, position)) return Promise.resolve(true);
    if (this.failure !== null) return Promise.resolve(false);
    return this.waits.wait(follower, position, timeoutMs);
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.endPause?.();
    await this.running;
  }

  /** The pause after a live commit (commitIntervalMs), ended early by stop. */
  private pauseFor(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.endPause?.(), ms);
      this.endPause = () => {
        clearTimeout(timer);
        this.endPause = null;
        resolve();
      };
    });
  }

  /**
   * Follows the log from the lowest checkpoint until `done(eventsSeen)` says so after a commit, or
   * the subscription closes. When another writer (a second process on the same read-model store)
   * has moved checkpoints, the batch wrote nothing: take the stored checkpoints and go on from there.
   */
  private async follow(done: (events: number) => boolean): Promise<void> {
    let seen = 0;
    for (;;) {
      try {
        await this.followFrom(this.lowest(), (events) => (seen += events), () => done(seen));
        return;
      } catch (error) {
        if (!(error instanceof StaleBatch)) throw error;
        await this.resync();
      }
    }
  }

  private async followFrom(from: Position | null, counted: (events: number) => void, stop: () => boolean): Promise<void> {
    const subscription = this.events.subscribe(from);
    this.subscription = subscription;
    let batch: RecordedEvent[] = [];
    try {
      for await (const item of subscription) {
        if (item.kind === 'event') {
          batch.push(item.event);
          if (batch.length < this.batchSize) continue;
        }
        const applying = Date.now();
        const applied = batch.length > 0;
        if (applied) {
          await this.apply(batch);
          counted(batch.length);
        }
        batch = [];
        if (item.kind === 'caughtUp' && !this.caughtUpOnce) {
          this.caughtUpOnce = true;
          this.caughtUpWaiters.splice(0).forEach((resolve) => resolve(true));
        }
        if (stop()) break;
        const pause = applied && item.kind === 'caughtUp' ? this.commitIntervalMs - (Date.now() - applying) : 0;
        // Let HTTP requests (and anything else waiting) run between batches.
        await (pause > 0 ? this.pauseFor(pause) : nextTurn());
      }
    } finally {
      await subscription.close();
    }
  }

  /** Takes the stored checkpoints as the followers' positions; a checkpoint of another version is a conflict it cannot settle. */
  private async resync(): Promise<void> {
    this.committed.clear();
    const stored = await this.store.checkpoints();
    for (const follower of this.followers) {
      const checkpoint = stored.get(follower.projection.name);
      if (checkpoint && checkpoint.version !== follower.projection.version) {
        throw new Error(
          `another process writes the ${follower.projection.name} read model at version ${checkpoint.version}; this one folds version ${follower.projection.version}`,
        );
      }
      follower.position = (checkpoint?.position as Position | null | undefined) ?? null;
    }
    this.wake();
  }

  /** Folds one batch of consecutive events and commits it with every checkpoint it moves. */
  private async apply(batch: readonly RecordedEvent[]): Promise<void> {
    const last = batch[batch.length - 1].position;
    const moving = this.followers.filter((follower) => follower.position === null || this.events.comparePositions(follower.position, last) < 0);
    if (moving.length === 0) return;

    // Which projection folds which event, and which documents that needs. A projection with
    // lookups names its documents only once its lookups are read and folded up to the event
    // (`ids` null until then): its lookups are read with the rest, its documents when named.
    const work: Array<{ follower: Follower; event: ProjectedEvent; ids: readonly string[] | null }> = [];
    const wanted = new Map<Follower, Set<string>>();
    const want = (follower: Follower, ids: readonly string[]) => {
      const set = wanted.get(follower) ?? new Set<string>();
      for (const id of ids) set.add(id);
      wanted.set(follower, set);
    };
    for (const recorded of batch) {
      let projected: ProjectedEvent | null = null;
      for (const follower of moving) {
        if (!follower.handled.has(recorded.type)) continue;
        if (follower.position !== null && this.events.comparePositions(recorded.position, follower.position) <= 0) continue;
        projected ??= { ...recorded, position: recorded.position as string };
        const { lookups } = follower.projection;
        if (lookups) {
          work.push({ follower, event: projected, ids: null });
          want(follower, lookups(projected));
          continue;
        }
        const ids = follower.projection.documentIds(projected);
        if (ids.length === 0) continue;
        work.push({ follower, event: projected, ids });
        want(follower, ids);
      }
    }

    // The documents the batch touches: those committed lately from memory, the others read once per
    // collection; kept for the batch.
    const cache = new Map<Follower, Map<string, unknown | null>>();
    for (const [follower, ids] of wanted) {
      const documents = new Map<string, unknown | null>();
      await this.read(follower, ids, documents);
      cache.set(follower, documents);
    }

    const changed = new Map<Follower, Set<string>>();
    for (const item of work) {
      const { follower, event } = item;
      let documents = cache.get(follower);
      if (!documents) cache.set(follower, (documents = new Map()));
      let lookedUp: ((id: string) => unknown | null) | undefined;
      let ids = item.ids;
      if (ids === null) {
        const named = new Set(follower.projection.lookups!(event));
        const view = documents;
        lookedUp = (id) => {
          if (!named.has(id)) throw new Error(`the ${follower.projection.name} projection looked up ${id}, which it did not name for this event`);
          return view.get(id) ?? null;
        };
        ids = follower.projection.documentIds(event, lookedUp);
        await this.read(follower, ids.filter((id) => !documents!.has(id)), documents);
        for (const id of ids) named.add(id);
      }
      if (ids.length === 0) continue;
      const touched = changed.get(follower) ?? new Set<string>();
      for (const id of ids) {
        documents.set(id, follower.projection.evolve(documents.get(id) ?? null, event, lookedUp && { id, lookedUp }));
        touched.add(id);
      }
      changed.set(follower, touched);
    }

    const remember = (dirty: boolean) => {
      for (const [follower, ids] of changed) {
        const documents = cache.get(follower)!;
        for (const id of ids) follower.committed.remember(id, documents.get(id) ?? null, dirty);
      }
    };
    const checkpoints: CheckpointMove[] = moving.map((follower) => ({
      projection: follower.projection.name,
      version: follower.projection.version,
      from: follower.position,
      to: last,
    }));
    if (this.options.writeBack) {
      remember(true);
      await this.commitWrittenBack({ changes: this.committed.drainEvicted(), checkpoints });
    } else {
      const changes: DocumentChange[] = [];
      for (const [follower, ids] of changed) {
        const documents = cache.get(follower)!;
        for (const id of ids) changes.push({ collection: follower.projection.collection, id, document: documents.get(id) ?? null });
      }
      if (changes.length > this.maxChanges && batch.length > 1) {
        // Nothing is committed yet and the fold is pure: fold each half again, from the store.
        const half = Math.ceil(batch.length / 2);
        await this.apply(batch.slice(0, half));
        await this.apply(batch.slice(half));
        return;
      }
      try {
        await this.store.commit({ changes, checkpoints });
      } catch (error) {
        this.committed.clear();
        throw error;
      }
      remember(false);
      this.counters.documentsWritten += changes.length;
    }

    for (const follower of moving) follower.position = last;
    this.counters.batches += 1;
    this.counters.events += batch.length;
    this.wake();
  }

  /** In write-back mode, a commit of dropped (or, at the end, all) dirty documents; a failure ends the pass. */
  private async commitWrittenBack(batch: { changes: DocumentChange[]; checkpoints: CheckpointMove[] }): Promise<void> {
    try {
      await this.store.commit(batch);
    } catch (error) {
      this.committed.clear();
      throw new WriteBackFailed(error);
    }
    this.counters.documentsWritten += batch.changes.length;
  }

  /** Puts the documents into `documents`: those committed lately from memory, the others read in one getMany. */
  private async read(follower: Follower, ids: Iterable<string>, documents: Map<string, unknown | null>): Promise<void> {
    const missing: string[] = [];
    for (const id of ids) {
      const known = follower.committed.take(id);
      if (known === undefined) missing.push(id);
      else {
        documents.set(id, known);
        this.counters.documentsCached += 1;
      }
    }
    if (missing.length === 0) return;
    const found = await this.store.getMany<unknown>(follower.projection.collection, missing);
    this.counters.documentsRead += found.size;
    for (const id of missing) documents.set(id, found.get(id) ?? null);
  }

  private wake(): void {
    this.options.onMoved?.();
    this.waits.wake();
  }

  private lowest(): Position | null {
    let lowest: Position | null = null;
    for (const [index, follower] of this.followers.entries()) {
      if (follower.position === null) return null;
      if (index === 0 || this.events.comparePositions(follower.position, lowest!) < 0) lowest = follower.position;
    }
    return lowest;
  }

  private reached(follower: Follower | null, position: Position): boolean {
    if (follower === null) {
      if (this.followers.length === 0) return true;
      const lowest = this.lowest();
      return lowest !== null && this.events.comparePositions(lowest, position) >= 0;
    }
    return follower.position !== null && this.events.comparePositions(follower.position, position) >= 0;
  }

  private follower(projection: string): Follower {
    const follower = this.byName.get(projection);
    if (!follower) throw new Error(`no projection ${projection}`);
    return follower;
  }

  private fail(error: unknown): void {
    this.failure = error;
    this.waits.release();
    this.caughtUpWaiters.splice(0).forEach((resolve) => resolve(false));
    this.options.onError?.(error);
  }
}
