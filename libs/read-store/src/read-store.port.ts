/** One document a projection writes (or deletes, with null). */
export interface DocumentChange {
  readonly collection: string;
  readonly id: string;
  readonly document: unknown | null;
}

export interface Checkpoint {
  /** The position of the last event the read model reflects, as the event store issued it. */
  readonly position: string | null;
  /** The projection version that wrote the documents. */
  readonly version: number;
}

export interface ListOptions {
  readonly limit: number;
  /** Only documents whose id sorts after this one (keyset paging). */
  readonly afterId?: string;
  /**
   * Only documents whose top-level `field` equals `value` or, when it is an array, contains it
   * (MongoDB's query semantics; how access scopes narrow a list).
   */
  readonly where?: { readonly field: string; readonly value: string };
}

/**
 * Where read models live. A read model's checkpoint is kept beside its documents and written
 * in the same transaction, so after a crash the two always agree.
 */
export interface ReadStore {
  get<D>(collection: string, id: string): Promise<D | null>;
  getMany<D>(collection: string, ids: readonly string[]): Promise<Map<string, D>>;
  list<D>(collection: string, options: ListOptions): Promise<Array<{ id: string; document: D }>>;
  checkpoint(projection: string): Promise<Checkpoint | null>;
  /** Applies the changes and moves the projection's checkpoint, all or nothing. */
  commit(projection: string, version: number, changes: readonly DocumentChange[], position: string | null): Promise<void>;
  /** Forgets a projection's documents and checkpoint, so it can be rebuilt from the log. */
  reset(projection: string, collection: string): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');
