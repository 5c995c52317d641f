import { EventMetadata } from './events';

/** An event as a projection sees it: the stored fact and where it stands in the log. */
export interface ProjectedEvent<Data = any> {
  readonly streamId: string;
  readonly type: string;
  readonly data: Data;
  readonly metadata: EventMetadata;
  readonly revision: number;
  /** The event's global position, opaque. */
  readonly position: string;
}

/**
 * A read model as a pure fold: for each event it handles, the documents it touches and how
 * each changes (null deletes it). The runner around it does the reading, batching and
 * checkpointing, so a projection can be replayed from the start at any time.
 */
export interface Projection<Document = unknown> {
  readonly name: string;
  /** Raise it when the fold changes: the runner then rebuilds the read model from the log. */
  readonly version: number;
  readonly collection: string;
  readonly handles: readonly string[];
  /**
   * The top-level fields its documents are listed by (`where`): the read-model store keeps an
   * index on each (an array field by each element) and refuses a narrowed list on any other.
   */
  readonly indexes?: readonly string[];
  /**
   * For a projection whose events do not name every document they touch (an assessment names
   * its station, not the station's county): the ids of documents of its own (small lookups it
   * keeps, such as station → county) the runner reads before asking `documentIds`. The runner
   * then passes `lookedUp`, which gives each of these and of the `documentIds` as the fold has
   * left them so far (events earlier in the same batch included), null when there is none, and
   * gives `evolve` the id of the document it folds.
   */
  readonly lookups?: (event: ProjectedEvent) => readonly string[];
  documentIds(event: ProjectedEvent, lookedUp?: LookedUp<Document>): readonly string[];
  /** Given the document's id and `lookedUp` when the projection declares `lookups`: a fold of documents, still pure. */
  evolve(document: Document | null, event: ProjectedEvent, context?: FoldContext<Document>): Document | null;
}

/** What a projection with lookups is told as it folds one document. */
export interface FoldContext<Document> {
  readonly id: string;
  readonly lookedUp: LookedUp<Document>;
}

/** A document of the projection's own collection, as the fold stands (only one it named: its lookups or document ids). */
export type LookedUp<Document> = (id: string) => Document | null;

