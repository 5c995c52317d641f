import { DomainEvent, EventMetadata, ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentEvent } from '../assessment/assessment-events';
import { streams } from '../event-types';
import { RubricEvent } from '../rubric/rubric';

export type AnyEvent = AssessmentEvent | RubricEvent;

function streamOf(event: AnyEvent): string {
  if (event.type === 'RubricPublished' || event.type === 'RubricRetired') return streams.rubric(event.data.code, event.data.version);
  return streams.assessment(event.data.assessmentId);
}

/** Events as the store hands them out: one log, a revision per stream, a global position, a minute apart. */
export function log(events: readonly AnyEvent[]): ProjectedEvent[] {
  const revisions = new Map<string, number>();
  return events.map((event, index) => {
    const streamId = streamOf(event);
    const revision = (revisions.get(streamId) ?? -1) + 1;
    revisions.set(streamId, revision);
    const recordedAt = new Date(Date.UTC(2026, 11, 1, 0, index)).toISOString();
    const metadata: EventMetadata = {
      eventId: `e-${index}`,
      actor: { userId: 'u-1', role: 'evaluator', orgId: 'org-evaluator' },
      occurredAt: (event as DomainEvent).occurredAt ?? recordedAt,
      recordedAt,
      correlationId: `corr-${index}`,
      causationId: null,
    };
    return { streamId, type: event.type, data: event.data, metadata, revision, position: String(index + 1) };
  });
}

/** What a runner does: route each handled event to its documents and fold it in (null deletes). */
export function run<D>(projection: Projection<D>, events: readonly AnyEvent[] | readonly ProjectedEvent[]): Map<string, D> {
  const projected = events.length > 0 && 'metadata' in events[0] ? (events as ProjectedEvent[]) : log(events as AnyEvent[]);
  const documents = new Map<string, D>();
  for (const event of projected) {
    if (!projection.handles.includes(event.type)) continue;
    for (const id of projection.documentIds(event)) {
      const next = projection.evolve(documents.get(id) ?? null, event);
      if (next === null) documents.delete(id);
      else documents.set(id, next);
    }
  }
  return documents;
}
