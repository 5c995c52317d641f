import { Injectable } from '@nestjs/common';

/**
 * The organizations party to a record, by stream category: who besides the administrator may
 * read its full history. Each resource module registers the categories it owns. A resolver
 * answers null for a record that does not exist.
 */
export type PartiesResolver = (id: string) => Promise<readonly string[] | null>;

@Injectable()
export class StreamParties {
  private readonly resolvers = new Map<string, PartiesResolver>();

  register(category: string, resolver: PartiesResolver): void {
    if (this.resolvers.has(category)) throw new Error(`stream category ${category} is registered twice`);
    this.resolvers.set(category, resolver);
  }

  categories(): string[] {
    return [...this.resolvers.keys()].sort();
  }

  resolver(category: string): PartiesResolver | undefined {
    return this.resolvers.get(category);
  }
}

/** Reads a record's parties from a read model once it reflects the whole log. */
export function partiesFromReadModel(
  readModels: { current<D>(projection: string, id: string): Promise<D | null> },
  projection: string,
): PartiesResolver {
  return async (id) => (await readModels.current<{ parties: readonly string[] }>(projection, id))?.parties ?? null;
}
