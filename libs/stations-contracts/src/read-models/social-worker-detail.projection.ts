import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import {
  CertificationLevel,
  CERTIFICATION_LEVELS,
  SocialWorkerAssigned,
  SocialWorkerCertified,
  SocialWorkerDeparted,
  SocialWorkerRegistered,
} from '../social-worker/social-worker';
import { StationAssignment, withAssignmentEvent } from './assignments';

export interface SocialWorkerDetail {
  readonly id: string;
  readonly name: string;
  /** The highest level the worker holds. */
  readonly certification: CertificationLevel;
  readonly socialWorkDegree: boolean;
  readonly registeredAt: string;
  readonly certifications: ReadonlyArray<{ readonly level: CertificationLevel; readonly certificateNo: string; readonly on: CalendarDate }>;
  readonly assignments: readonly StationAssignment[];
  /** The organization that registered the worker (their employer at the time). */
  readonly registeredByOrgId: string | null;
  /** It and the operators and purchasers of every contract the worker served under: who may read it. */
  readonly parties: readonly string[];
}

type Handled = SocialWorkerRegistered | SocialWorkerCertified | SocialWorkerAssigned | SocialWorkerDeparted;

function higher(a: CertificationLevel, b: CertificationLevel): CertificationLevel {
  return CERTIFICATION_LEVELS.indexOf(a) >= CERTIFICATION_LEVELS.indexOf(b) ? a : b;
}

export const socialWorkerDetailProjection: Projection<SocialWorkerDetail> = {
  name: 'social-worker-detail',
  version: 3,
  collection: 'social-workers',
  handles: ['SocialWorkerRegistered', 'SocialWorkerCertified', 'SocialWorkerAssigned', 'SocialWorkerDeparted'],
  documentIds: (event: ProjectedEvent) => [(event.data as { socialWorkerId: string }).socialWorkerId],

  evolve(document, projected) {
    const event = projected as unknown as Handled;
    const { eventId } = projected.metadata;
    if (event.type === 'SocialWorkerRegistered') {
      const { socialWorkerId, ...rest } = event.data;
      const registeredByOrgId = projected.metadata.actor.orgId;
      return {
        id: socialWorkerId,
        ...rest,
        registeredAt: projected.metadata.recordedAt,
        certifications: [],
        assignments: [],
        registeredByOrgId,
        parties: registeredByOrgId === null ? [] : [registeredByOrgId],
      };
    }
    if (!document) return null;
    switch (event.type) {
      case 'SocialWorkerCertified': {
        const { level, certificateNo, on } = event.data;
        return {
          ...document,
          certification: higher(document.certification, level),
          certifications: [...document.certifications, { level, certificateNo, on }],
        };
      }
      case 'SocialWorkerAssigned': {
        const { operatorOrgId, purchaserOrgId } = event.data;
        const parties = [...new Set([...document.parties, operatorOrgId, purchaserOrgId])];
        return { ...document, assignments: withAssignmentEvent(document.assignments, event, eventId), parties };
      }
      case 'SocialWorkerDeparted':
        return { ...document, assignments: withAssignmentEvent(document.assignments, event, eventId) };
    }
  },
};
