import { deciderSpecification } from '../../../kernel/src/testing';
import { CommandMetadata } from '@sws/kernel';
import {
  AssignSocialWorker,
  CertifySocialWorker,
  ContractFacts,
  DepartSocialWorker,
  socialWorker,
  SocialWorkerAssigned,
  SocialWorkerDeparted,
  SocialWorkerRegistered,
} from './social-worker';

const spec = deciderSpecification(socialWorker);

/** 17:30 UTC on 31 March 2026 is already 1 April in China: "today" is 2026-04-01. */
const metadata: CommandMetadata = {
  now: '2026-03-31T17:30:00Z',
  actor: { userId: 'u-op', role: 'operator', orgId: 'org-operator' },
};

const registered: SocialWorkerRegistered = {
  type: 'SocialWorkerRegistered',
  data: { socialWorkerId: 'w-1', name: '李明', certification: 'assistant', socialWorkDegree: true },
};

const contractFacts: ContractFacts = {
  operatorOrgId: 'org-operator',
  purchaserOrgId: 'org-purchaser',
  stationIds: ['st-1', 'st-2'],
  term: { start: '2025-07-01', end: '2026-06-30' },
  terminatedOn: null,
};

const assign = (
  from: string,
  stationId = 'st-1',
  facts: ContractFacts | null = contractFacts,
  contractId = 'c-1',
  stationClosedOn: string | null = null,
): AssignSocialWorker => ({
  type: 'AssignSocialWorker',
  data: { socialWorkerId: 'w-1', contractId, stationId, post: 'resident', from },
  metadata,
  facts: { contract: facts, stationClosedOn },
});

const assigned = (from: string, stationId = 'st-1', contractId = 'c-1'): SocialWorkerAssigned => ({
  type: 'SocialWorkerAssigned',
  data: { socialWorkerId: 'w-1', contractId, stationId, post: 'resident', from, operatorOrgId: 'org-operator', purchaserOrgId: 'org-purchaser' },
  occurredAt: from,
});

const depart = (on: string, stationId = 'st-1'): DepartSocialWorker => ({
  type: 'DepartSocialWorker',
  data: { socialWorkerId: 'w-1', stationId, on, reason: '辞职' },
  metadata,
});

const departed = (on: string, assignedFrom: string, stationId = 'st-1', contractId = 'c-1'): SocialWorkerDeparted => ({
  type: 'SocialWorkerDeparted',
  data: { socialWorkerId: 'w-1', stationId, on, reason: '辞职', contractId, assignedFrom },
  occurredAt: on,
});

const certify = (on: string): CertifySocialWorker => ({
  type: 'CertifySocialWorker',
  data: { socialWorkerId: 'w-1', level: 'intermediate', certificateNo: 'SW2026-0001', on },
  metadata,
});

describe('social worker', () => {
  describe('when assigned', () => {
    it('records the assignment, taking effect on its first day', () => {
      spec.given([registered]).when(assign('2026-03-01')).then([assigned('2026-03-01')]);
    });

    it('accepts an assignment from today in China even when it is still yesterday in UTC', () => {
      spec.given([registered]).when(assign('2026-04-01')).then([assigned('2026-04-01')]);
    });

    it('refuses an assignment from a day after today', () => {
      spec.given([registered]).when(assign('2026-04-02')).thenFails('DATE_IN_FUTURE');
    });

    it('refuses an assignment to a contract that does not exist', () => {
      spec.given([registered]).when(assign('2026-03-01', 'st-1', null)).thenFails('CONTRACT_NOT_FOUND');
    });

    it('refuses a station that is not in the contract', () => {
      spec.given([registered]).when(assign('2026-03-01', 'st-9')).thenFails('STATION_NOT_IN_CONTRACT');
    });

    it('refuses to assign a worker who is not registered', () => {
      spec.given([]).when(assign('2026-03-01')).thenFails('SOCIAL_WORKER_NOT_FOUND');
    });

    it('refuses a station that closed on or before the first day', () => {
      spec.given([registered]).when(assign('2026-03-01', 'st-1', contractFacts, 'c-1', '2026-03-01')).thenFails('STATION_CLOSED');
      spec.given([registered]).when(assign('2026-02-28', 'st-1', contractFacts, 'c-1', '2026-03-01')).then([assigned('2026-02-28')]);
    });

    describe('against the contract term', () => {
      it('accepts the first day of the term', () => {
        spec.given([registered]).when(assign('2025-07-01')).then([assigned('2025-07-01')]);
      });

      it('refuses a day before the term starts', () => {
        spec.given([registered]).when(assign('2025-06-30')).thenFails('OUTSIDE_CONTRACT_TERM');
      });

      it('refuses a day after the term ended', () => {
        const ended = { ...contractFacts, term: { start: '2025-01-01', end: '2025-12-31' } };
        spec.given([registered]).when(assign('2026-01-01', 'st-1', ended)).thenFails('OUTSIDE_CONTRACT_TERM');
      });

      it('accepts the last day of an ended term', () => {
        const ended = { ...contractFacts, term: { start: '2025-01-01', end: '2025-12-31' } };
        spec.given([registered]).when(assign('2025-12-31', 'st-1', ended)).then([assigned('2025-12-31')]);
      });

      it('refuses the day a termination took effect and any day after', () => {
        const cut = { ...contractFacts, terminatedOn: '2026-03-01' };
        spec.given([registered]).when(assign('2026-03-01', 'st-1', cut)).thenFails('OUTSIDE_CONTRACT_TERM');
        spec.given([registered]).when(assign('2026-03-15', 'st-1', cut)).thenFails('OUTSIDE_CONTRACT_TERM');
      });

      it('accepts the day before a termination took effect', () => {
        const cut = { ...contractFacts, terminatedOn: '2026-03-01' };
        spec.given([registered]).when(assign('2026-02-28', 'st-1', cut)).then([assigned('2026-02-28')]);
      });
    });

    it('accepts a backdated assignment far in the past, inside the term', () => {
      const long = { ...contractFacts, term: { start: '2021-01-01', end: '2026-12-31' } };
      spec.given([registered]).when(assign('2021-02-01', 'st-1', long)).then([assigned('2021-02-01')]);
    });

    it('refuses a second assignment while the first is open', () => {
      spec.given([registered, assigned('2025-09-01')]).when(assign('2026-03-01', 'st-2')).thenFails('WORKER_ALREADY_ASSIGNED');
    });

    it('refuses a second assignment to the same station while the first is open', () => {
      spec.given([registered, assigned('2025-09-01')]).when(assign('2026-03-01')).thenFails('WORKER_ALREADY_ASSIGNED');
    });

    it('refuses an assignment backdated into a past assignment', () => {
      spec
        .given([registered, assigned('2025-09-01'), departed('2026-01-15', '2025-09-01')])
        .when(assign('2026-01-10', 'st-2'))
        .thenFails('ASSIGNMENT_OVERLAPS');
    });

    it('refuses an assignment backdated to before a past assignment, since it would run through it', () => {
      spec
        .given([registered, assigned('2025-09-01'), departed('2026-01-15', '2025-09-01')])
        .when(assign('2025-08-01', 'st-2'))
        .thenFails('ASSIGNMENT_OVERLAPS');
    });

    it('accepts a new assignment from the day of the departure on', () => {
      const history = [registered, assigned('2025-09-01'), departed('2026-01-15', '2025-09-01')];
      spec.given(history).when(assign('2026-01-15', 'st-2')).then([assigned('2026-01-15', 'st-2')]);
      spec.given(history).when(assign('2026-02-01', 'st-1')).then([assigned('2026-02-01', 'st-1')]);
    });
  });

  describe('when departing', () => {
    const onDuty = [registered, assigned('2025-09-01')];

    it('records the departure with the assignment it ends', () => {
      spec.given(onDuty).when(depart('2026-03-01')).then([departed('2026-03-01', '2025-09-01')]);
    });

    it('names the contract of the current assignment, not an earlier one', () => {
      spec
        .given([
          registered,
          assigned('2025-09-01', 'st-1', 'c-0'),
          departed('2025-12-01', '2025-09-01', 'st-1', 'c-0'),
          assigned('2026-01-01', 'st-2', 'c-1'),
        ])
        .when(depart('2026-03-01', 'st-2'))
        .then([departed('2026-03-01', '2026-01-01', 'st-2', 'c-1')]);
    });

    it('refuses a departure of a worker with no assignment', () => {
      spec.given([registered]).when(depart('2026-03-01')).thenFails('NOT_ASSIGNED');
    });

    it('refuses a departure from a station other than the current one', () => {
      spec.given(onDuty).when(depart('2026-03-01', 'st-2')).thenFails('NOT_ASSIGNED');
    });

    it('refuses a second departure from the same assignment', () => {
      spec.given([...onDuty, departed('2026-01-15', '2025-09-01')]).when(depart('2026-03-01')).thenFails('NOT_ASSIGNED');
    });

    it('refuses a departure before the assignment began', () => {
      spec.given(onDuty).when(depart('2025-08-31')).thenFails('DEPARTURE_BEFORE_ASSIGNMENT');
    });

    it('accepts a departure on the day of the assignment', () => {
      spec.given(onDuty).when(depart('2025-09-01')).then([departed('2025-09-01', '2025-09-01')]);
    });

    it('accepts a departure today in China', () => {
      spec.given(onDuty).when(depart('2026-04-01')).then([departed('2026-04-01', '2025-09-01')]);
    });

    it('refuses a departure without a reason, also one of invisible characters only', () => {
      const silent = depart('2026-03-01');
      spec.given(onDuty).when({ ...silent, data: { ...silent.data, reason: '\u200b\u200b' } }).thenFails('REASON_REQUIRED');
    });

    it('refuses a departure dated after today', () => {
      spec.given(onDuty).when(depart('2026-04-02')).thenFails('DATE_IN_FUTURE');
    });
  });

  describe('when certified', () => {
    it('records the certification, taking effect on the day it names', () => {
      spec
        .given([registered])
        .when(certify('2026-04-01'))
        .then([
          {
            type: 'SocialWorkerCertified',
            data: { socialWorkerId: 'w-1', level: 'intermediate', certificateNo: 'SW2026-0001', on: '2026-04-01' },
            occurredAt: '2026-04-01',
          },
        ]);
    });

    it('refuses a certification dated after today', () => {
      spec.given([registered]).when(certify('2026-04-02')).thenFails('DATE_IN_FUTURE');
    });

    it('refuses to certify a worker who is not registered', () => {
      spec.given([]).when(certify('2026-03-01')).thenFails('SOCIAL_WORKER_NOT_FOUND');
    });
  });

  describe('when registered', () => {
    it('refuses a second registration', () => {
      spec
        .given([registered])
        .when({ type: 'RegisterSocialWorker', data: registered.data, metadata })
        .thenFails('ALREADY_REGISTERED');
    });

    it('refuses a blank name and one holding a control character', () => {
      for (const name of ['\u200b\u200d', '李\u0000秀英']) {
        spec.given([]).when({ type: 'RegisterSocialWorker', data: { ...registered.data, name }, metadata }).thenFails('INVALID_NAME');
      }
    });
  });
});
