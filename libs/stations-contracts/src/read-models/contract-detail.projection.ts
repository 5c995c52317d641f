import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import { Budget, ContractAmended, ContractAwarded, ContractTerminated, Requirements, Term } from '../contract/contract';
import { SocialWorkerAssigned, SocialWorkerDeparted } from '../social-worker/social-worker';
import { StationAssignment, withAssignmentEvent } from './assignments';

export interface ContractDetail {
  readonly id: string;
  readonly purchaserOrgId: string;
  readonly operatorOrgId: string;
  readonly stationIds: readonly string[];
  readonly term: Term;
  readonly budget: Budget;
  readonly requirements: Requirements;
  readonly predecessorContractId: string | null;
  readonly awardedAt: string;
  /** The ContractAwarded event: the source of the term, stations and requirements. */
  readonly awardEventId: string;
  readonly terminated: { readonly effectiveOn: CalendarDate; readonly reason: string } | null;
  readonly amendments: ReadonlyArray<{ readonly changes: ContractAmended['data']['changes']; readonly reason: string; readonly recordedAt: string }>;
  readonly assignments: readonly StationAssignment[];
  /** The purchaser and the operator: who may read it. */
  readonly parties: readonly string[];
}

type Handled = ContractAwarded | ContractAmended | ContractTerminated | SocialWorkerAssigned | SocialWorkerDeparted;

export const contractDetailProjection: Projection<ContractDetail> = {
  name: 'contract-detail',
  version: 3,
  collection: 'contracts',
  handles: ['ContractAwarded', 'ContractAmended', 'ContractTerminated', 'SocialWorkerAssigned', 'SocialWorkerDeparted'],
  documentIds: (event: ProjectedEvent) => [(event.data as { contractId: string }).contractId],

  evolve(document, projected) {
    const event = projected as unknown as Handled;
    const { eventId } = projected.metadata;
    if (event.type === 'ContractAwarded') {
      const { contractId, predecessorContractId, ...rest } = event.data;
      return {
        id: contractId,
        ...rest,
        predecessorContractId: predecessorContractId ?? null,
        awardedAt: projected.metadata.recordedAt,
        awardEventId: eventId,
        terminated: null,
        amendments: [],
        assignments: [],
        parties: [rest.purchaserOrgId, rest.operatorOrgId],
      };
    }
    if (!document) return null;
    switch (event.type) {
      case 'ContractAmended': {
        const { changes, reason } = event.data;
        return {
          ...document,
          ...changes,
          amendments: [...document.amendments, { changes, reason, recordedAt: projected.metadata.recordedAt }],
        };
      }
      case 'ContractTerminated':
        return { ...document, terminated: { effectiveOn: event.data.effectiveOn, reason: event.data.reason } };
      case 'SocialWorkerAssigned':
      case 'SocialWorkerDeparted':
        return { ...document, assignments: withAssignmentEvent(document.assignments, event, eventId) };
    }
  },
};
