import { ProjectedEvent, Projection } from '@sws/kernel';
import { foldOne, projectedLog } from '../../../kernel/src/testing';
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
  return projectedLog(events, {
    streamOf: (event) => streamOf(event as AnyEvent),
    actor: { userId: 'u-1', role: 'evaluator', orgId: 'org-evaluator' },
    startsAt: '2026-12-01T00:00:00Z',
  });
}

/** What a runner does: route each handled event to its documents and fold it in (null deletes). */
export function run<D>(projection: Projection<D>, events: readonly AnyEvent[] | readonly ProjectedEvent[]): Map<string, D> {
  const projected = events.length > 0 && 'metadata' in events[0] ? (events as ProjectedEvent[]) : log(events as AnyEvent[]);
  return foldOne(projection, projected);
}
