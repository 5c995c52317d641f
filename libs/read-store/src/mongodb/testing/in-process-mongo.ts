import { mongo } from 'mongoose';
import { MongoCollection, MongoCursor, MongoDatabase, MongoSurface } from '../mongo-surface';

type Doc = Record<string, unknown> & { _id: string };
type Collections = Map<string, Map<string, { doc: Doc; version: number }>>;

interface Transaction {
  readonly snapshot: Collections;
  readonly writes: Map<string, Map<string, Doc | null>>;
}

function clone(collections: Collections): Collections {
  return new Map([...collections].map(([name, docs]) => [name, new Map(docs)]));
}

function fieldValue(doc: Doc, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], doc);
}

function matches(doc: Doc, filter: Record<string, unknown>): boolean {
  return Object.entries(filter).every(([path, condition]) => {
    const value = fieldValue(doc, path);
    if (condition !== null && typeof condition === 'object' && !Array.isArray(condition)) {
      const { $in, ...range } = condition as { $in?: unknown[]; $gt?: string; $gte?: string; $lt?: string };
      if ($in !== undefined) return $in.includes(value);
      const known = { $gt: (c: number) => c > 0, $gte: (c: number) => c >= 0, $lt: (c: number) => c < 0 };
      const bounds = Object.entries(range);
      if (bounds.length === 0 || bounds.some(([operator]) => !(operator in known))) {
        throw new Error(`the stand-in does not know the condition ${JSON.stringify(condition)}`);
      }
      // Strings compare as MongoDB's simple collation does: by their UTF-8 bytes.
      return (
        typeof value === 'string' &&
        bounds.every(([operator, bound]) => known[operator as keyof typeof known](Buffer.compare(Buffer.from(value), Buffer.from(bound as string))))
      );
    }
    return Array.isArray(value) ? value.includes(condition) : value === condition;
  });
}

/**
 * A small in-process stand-in for a one-node MongoDB replica set, at the surface the read store
 * uses: snapshot reads inside a transaction, writes that become visible together at commit, a
 * write conflict (retried by withTransaction, as the driver does) when another commit changed a
 * document this transaction wrote, everything discarded when the callback throws, and, as
 * MongoDB before 4.4, no collection created inside a transaction.
 */
export class InProcessMongo {
  private committed: Collections = new Map();
  private openTransactions = 0;
  readonly indexes = new Map<string, Array<{ index: unknown; options: unknown }>>();
  readonly counts = { find: 0, transactions: 0, commits: 0, conflicts: 0 };
  readonly createdDuringTransaction: string[] = [];
  replicaSet = true;
  unreachable = false;
  /** Runs inside each transaction just before it commits: where a test lets another writer in. */
  beforeCommit: (() => Promise<void>) | null = null;
  /** Thrown by the next bulk write into this collection. */
  failWritesTo: string | null = null;

  surface(): MongoSurface {
    const database: MongoDatabase = {
      collection: <T extends mongo.Document>(name: string) => this.collection(name) as unknown as MongoCollection<T>,
      listCollections: (filter) => ({ toArray: async () => this.reach([...this.committed.keys()].filter((n) => filter.name === undefined || n === filter.name).map((name) => ({ name }))) }),
      createCollection: async (name) => {
        this.reach(null);
        if (this.committed.has(name)) throw Object.assign(new Error(`Collection ${name} already exists`), { code: 48 });
        if (this.openTransactions > 0) this.createdDuringTransaction.push(name);
        this.committed.set(name, new Map());
      },
      command: async (command) => this.reach(command.hello ? (this.replicaSet ? { setName: 'rs0', isWritablePrimary: true } : { isWritablePrimary: true }) : {}),
    };
    return { database, startSession: () => this.session() as unknown as mongo.ClientSession };
  }

  /** The documents of a collection as committed, by id. */
  documents(name: string): Map<string, Doc> {
    return new Map([...(this.committed.get(name) ?? new Map())].map(([id, entry]) => [id, entry.doc]));
  }

  private reach<T>(value: T): T {
    if (this.unreachable) throw new mongo.MongoNetworkError('connect ECONNREFUSED 127.0.0.1:27017');
    return value;
  }

  private session() {
    let transaction: Transaction | null = null;
    const session = {
      current: () => transaction,
      withTransaction: async <T>(callback: () => Promise<T>): Promise<T> => {
        for (let attempt = 1; ; attempt++) {
          transaction = { snapshot: clone(this.committed), writes: new Map() };
          this.openTransactions += 1;
          this.counts.transactions += 1;
          try {
            const result = await callback();
            if (this.beforeCommit) await this.beforeCommit();
            if (this.conflicts(transaction) && attempt < 5) {
              this.counts.conflicts += 1;
              continue;
            }
            this.apply(transaction.writes);
            this.counts.commits += 1;
            return result;
          } finally {
            transaction = null;
            this.openTransactions -= 1;
          }
        }
      },
      endSession: async () => undefined,
    };
    return session;
  }

  private conflicts(transaction: Transaction): boolean {
    for (const [name, writes] of transaction.writes) {
      for (const id of writes.keys()) {
        if (transaction.snapshot.get(name)?.get(id)?.version !== this.committed.get(name)?.get(id)?.version) return true;
      }
    }
    return false;
  }

  private apply(writes: Map<string, Map<string, Doc | null>>): void {
    for (const [name, documents] of writes) {
      const collection = this.committed.get(name) ?? new Map();
      for (const [id, doc] of documents) {
        if (doc === null) collection.delete(id);
        else collection.set(id, { doc, version: (collection.get(id)?.version ?? 0) + 1 });
      }
      this.committed.set(name, collection);
    }
  }

  private collection(name: string) {
    type Session = ReturnType<InProcessMongo['session']> | undefined;
    const view = (session: Session): Map<string, Doc> => {
      const transaction = session?.current();
      const base = (transaction ? transaction.snapshot : this.committed).get(name) ?? new Map();
      const docs = new Map([...base].map(([id, entry]) => [id, entry.doc]));
      for (const [id, doc] of transaction?.writes.get(name) ?? []) doc === null ? docs.delete(id) : docs.set(id, doc);
      return docs;
    };
    const write = (session: Session, id: string, doc: Doc | null) => {
      const transaction = session?.current();
      if (!transaction) return this.apply(new Map([[name, new Map([[id, doc]])]]));
      if (!transaction.snapshot.has(name)) throw new Error(`Cannot create namespace ${name} in multi-document transaction`);
      const writes = transaction.writes.get(name) ?? new Map<string, Doc | null>();
      writes.set(id, doc);
      transaction.writes.set(name, writes);
    };
    return {
      find: (filter: Record<string, unknown>, options?: { session?: Session }) => {
        this.reach(null);
        this.counts.find += 1;
        let found = [...view(options?.session).values()].filter((doc) => matches(doc, filter)).map((doc) => structuredClone(doc));
        const cursor: MongoCursor<Doc> = {
          sort: () => {
            found = found.sort((a, b) => Buffer.compare(Buffer.from(a._id), Buffer.from(b._id)));
            return cursor;
          },
          limit: (value) => {
            found = found.slice(0, value);
            return cursor;
          },
          toArray: async () => found,
        };
        return cursor;
      },
      bulkWrite: async (operations: Array<Record<string, any>>, options?: { session?: Session }) => {
        this.reach(null);
        if (this.failWritesTo === name) {
          this.failWritesTo = null;
          throw new Error(`write to ${name} failed`);
        }
        for (const operation of operations) {
          if (operation.replaceOne) write(options?.session, operation.replaceOne.filter._id, structuredClone({ ...operation.replaceOne.replacement, _id: operation.replaceOne.filter._id }));
          else if (operation.deleteOne) write(options?.session, operation.deleteOne.filter._id, null);
          else throw new Error(`the stand-in does not know ${Object.keys(operation)}`);
        }
      },
      deleteOne: async (filter: { _id: string }, options?: { session?: Session }) => write(options?.session, this.reach(filter._id), null),
      createIndex: async (index: unknown, options: unknown) => {
        this.indexes.set(name, [...(this.indexes.get(name) ?? []), { index, options }]);
        return 'index';
      },
      drop: async () => {
        this.committed.delete(name);
        this.indexes.delete(name);
        return true;
      },
    };
  }
}
