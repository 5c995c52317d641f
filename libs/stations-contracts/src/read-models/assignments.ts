import { SocialWorkerAssigned, SocialWorkerDeparted } from '../social-worker/social-worker';
import { StationAssignment } from './station-detail.projection';

/**
 * The assignments a read model keeps (a station's, a contract's or a worker's), after an
 * assignment or a departure: a departure closes the worker's open assignment.
 */
export function withAssignmentEvent(
  assignments: readonly StationAssignment[],
  event: SocialWorkerAssigned | SocialWorkerDeparted,
): StationAssignment[] {
  if (event.type === 'SocialWorkerAssigned') {
    const { socialWorkerId, stationId, contractId, post, from } = event.data;
    return [...assignments, { socialWorkerId, stationId, contractId, post, from, until: null, departureReason: null }];
  }
  const { socialWorkerId, on, reason } = event.data;
  return assignments.map((a) =>
    a.socialWorkerId === socialWorkerId && a.until === null ? { ...a, until: on, departureReason: reason } : a,
  );
}
