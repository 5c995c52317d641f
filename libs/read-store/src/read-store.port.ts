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

/** How one projection's checkpoint moves with a batch. */
export interface CheckpointMove {
  readonly projection: string;
  readonly version: number;
  /**
   * The position the batch was folded from: the stored checkpoint must be exactly this (null: no
   * checkpoint stored) and of this version, or the batch is stale and nothing is written.
   */
  readonly from: string | null;
  /** The position of the last event the batch reflects. */
  readonly to: string | null;
}

/** Document changes for any number of collections and the checkpoints that move with them. */
export interface ReadModelBatch {
  readonly changes: readonly DocumentChange[];
  readonly checkpoints: readonly CheckpointMove[];
}

/** A collection and the top-level fields its narrowed lists filter on. */
export interface CollectionLayout {
  readonly name: string;
  readonly indexedFields: readonly string[];
}

export interface ListOptions {
  readonly limit: number;
  /** Only documents whose id sorts after this one (keyset paging). */
  readonly afterId?: string;
  /**
   * Only documents whose top-level `field` equals `value` or, when it is an array, contains it
   * (MongoDB's query semantics; how access scopes narrow a list). The field must be one the
   * collection's layout declares: the store answers through an index, never a scan.
   */
  readonly where?: { readonly field: string; readonly value: string };
  /**
   * Only documents whose id begins with it: a range of the key, so a read model that keeps an
   * owner's entries as documents `<owner>/<entry>` lists one owner's without reading its neighbours'.
   */
  readonly idPrefix?: string;
}

/** The highest code point: every id that begins with a prefix sorts below the prefix followed by it. */
export const ID_PREFIX_END = '\u{10FFFF}';

/** A batch folded from a checkpoint that is no longer the stored one (a replay, or another writer's). */
export class StaleBatch extends Error {
  constructor(
    readonly projection: string,
    readonly expected: Checkpoint | null,
    readonly stored: Checkpoint | null,
  ) {
    super(
      `the batch for ${projection} continues from ${describe(expected)} but the read-model store holds ${describe(stored)}; nothing was written`,
    );
    this.name = 'StaleBatch';
  }
}

/** A narrowed list on a field its collection does not declare: refused rather than scanned. */
export class UndeclaredIndex extends Error {
  constructor(
    readonly collection: string,
    readonly field: string,
  ) {
    super(`the ${collection} read model declares no index on ${field}, so it cannot be listed by it`);
    this.name = 'UndeclaredIndex';
  }
}

function describe(checkpoint: Checkpoint | null): string {
  return checkpoint === null ? 'no checkpoint' : `position ${checkpoint.position ?? '(start)'} of version ${checkpoint.version}`;
}

/** Whether a stored checkpoint is the one a move continues from. */
export function continues(move: CheckpointMove, stored: Checkpoint | null | undefined): boolean {
  if (stored === null || stored === undefined) return move.from === null;
  return stored.version === move.version && stored.position === move.from;
}

/** Throws StaleBatch for the first move whose stored checkpoint is not the one it continues from. */
export function assertContinues(batch: ReadModelBatch, stored: (projection: string) => Checkpoint | null | undefined): void {
  for (const move of batch.checkpoints) {
    const found = stored(move.projection) ?? null;
    if (!continues(move, found)) throw new StaleBatch(move.projection, { position: move.from, version: move.version }, found);
  }
}

export const FIELD_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** The values a document's top-level field is listed under: a string, or each string of an array. */
export function indexedValues(document: unknown, field: string): string[] {
  if (document === null || typeof document !== 'object') return [];
  const value = (document as Record<string, unknown>)[field];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return [...new Set(value.filter((item): item is string => typeof item === 'string'))];
  return [];
}

/**
 * Where read models live. A read model's checkpoint is kept beside its documents and written
 * in the same transaction, so after a crash the two always agree.
 */
export interface ReadStore {
  /** Most document changes one commit may hold (MongoDB's transactions: 5,000); no limit when absent. */
  readonly maxChangesPerCommit?: number;
  /**
   * Declares the collections and the fields their narrowed lists filter on; indexes what is
   * stored already when a field is new. Call before committing or listing with `where`.
   */
  prepare(collections: readonly CollectionLayout[]): Promise<void>;
  get<D>(collection: string, id: string): Promise<D | null>;
  getMany<D>(collection: string, ids: readonly string[]): Promise<Map<string, D>>;
  /** Throws UndeclaredIndex for a `where` on a field the collection does not declare. */
  list<D>(collection: string, options: ListOptions): Promise<Array<{ id: string; document: D }>>;
  checkpoint(projection: string): Promise<Checkpoint | null>;
  /** Every stored checkpoint, by projection. */
  checkpoints(): Promise<Map<string, Checkpoint>>;
  /**
   * Applies the changes and moves the checkpoints in one transaction, all or nothing. Throws
   * StaleBatch, writing nothing, when a checkpoint is not the one its move continues from.
   */
  commit(batch: ReadModelBatch): Promise<void>;
  /** Forgets a projection's documents and checkpoint, so it can be rebuilt from the log. */
  reset(projection: string, collection: string): Promise<void>;
  close(): Promise<void>;
}

export const READ_STORE = Symbol('READ_STORE');
