import { CalendarDate } from '@sws/kernel';
import { Post, SocialWorkerAssigned, SocialWorkerDeparted } from '../social-worker/social-worker';

/** A worker's time at a station under a contract, from a day until a day (exclusive; null while they stay). */
export interface StationAssignment {
  readonly socialWorkerId: string;
  readonly stationId: string;
  readonly contractId: string;
  readonly post: Post;
  readonly from: CalendarDate;
  readonly until: CalendarDate | null;
  readonly departureReason: string | null;
  /** The assignment's event and, once it ended, the departure's: where staffing figures come from. */
  readonly eventIds: readonly string[];
}

/**
 * The assignments a read model keeps (a station's, a contract's or a worker's), after an
 * assignment or a departure: a departure closes the worker's open assignment.
 */
export function withAssignmentEvent(
  assignments: readonly StationAssignment[],
  event: SocialWorkerAssigned | SocialWorkerDeparted,
  eventId: string,
): StationAssignment[] {
  if (event.type === 'SocialWorkerAssigned') {
    const { socialWorkerId, stationId, contractId, post, from } = event.data;
    return [...assignments, { socialWorkerId, stationId, contractId, post, from, until: null, departureReason: null, eventIds: [eventId] }];
  }
  const { socialWorkerId, on, reason } = event.data;
  return assignments.map((a) =>
    a.socialWorkerId === socialWorkerId && a.until === null ? { ...a, until: on, departureReason: reason, eventIds: [...a.eventIds, eventId] } : a,
  );
}
