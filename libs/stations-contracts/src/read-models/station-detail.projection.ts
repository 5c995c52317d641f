import { CalendarDate, maxDate, ProjectedEvent, Projection } from '@sws/kernel';
import { ContractAmended, ContractAwarded, ContractTerminated, lastDay, Term } from '../contract/contract';
import { RequirementSchedule, withRequirementsFrom } from '../contract/requirements-in-force';
import { MinimumStaffing } from './staffing';
import { SocialWorkerAssigned, SocialWorkerDeparted } from '../social-worker/social-worker';
import { StationClosed, StationRegistered } from '../station/station';
import { StationAssignment, withAssignmentEvent } from './assignments';

export interface StationContract {
  readonly contractId: string;
  readonly operatorOrgId: string;
  readonly purchaserOrgId: string;
  readonly term: Term;
  readonly terminatedOn: CalendarDate | null;
  /** The last day the contract holds the station. */
  readonly lastDay: CalendarDate;
  /** The minimum in force today (amendments take effect no later than the day they are recorded). */
  readonly minWorkersPerStation: number;
  /** The minimum from each day it took effect. */
  readonly minimumsInForce: RequirementSchedule<MinimumStaffing>;
}

export interface StationDetail extends Omit<StationRegistered['data'], 'stationId'> {
  readonly id: string;
  readonly registeredAt: string;
  /** `on` is the first day the station was closed. */
  readonly closed: { readonly on: CalendarDate; readonly reason: string; readonly eventId: string } | null;
  readonly contracts: readonly StationContract[];
  readonly assignments: readonly StationAssignment[];
  /** The operators and purchasers of every contract that ever held the station: who may read it. */
  readonly parties: readonly string[];
}

type Handled =
  | StationRegistered
  | StationClosed
  | ContractAwarded
  | ContractAmended
  | ContractTerminated
  | SocialWorkerAssigned
  | SocialWorkerDeparted;

function evolveStation(document: StationDetail | null, event: Handled, recordedAt: string, eventId: string): StationDetail | null {
  if (event.type === 'StationRegistered') {
    const { stationId: id, ...rest } = event.data;
    return { id, ...rest, registeredAt: recordedAt, closed: null, contracts: [], assignments: [], parties: [] };
  }
  if (!document) return null;
  switch (event.type) {
    case 'StationClosed':
      return { ...document, closed: { on: event.data.on, reason: event.data.reason, eventId } };
    case 'ContractAwarded': {
      const { contractId, operatorOrgId, purchaserOrgId, term, requirements } = event.data;
      const contract: StationContract = {
        contractId,
        operatorOrgId,
        purchaserOrgId,
        term,
        terminatedOn: null,
        lastDay: term.end,
        minWorkersPerStation: requirements.minWorkersPerStation,
        minimumsInForce: [{ from: term.start, requirements: { minWorkersPerStation: requirements.minWorkersPerStation }, eventId }],
      };
      const parties = [...new Set([...document.parties, operatorOrgId, purchaserOrgId])];
      return { ...document, contracts: [...document.contracts, contract], parties };
    }
    case 'ContractAmended':
    case 'ContractTerminated':
      return {
        ...document,
        contracts: document.contracts.map((c) => {
          if (c.contractId !== event.data.contractId) return c;
          const term = event.type === 'ContractAmended' ? (event.data.changes.term ?? c.term) : c.term;
          const terminatedOn = event.type === 'ContractTerminated' ? event.data.effectiveOn : c.terminatedOn;
          const amended = event.type === 'ContractAmended' ? event.data.changes.requirements : undefined;
          const minWorkersPerStation = amended?.minWorkersPerStation ?? c.minWorkersPerStation;
          const minimumsInForce =
            amended && event.type === 'ContractAmended'
              ? withRequirementsFrom(c.minimumsInForce, { from: maxDate(event.data.effectiveOn, c.term.start), requirements: { minWorkersPerStation }, eventId })
              : c.minimumsInForce;
          return { ...c, term, terminatedOn, minWorkersPerStation, minimumsInForce, lastDay: lastDay(term, terminatedOn) };
        }),
      };
    case 'SocialWorkerAssigned':
    case 'SocialWorkerDeparted':
      return { ...document, assignments: withAssignmentEvent(document.assignments, event, eventId) };
  }
}

export const stationDetailProjection: Projection<StationDetail> = {
  name: 'station-detail',
  version: 4,
  collection: 'stations',
  handles: [
    'StationRegistered',
    'StationClosed',
    'ContractAwarded',
    'ContractAmended',
    'ContractTerminated',
    'SocialWorkerAssigned',
    'SocialWorkerDeparted',
  ],
  documentIds(event: ProjectedEvent) {
    const data = event.data as { stationId?: string; stationIds?: readonly string[] };
    return data.stationIds ?? (data.stationId ? [data.stationId] : []);
  },
  evolve(document, event) {
    return evolveStation(document, event as unknown as Handled, event.metadata.recordedAt, event.metadata.eventId);
  },
};
