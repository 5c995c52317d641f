import { mongo } from 'mongoose';
import { StoreUnavailable } from '@sws/event-store';
import {
  Checkpoint,
  CollectionLayout,
  DocumentChange,
  ID_PREFIX_END,
  ListOptions,
  ReadModelBatch,
  ReadStore,
  StaleBatch,
  UndeclaredIndex,
} from '../read-store.port';
import { MongoCollection, MongoSurface } from './mongo-surface';

/** A read model's document as MongoDB keeps it: the projection's document under `body`, its id as `_id`. */
interface StoredDocument {
  _id: string;
  body: unknown;
}

interface StoredCheckpoint {
  _id: string;
  position: string | null;
  version: number;
}

export type { CollectionLayout } from '../read-store.port';

/** How one projection's checkpoint moves with a batch, in this adapter's own terms. */
export interface MongoCheckpointMove {
  readonly projection: string;
  readonly version: number;
  readonly position: string | null;
  /**
   * The checkpoint the batch was folded from: it applies only while that is still the stored one.
   * Without it, the batch applies only when it moves the stored checkpoint forward.
   */
  readonly continuesFrom?: string | null;
}

/** Document changes for any number of collections and the checkpoints that move with them. */
export interface MongoBatch {
  readonly changes: readonly DocumentChange[];
  readonly checkpoints: readonly MongoCheckpointMove[];
}

export interface MongoReadStoreOptions {
  /** The event store's order of positions: a checkpoint moves only forward. */
  readonly comparePositions: (a: string, b: string) => number;
  /** Most document changes in one transaction, keeping each well inside MongoDB's 60 s limit. */
  readonly maxChangesPerBatch?: number;
  readonly maxCommitTimeMS?: number;
  readonly checkpointCollection?: string;
}

export const MONGO_STORE_NAME = 'MongoDB read-model store';
const NAMESPACE_EXISTS = 48;
const FIELD = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The driver's errors for a server it cannot reach, as the port's. */
function translated(error: unknown): unknown {
  const unreachable =
    error instanceof mongo.MongoNetworkError ||
    error instanceof mongo.MongoServerSelectionError ||
    error instanceof mongo.MongoNotConnectedError ||
    error instanceof mongo.MongoTopologyClosedError;
  return unreachable ? new StoreUnavailable(MONGO_STORE_NAME, (error as Error).message) : error;
}

/** Another process created the collection between our look and our create: what we wanted. */
function alreadyCreated(error: unknown): void {
  if ((error as { code?: unknown }).code !== NAMESPACE_EXISTS) throw error;
}

function bodyPath(field: string): string {
  if (!FIELD.test(field)) throw new Error(`cannot filter on field ${field}`);
  return `body.${field}`;
}

/**
 * Read models in MongoDB, one collection per read model, checkpoints in a collection of their
 * own. A batch of document changes, for any collections, and the checkpoints it moves are one
 * transaction, which first reads the stored checkpoints and changes nothing when the batch is a
 * replay (a duplicate-key error is never relied on: inside a transaction it aborts it).
 * Collections and indexes are created before any transaction touches them.
 */
export class MongoReadStore implements ReadStore {
  private readonly collections = new Set<string>();
  private readonly layout = new Map<string, readonly string[]>();
  private readonly maxChanges: number;
  private readonly checkpointCollection: string;

  constructor(
    private readonly mongo: MongoSurface,
    private readonly options: MongoReadStoreOptions,
  ) {
    this.maxChanges = options.maxChangesPerBatch ?? 5000;
    this.checkpointCollection = options.checkpointCollection ?? 'read_model_checkpoints';
  }

  /** Most document changes one transaction takes (the pump splits a larger batch). */
  get maxChangesPerCommit(): number {
    return this.maxChanges;
  }

  /** Refuses a server that cannot run transactions, then creates the collections and their indexes. */
  async prepare(collections: readonly CollectionLayout[]): Promise<void> {
    await this.guard(async () => {
      const hello = await this.mongo.database.command({ hello: 1 });
      if (typeof hello.setName !== 'string' && hello.msg !== 'isdbgrid') {
        throw new Error('MongoDB is a standalone server: the read models need transactions, so a replica set (one node is enough)');
      }
      for (const collection of collections) {
        this.layout.set(collection.name, collection.indexedFields);
        this.collections.delete(collection.name); // so that a field declared since gets its index
      }
      await this.ensureCollections([this.checkpointCollection, ...collections.map((c) => c.name)]);
    });
  }

  async get<D>(collection: string, id: string): Promise<D | null> {
    const [found] = await this.guard(() => this.documents(collection).find({ _id: id }).limit(1).toArray());
    return found === undefined ? null : (found.body as D);
  }

  async getMany<D>(collection: string, ids: readonly string[]): Promise<Map<string, D>> {
    const unique = [...new Set(ids)];
    const found = unique.length === 0 ? [] : await this.guard(() => this.documents(collection).find({ _id: { $in: unique } }).toArray());
    return new Map(found.map((document) => [document._id, document.body as D]));
  }

  async list<D>(collection: string, options: ListOptions): Promise<Array<{ id: string; document: D }>> {
    const prefix = options.idPrefix ?? '';
    const filter: mongo.Filter<StoredDocument> = { _id: { $gt: options.afterId ?? '', $gte: prefix, $lt: `${prefix}${ID_PREFIX_END}` } };
    // Equality on a field matches an array that holds the value too: MongoDB's own semantics.
    if (options.where) {
      const path = bodyPath(options.where.field);
      if (!(this.layout.get(collection) ?? []).includes(options.where.field)) throw new UndeclaredIndex(collection, options.where.field);
      filter[path] = options.where.value;
    }
    const found = await this.guard(() => this.documents(collection).find(filter).sort({ _id: 1 }).limit(options.limit).toArray());
    return found.map((document) => ({ id: document._id, document: document.body as D }));
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    const [found] = await this.guard(() => this.checkpointDocuments().find({ _id: projection }).limit(1).toArray());
    return found === undefined ? null : { position: found.position, version: found.version };
  }

  async checkpoints(): Promise<Map<string, Checkpoint>> {
    const found = await this.guard(() => this.checkpointDocuments().find({}).toArray());
    return new Map(found.map((checkpoint) => [checkpoint._id, { position: checkpoint.position, version: checkpoint.version }]));
  }

  /** The port's batch: every checkpoint must be the one its move continues from, or StaleBatch and nothing written. */
  async commit(batch: ReadModelBatch): Promise<void> {
    const applied = await this.applyBatch({
      changes: batch.changes,
      checkpoints: batch.checkpoints.map((move) => ({ projection: move.projection, version: move.version, position: move.to, continuesFrom: move.from })),
    });
    if (applied) return;
    const stored = await this.checkpoints();
    const stale = batch.checkpoints.find((move) => {
      const found = stored.get(move.projection);
      return found === undefined ? move.from !== null : found.version !== move.version || found.position !== move.from;
    });
    const projection = stale?.projection ?? batch.checkpoints[0]?.projection ?? '(none)';
    throw new StaleBatch(projection, stale ? { position: stale.from, version: stale.version } : null, stored.get(projection) ?? null);
  }

  /**
   * Applies the changes and moves the checkpoints in one transaction, or does nothing when any
   * checkpoint is not where the batch expects it (a replay, or a runner of another version).
   * Resolves whether it applied.
   */
  async applyBatch(batch: MongoBatch): Promise<boolean> {
    if (batch.changes.length > this.maxChanges) {
      throw new Error(`a batch of ${batch.changes.length} document changes is over the ${this.maxChanges} one transaction may hold`);
    }
    const byCollection = new Map<string, Map<string, unknown | null>>();
    for (const change of batch.changes) {
      const changes = byCollection.get(change.collection) ?? new Map<string, unknown | null>();
      changes.set(change.id, change.document === null ? null : JSON.parse(JSON.stringify(change.document)));
      byCollection.set(change.collection, changes);
    }
    return this.guard(async () => {
      await this.ensureCollections([this.checkpointCollection, ...byCollection.keys()]);
      const session = this.mongo.startSession();
      try {
        return await session.withTransaction(
          async () => {
            const names = batch.checkpoints.map((move) => move.projection);
            const stored = await this.checkpointDocuments().find({ _id: { $in: names } }, { session }).toArray();
            const storedBy = new Map(stored.map((checkpoint) => [checkpoint._id, checkpoint]));
            if (!batch.checkpoints.every((move) => this.follows(move, storedBy.get(move.projection)))) return false;
            for (const [collection, changes] of byCollection) {
              const operations: mongo.AnyBulkWriteOperation<StoredDocument>[] = [...changes].map(([id, body]) =>
                body === null ? { deleteOne: { filter: { _id: id } } } : { replaceOne: { filter: { _id: id }, replacement: { body }, upsert: true } },
              );
              await this.documents(collection).bulkWrite(operations, { session, ordered: true });
            }
            await this.checkpointDocuments().bulkWrite(
              batch.checkpoints.map((move) => ({
                replaceOne: { filter: { _id: move.projection }, replacement: { position: move.position, version: move.version }, upsert: true },
              })),
              { session, ordered: true },
            );
            return true;
          },
          { readConcern: { level: 'snapshot' }, writeConcern: { w: 'majority' }, readPreference: 'primary', maxCommitTimeMS: this.options.maxCommitTimeMS ?? 30_000 },
        );
      } finally {
        await session.endSession();
      }
    });
  }

  /**
   * Forgets a projection: drops its collection (not a delete inside a transaction, which a big
   * read model would take past the time limit), creates it again, then forgets the checkpoint.
   * A crash in between leaves the old checkpoint, whose version makes the next start reset again.
   */
  async reset(projection: string, collection: string): Promise<void> {
    await this.guard(async () => {
      if (await this.exists(collection)) await this.documents(collection).drop();
      this.collections.delete(collection);
      await this.ensureCollections([collection]);
      await this.checkpointDocuments().deleteOne({ _id: projection });
    });
  }

  /** The connection belongs to whoever opened it (the Nest module, the CLI): it closes it. */
  async close(): Promise<void> {}

  private follows(move: MongoCheckpointMove, stored: StoredCheckpoint | undefined): boolean {
    if (move.continuesFrom !== undefined) {
      return stored === undefined ? move.continuesFrom === null : stored.version === move.version && stored.position === move.continuesFrom;
    }
    if (stored === undefined) return true;
    if (stored.version !== move.version) return false;
    if (stored.position === null) return true;
    return move.position !== null && this.options.comparePositions(stored.position, move.position) < 0;
  }

  private documents(collection: string): MongoCollection<StoredDocument> {
    return this.mongo.database.collection<StoredDocument>(collection);
  }

  private checkpointDocuments(): MongoCollection<StoredCheckpoint> {
    return this.mongo.database.collection<StoredCheckpoint>(this.checkpointCollection);
  }

  private async exists(collection: string): Promise<boolean> {
    const found = await this.mongo.database.listCollections({ name: collection }, { nameOnly: true }).toArray();
    return found.length > 0;
  }

  /** Creates missing collections and their indexes, outside any transaction. */
  private async ensureCollections(names: readonly string[]): Promise<void> {
    for (const name of names) {
      if (this.collections.has(name)) continue;
      if (!(await this.exists(name))) await this.mongo.database.createCollection(name).catch(alreadyCreated);
      for (const field of this.layout.get(name) ?? []) {
        const path = bodyPath(field);
        await this.documents(name).createIndex(
          { [path]: 1, _id: 1 },
          { name: `by_${field}`, partialFilterExpression: { [path]: { $exists: true } } },
        );
      }
      this.collections.add(name);
    }
  }

  private async guard<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      throw translated(error);
    }
  }
}
