import { FoldedReadModel } from '@sws/kernel';
import { matches } from '@sws/read-store';

/**
 * Read-model documents as a composition reads them, wherever they come from: the live read
 * models (the present, `ComposedRead`), or read models folded in memory from the events known
 * at a moment (the past, `foldedDocuments`). The figures of eligibility and the dossier are computed the same way from both.
 */
export interface DocumentSource {
  get<D>(projection: string, id: string): Promise<D | null>;
  getMany<D>(projection: string, ids: readonly string[]): Promise<Map<string, D>>;
  /** Every document whose top-level field equals the value (or, for an array, holds it). */
  where<D>(projection: string, field: string, value: string): Promise<D[]>;
}

export function foldedDocuments(folded: ReadonlyMap<string, FoldedReadModel>): DocumentSource {
  const documents = (projection: string) => {
    const model = folded.get(projection);
    if (!model) throw new Error(`the projection ${projection} was not folded for this answer`);
    return model.documents as Map<string, unknown>;
  };
  return {
    get: async <D>(projection: string, id: string) => (documents(projection).get(id) as D | undefined) ?? null,
    getMany: async <D>(projection: string, ids: readonly string[]) => {
      const found = new Map<string, D>();
      for (const id of ids) {
        const document = documents(projection).get(id);
        if (document !== undefined) found.set(id, document as D);
      }
      return found;
    },
    where: async <D>(projection: string, field: string, value: string) =>
      [...documents(projection).entries()]
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, document]) => document as D)
        .filter((document) => matches(document as Record<string, unknown>, { field, value })),
  };
}
