import { ProjectedEvent, Projection } from '@sws/kernel';
import { SessionDetailField, SessionSnapshot, SupervisionSessionEvent } from '../supervision-session/session';

export interface SupervisionSessionDetail extends SessionSnapshot {
  readonly id: string;
  readonly status: 'logged' | 'voided';
  readonly loggedAt: string;
  /** Attestations that stand: a correction of the time or of the supervisees clears some. */
  readonly attestations: ReadonlyArray<{ readonly socialWorkerId: string; readonly recordedAt: string; readonly eventId: string }>;
  readonly corrections: ReadonlyArray<{
    readonly reason: string;
    readonly changedFields: readonly SessionDetailField[];
    readonly clearedAttestations: readonly string[];
    readonly recordedAt: string;
    readonly eventId: string;
  }>;
  readonly voided: { readonly reason: string; readonly recordedAt: string; readonly eventId: string } | null;
  /** Its logging, every attestation, correction and void, oldest first. */
  readonly eventIds: readonly string[];
}

/** One supervision session as it stands, with the history of its attestations and corrections. */
export const supervisionSessionDetailProjection: Projection<SupervisionSessionDetail> = {
  name: 'supervision-session-detail',
  version: 1,
  collection: 'supervision-sessions',
  handles: ['SupervisionSessionLogged', 'SupervisionSessionAttested', 'SupervisionSessionCorrected', 'SupervisionSessionVoided'],
  documentIds: (event: ProjectedEvent) => [(event.data as { sessionId: string }).sessionId],

  evolve(document, projected) {
    const event = projected as unknown as SupervisionSessionEvent;
    const { eventId, recordedAt } = projected.metadata;
    if (event.type === 'SupervisionSessionLogged') {
      const { sessionId, ...session } = event.data;
      return { id: sessionId, ...session, status: 'logged', loggedAt: recordedAt, attestations: [], corrections: [], voided: null, eventIds: [eventId] };
    }
    if (document === null) return null;
    const eventIds = [...document.eventIds, eventId];
    switch (event.type) {
      case 'SupervisionSessionAttested':
        return { ...document, attestations: [...document.attestations, { socialWorkerId: event.data.socialWorkerId, recordedAt, eventId }], eventIds };
      case 'SupervisionSessionCorrected': {
        const { reason, changedFields, clearedAttestations, after, attestedBy } = event.data;
        // The event states which attestations stand; those the fold already knows keep their own event.
        const attestations = attestedBy.map(
          (socialWorkerId) => document.attestations.find((a) => a.socialWorkerId === socialWorkerId) ?? { socialWorkerId, recordedAt, eventId },
        );
        const correction = { reason, changedFields, clearedAttestations, recordedAt, eventId };
        return { ...document, ...after, attestations, corrections: [...document.corrections, correction], eventIds };
      }
      case 'SupervisionSessionVoided':
        return { ...document, status: 'voided', voided: { reason: event.data.reason, recordedAt, eventId }, eventIds };
    }
  },
};
