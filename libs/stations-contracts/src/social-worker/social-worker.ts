import { CalendarDate, Command, Decider, DomainEvent, mustBeName, mustHaveText, mustNotBeInFuture, refuse } from '@sws/kernel';
import { lastDay, Term } from '../contract/contract';

export const CERTIFICATION_LEVELS = ['none', 'assistant', 'intermediate', 'senior'] as const;
export type CertificationLevel = (typeof CERTIFICATION_LEVELS)[number];
export const POSTS = ['resident', 'station_lead', 'village_room'] as const;
export type Post = (typeof POSTS)[number];

export type SocialWorkerRegistered = DomainEvent<
  'SocialWorkerRegistered',
  { socialWorkerId: string; name: string; certification: CertificationLevel; socialWorkDegree: boolean }
>;
export type SocialWorkerCertified = DomainEvent<
  'SocialWorkerCertified',
  { socialWorkerId: string; level: Exclude<CertificationLevel, 'none'>; certificateNo: string; on: CalendarDate }
>;
export type SocialWorkerAssigned = DomainEvent<
  'SocialWorkerAssigned',
  {
    socialWorkerId: string;
    contractId: string;
    stationId: string;
    post: Post;
    from: CalendarDate;
    /** The contract's parties, so read models know whose worker this is without looking elsewhere. */
    operatorOrgId: string;
    purchaserOrgId: string;
  }
>;
export type SocialWorkerDeparted = DomainEvent<
  'SocialWorkerDeparted',
  {
    socialWorkerId: string;
    stationId: string;
    on: CalendarDate;
    reason: string;
    /** The assignment this departure ends. */
    contractId: string;
    assignedFrom: CalendarDate;
  }
>;
export type SocialWorkerEvent = SocialWorkerRegistered | SocialWorkerCertified | SocialWorkerAssigned | SocialWorkerDeparted;

/** The contract an assignment names, as the handler found it. */
export interface ContractFacts {
  readonly operatorOrgId: string;
  readonly purchaserOrgId: string;
  readonly stationIds: readonly string[];
  readonly term: Term;
  readonly terminatedOn: CalendarDate | null;
}

export type RegisterSocialWorker = Command<'RegisterSocialWorker', SocialWorkerRegistered['data']>;
export type CertifySocialWorker = Command<'CertifySocialWorker', SocialWorkerCertified['data']>;
export type AssignSocialWorker = Command<
  'AssignSocialWorker',
  Omit<SocialWorkerAssigned['data'], 'operatorOrgId' | 'purchaserOrgId'>
> & {
  readonly facts: {
    readonly contract: ContractFacts | null;
    /** The day the station closed, if it has. */
    readonly stationClosedOn: CalendarDate | null;
  };
};
export type DepartSocialWorker = Command<
  'DepartSocialWorker',
  { socialWorkerId: string; stationId: string; on: CalendarDate; reason: string }
>;
export type SocialWorkerCommand = RegisterSocialWorker | CertifySocialWorker | AssignSocialWorker | DepartSocialWorker;

interface Assignment {
  readonly contractId: string;
  readonly stationId: string;
  readonly from: CalendarDate;
  readonly until: CalendarDate | null;
}

export type SocialWorkerState =
  | { readonly status: 'unknown' }
  | { readonly status: 'registered'; readonly socialWorkerId: string; readonly assignments: readonly Assignment[] };

function current(state: SocialWorkerState): Assignment | undefined {
  return state.status === 'registered' ? state.assignments.find((a) => a.until === null) : undefined;
}

export const socialWorker: Decider<SocialWorkerState, SocialWorkerCommand, SocialWorkerEvent> = {
  initialState: () => ({ status: 'unknown' }),

  evolve(state, event) {
    switch (event.type) {
      case 'SocialWorkerRegistered':
        return { status: 'registered', socialWorkerId: event.data.socialWorkerId, assignments: [] };
      case 'SocialWorkerCertified':
        return state;
      case 'SocialWorkerAssigned': {
        if (state.status !== 'registered') return state;
        const { contractId, stationId, from } = event.data;
        return { ...state, assignments: [...state.assignments, { contractId, stationId, from, until: null }] };
      }
      case 'SocialWorkerDeparted':
        if (state.status !== 'registered') return state;
        return {
          ...state,
          assignments: state.assignments.map((a) => (a.until === null ? { ...a, until: event.data.on } : a)),
        };
    }
  },

  decide(command, state) {
    if (command.type === 'RegisterSocialWorker') {
      if (state.status !== 'unknown') refuse('ALREADY_REGISTERED', 'this social worker is registered already');
      mustBeName('name', command.data.name);
      return [{ type: 'SocialWorkerRegistered', data: command.data }];
    }
    if (state.status !== 'registered') refuse('SOCIAL_WORKER_NOT_FOUND', 'the social worker is not registered');
    switch (command.type) {
      case 'CertifySocialWorker':
        mustNotBeInFuture('on', command.data.on, command);
        return [{ type: 'SocialWorkerCertified', data: command.data, occurredAt: command.data.on }];
      case 'AssignSocialWorker': {
        const { contractId, stationId, from } = command.data;
        const contract = command.facts.contract;
        mustNotBeInFuture('from', from, command);
        if (contract === null) refuse('CONTRACT_NOT_FOUND', `contract ${contractId} does not exist`, { contractId });
        if (!contract.stationIds.includes(stationId)) {
          refuse('STATION_NOT_IN_CONTRACT', `station ${stationId} is not one of contract ${contractId}'s stations`);
        }
        const end = lastDay(contract.term, contract.terminatedOn);
        if (from < contract.term.start || from > end) {
          refuse('OUTSIDE_CONTRACT_TERM', `from ${from} lies outside the contract's term ${contract.term.start} to ${end}`, {
            from,
            term: { start: contract.term.start, end },
          });
        }
        const closedOn = command.facts.stationClosedOn;
        if (closedOn !== null && closedOn <= from) {
          refuse('STATION_CLOSED', `station ${stationId} closed on ${closedOn}`, { stationId, closedOn });
        }
        const open = current(state);
        if (open) {
          refuse('WORKER_ALREADY_ASSIGNED', `the worker is assigned to station ${open.stationId} since ${open.from}`, {
            stationId: open.stationId,
            from: open.from,
          });
        }
        const clash = state.assignments.find((a) => a.until !== null && from < a.until);
        if (clash) {
          refuse('ASSIGNMENT_OVERLAPS', `the worker was at station ${clash.stationId} until ${clash.until}`, {
            stationId: clash.stationId,
            from: clash.from,
            until: clash.until,
          });
        }
        const parties = { operatorOrgId: contract.operatorOrgId, purchaserOrgId: contract.purchaserOrgId };
        return [{ type: 'SocialWorkerAssigned', data: { ...command.data, ...parties }, occurredAt: from }];
      }
      case 'DepartSocialWorker': {
        const { stationId, on } = command.data;
        mustHaveText('REASON_REQUIRED', 'reason', command.data.reason, 'a departure names its reason');
        const open = current(state);
        if (!open || open.stationId !== stationId) {
          refuse('NOT_ASSIGNED', `the worker has no current assignment at station ${stationId}`, { stationId });
        }
        if (on < open.from) {
          refuse('DEPARTURE_BEFORE_ASSIGNMENT', `on ${on} lies before the assignment began on ${open.from}`, {
            on,
            assignedFrom: open.from,
          });
        }
        mustNotBeInFuture('on', on, command);
        return [
          {
            type: 'SocialWorkerDeparted',
            data: { ...command.data, contractId: open.contractId, assignedFrom: open.from },
            occurredAt: on,
          },
        ];
      }
    }
  },
};
