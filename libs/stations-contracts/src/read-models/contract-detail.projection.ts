import { CalendarDate, maxDate, ProjectedEvent, Projection } from '@sws/kernel';
import { Budget, ContractAmended, ContractAwarded, ContractTerminated, Requirements, Term } from '../contract/contract';
import { RequirementSchedule, withRequirementsFrom } from '../contract/requirements-in-force';
import { SocialWorkerAssigned, SocialWorkerDeparted } from '../social-worker/social-worker';
import { StationAssignment, withAssignmentEvent } from './assignments';

export interface ContractDetail {
  readonly id: string;
  readonly purchaserOrgId: string;
  readonly operatorOrgId: string;
  readonly stationIds: readonly string[];
  readonly term: Term;
  readonly budget: Budget;
  /** As the latest amendment left them. */
  readonly requirements: Requirements;
  /** The requirements from each day they took effect: the award's from the term's start, then each amendment's. */
  readonly requirementsInForce: RequirementSchedule<Requirements>;
  readonly predecessorContractId: string | null;
  readonly awardedAt: string;
  /** The ContractAwarded event: the source of the term, stations and requirements. */
  readonly awardEventId: string;
  readonly terminated: { readonly effectiveOn: CalendarDate; readonly reason: string } | null;
  readonly amendments: ReadonlyArray<{
    readonly changes: ContractAmended['data']['changes'];
    readonly reason: string;
    readonly effectiveOn: CalendarDate;
    readonly recordedAt: string;
    readonly eventId: string;
  }>;
  readonly assignments: readonly StationAssignment[];
  /** The purchaser and the operator: who may read it. */
  readonly parties: readonly string[];
}

type Handled = ContractAwarded | ContractAmended | ContractTerminated | SocialWorkerAssigned | SocialWorkerDeparted;

export const contractDetailProjection: Projection<ContractDetail> = {
  name: 'contract-detail',
  version: 4,
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
        requirementsInForce: [{ from: rest.term.start, requirements: rest.requirements, eventId }],
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
        const { changes, reason, effectiveOn } = event.data;
        // An amendment recorded before the term started (schema version 1) holds from its first day.
        const from = maxDate(effectiveOn, document.term.start);
        return {
          ...document,
          ...changes,
          requirementsInForce: changes.requirements
            ? withRequirementsFrom(document.requirementsInForce, { from, requirements: changes.requirements, eventId })
            : document.requirementsInForce,
          amendments: [...document.amendments, { changes, reason, effectiveOn, recordedAt: projected.metadata.recordedAt, eventId }],
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
