import { FoldedReadModel } from '@sws/kernel';

/**
 * Read-model documents as a composition reads them, wherever they come from: the live read
 * models (the present, `ComposedRead`), or read models folded in memory from the events known
 * at a moment (the past, `foldedDocuments`). The figures of eligibility and the dossier are computed the same way from both.
 */
export interface DocumentSource {
  get<D>(projection: string, id: string): Promise<D | null>;
  getMany<D>(projection: string, ids: readonly string[]): Promise<Map<string, D>>;
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
  };
}
