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
  documentIds(event: ProjectedEvent): readonly string[];
  evolve(document: Document | null, event: ProjectedEvent): Document | null;
}
