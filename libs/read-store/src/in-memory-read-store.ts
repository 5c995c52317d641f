import {
  assertContinues,
  Checkpoint,
  CollectionLayout,
  ListOptions,
  ReadModelBatch,
  ReadStore,
  UndeclaredIndex,
} from './read-store.port';

/** MongoDB's equality on a top-level field: equal, or an array that contains the value. */
export function matches(document: Record<string, unknown>, where: { field: string; value: string }): boolean {
  const value = document[where.field];
  return Array.isArray(value) ? value.includes(where.value) : value === where.value;
}

/** Read models in memory, for unit tests. Documents are copied in and out as JSON. */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, Map<string, string>>();
  private readonly stored = new Map<string, Checkpoint>();
  private readonly declared = new Map<string, ReadonlySet<string>>();
  /** Commits made, for tests that count them. */
  commits = 0;

  async prepare(collections: readonly CollectionLayout[]): Promise<void> {
    for (const layout of collections) this.declared.set(layout.name, new Set(layout.indexedFields));
  }

  async get<D>(collection: string, id: string): Promise<D | null> {
    const body = this.collections.get(collection)?.get(id);
    return body === undefined ? null : (JSON.parse(body) as D);
  }

  async getMany<D>(collection: string, ids: readonly string[]): Promise<Map<string, D>> {
    const found = new Map<string, D>();
    for (const id of ids) {
      const document = await this.get<D>(collection, id);
      if (document !== null) found.set(id, document);
    }
    return found;
  }

  async list<D>(collection: string, options: ListOptions): Promise<Array<{ id: string; document: D }>> {
    const where = options.where;
    if (where !== undefined && !this.declared.get(collection)?.has(where.field)) throw new UndeclaredIndex(collection, where.field);
    const entries = [...(this.collections.get(collection) ?? new Map<string, string>()).entries()]
      .filter(([id]) => id > (options.afterId ?? '') && id.startsWith(options.idPrefix ?? ''))
      .filter(([, body]) => where === undefined || matches(JSON.parse(body), where))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, options.limit);
    return entries.map(([id, body]) => ({ id, document: JSON.parse(body) as D }));
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    return this.stored.get(projection) ?? null;
  }

  async checkpoints(): Promise<Map<string, Checkpoint>> {
    return new Map(this.stored);
  }

  async commit(batch: ReadModelBatch): Promise<void> {
    assertContinues(batch, (projection) => this.stored.get(projection));
    const serialized = batch.changes.map((change) => ({
      ...change,
      body: change.document === null ? null : JSON.stringify(change.document),
    }));
    for (const change of serialized) {
      const documents = this.collections.get(change.collection) ?? new Map<string, string>();
      if (change.body === null) documents.delete(change.id);
      else documents.set(change.id, change.body);
      this.collections.set(change.collection, documents);
    }
    for (const move of batch.checkpoints) this.stored.set(move.projection, { position: move.to, version: move.version });
    this.commits += 1;
  }

  async reset(projection: string, collection: string): Promise<void> {
    this.collections.delete(collection);
    this.stored.delete(projection);
  }

  async close(): Promise<void> {}
}
