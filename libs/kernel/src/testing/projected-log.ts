import { Actor, DomainEvent, EventMetadata } from '../events';
import { foldProjections } from '../fold-projection';
import { ProjectedEvent, Projection } from '../projection';

export interface LogOptions {
  /** The stream each event belongs to. */
  readonly streamOf: (event: DomainEvent) => string;
  readonly actor?: Actor;
  /** When the first event was recorded; the next ones follow a minute apart (or as `recordedAt` says). */
  readonly startsAt?: string;
  /** A recorded time for an event, where a test needs one. */
  readonly recordedAt?: (event: DomainEvent, index: number) => string | undefined;
}

/**
 * Domain events as the store hands them to projections: one log, a revision per stream, a global
 * position, ids `e-0`, `e-1`, … and business time from the event where it has one.
 */
export function projectedLog(events: readonly DomainEvent[], options: LogOptions): ProjectedEvent[] {
  const revisions = new Map<string, number>();
  const start = Date.parse(options.startsAt ?? '2026-01-01T00:00:00Z');
  return events.map((event, index) => {
    const streamId = options.streamOf(event);
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const recordedAt = options.recordedAt?.(event, index) ?? new Date(start + index * 60_000).toISOString();
    const metadata: EventMetadata = {
      eventId: `e-${index}`,
      actor: options.actor ?? { userId: 'u-1', role: 'admin', orgId: 'org-centre' },
      occurredAt: event.occurredAt ?? recordedAt,
      recordedAt,
      correlationId: `corr-${index}`,
      causationId: null,
    };
    return { streamId, type: event.type, data: event.data, metadata, revision, position: String(index + 1) };
  });
}

/** One projection's documents after folding the log, as the runner would leave them. */
export function foldOne<D>(projection: Projection<D>, log: readonly ProjectedEvent[]): Map<string, D> {
  return foldProjections([projection], log).get(projection.name)!.documents as Map<string, D>;
}
