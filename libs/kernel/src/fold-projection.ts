import { ProjectedEvent, Projection } from './projection';

/**
 * A read model folded in memory: what the runner does to a store, done to a map. Time travel
 * folds the events known at a moment through the same pure projections the service runs live,
 * so an answer about the past is computed exactly as the present one is.
 */
export class FoldedReadModel<D = unknown> {
  readonly documents = new Map<string, D>();

  constructor(readonly projection: Projection<D>) {}

  apply(event: ProjectedEvent): void {
    if (!this.projection.handles.includes(event.type)) return;
    const lookedUp = this.projection.lookups ? (id: string) => this.documents.get(id) ?? null : undefined;
    for (const id of this.projection.documentIds(event, lookedUp)) {
      const next = this.projection.evolve(this.documents.get(id) ?? null, event, lookedUp && { id, lookedUp });
      if (next === null) this.documents.delete(id);
      else this.documents.set(id, next);
    }
  }
}

/** Folds events, in the order given, through each projection. */
export function foldProjections(projections: readonly Projection<any>[], events: Iterable<ProjectedEvent>): Map<string, FoldedReadModel> {
  const folded = new Map(projections.map((projection) => [projection.name, new FoldedReadModel(projection)] as const));
  for (const event of events) for (const model of folded.values()) model.apply(event);
  return folded;
}
