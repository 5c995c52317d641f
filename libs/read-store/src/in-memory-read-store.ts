import { Checkpoint, DocumentChange, ListOptions, ReadStore } from './read-store.port';

/** MongoDB's equality on a top-level field: equal, or an array that contains the value. */
export function matches(document: Record<string, unknown>, where: { field: string; value: string }): boolean {
  const value = document[where.field];
  return Array.isArray(value) ? value.includes(where.value) : value === where.value;
}

/** Read models in memory, for unit tests. Documents are copied in and out as JSON. */
export class InMemoryReadStore implements ReadStore {
  private readonly collections = new Map<string, Map<string, string>>();
  private readonly checkpoints = new Map<string, Checkpoint>();

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
    const entries = [...(this.collections.get(collection) ?? new Map<string, string>()).entries()]
      .filter(([id]) => id > (options.afterId ?? ''))
      .filter(([, body]) => options.where === undefined || matches(JSON.parse(body), options.where))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, options.limit);
    return entries.map(([id, body]) => ({ id, document: JSON.parse(body) as D }));
  }

  async checkpoint(projection: string): Promise<Checkpoint | null> {
    return this.checkpoints.get(projection) ?? null;
  }

  async commit(
    projection: string,
    version: number,
    changes: readonly DocumentChange[],
    position: string | null,
  ): Promise<void> {
    const serialized = changes.map((change) => ({
      ...change,
      body: change.document === null ? null : JSON.stringify(change.document),
    }));
    for (const change of serialized) {
      const documents = this.collections.get(change.collection) ?? new Map<string, string>();
      if (change.body === null) documents.delete(change.id);
      else documents.set(change.id, change.body);
      this.collections.set(change.collection, documents);
    }
    this.checkpoints.set(projection, { position, version });
  }

  async reset(projection: string, collection: string): Promise<void> {
    this.collections.delete(collection);
    this.checkpoints.delete(projection);
  }

  async close(): Promise<void> {}
}
