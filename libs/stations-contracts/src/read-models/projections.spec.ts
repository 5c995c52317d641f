import { Projection } from '@sws/kernel';
import { foldOne, projectedLog } from '../../../kernel/src/testing';
import { ContractEvent, DEFAULT_REQUIREMENTS } from '../contract/contract';
import { streams } from '../event-types';
import { OrganizationEvent } from '../organization/organization';
import { SocialWorkerEvent } from '../social-worker/social-worker';
import { StationEvent } from '../station/station';
import { ContractDetail, contractDetailProjection } from './contract-detail.projection';
import { OrganizationDetail, organizationDetailProjection } from './organization-detail.projection';
import { SocialWorkerDetail, socialWorkerDetailProjection } from './social-worker-detail.projection';
import { stationDetailProjection } from './station-detail.projection';

type AnyEvent = OrganizationEvent | StationEvent | ContractEvent | SocialWorkerEvent;

/** The stream each event belongs to, as the service names them. */
function streamOf(event: AnyEvent): string {
  const data = event.data as Record<string, string>;
  if (event.type.startsWith('Organization')) return streams.organization(data.organizationId);
  if (event.type.startsWith('Station')) return streams.station(data.stationId);
  if (event.type.startsWith('Contract')) return streams.contract(data.contractId);
  return streams.socialWorker(data.socialWorkerId);
}

/** What a runner does with these events, in the order given. */
function run<D>(projection: Projection<D>, events: readonly AnyEvent[]): Map<string, D> {
  return foldOne(projection, projectedLog(events, { streamOf: (event) => streamOf(event as AnyEvent) }));
}

const region = { code: '440305001', province: '广东省', city: '深圳市', county: '南山区', township: '南头街道' };

const organizationRegistered = (organizationId: string, kind: 'operator' | 'evaluator' | 'purchaser'): AnyEvent => ({
  type: 'OrganizationRegistered',
  data: { organizationId, name: `机构 ${organizationId}`, kind, creditCode: '914403001922038216', region },
});

const stationRegistered = (stationId: string): AnyEvent => ({
  type: 'StationRegistered',
  data: { stationId, name: `社工站 ${stationId}`, kind: 'street', region, operatingModel: 'outsourced', villageCount: 8 },
});

const term = { start: '2026-01-01', end: '2026-12-31' };
const budget = { totalCny: 300000, sources: [{ kind: 'fiscal' as const, amountCny: 300000 }] };

const contractAwarded = (contractId = 'c-1', stationIds = ['st-1', 'st-2']): AnyEvent => ({
  type: 'ContractAwarded',
  data: {
    contractId,
    purchaserOrgId: 'org-bureau',
    operatorOrgId: 'org-operator',
    stationIds,
    term,
    budget,
    requirements: DEFAULT_REQUIREMENTS,
  },
  occurredAt: term.start,
});

const workerRegistered = (socialWorkerId: string, certification: 'none' | 'assistant' | 'intermediate' | 'senior' = 'none'): AnyEvent => ({
  type: 'SocialWorkerRegistered',
  data: { socialWorkerId, name: `社工 ${socialWorkerId}`, certification, socialWorkDegree: false },
});

const assigned = (socialWorkerId: string, stationId: string, from: string, contractId = 'c-1'): AnyEvent => ({
  type: 'SocialWorkerAssigned',
  data: { socialWorkerId, contractId, stationId, post: 'resident', from, operatorOrgId: 'org-operator', purchaserOrgId: 'org-purchaser' },
  occurredAt: from,
});

const departed = (socialWorkerId: string, stationId: string, on: string, assignedFrom: string, contractId = 'c-1'): AnyEvent => ({
  type: 'SocialWorkerDeparted',
  data: { socialWorkerId, stationId, on, reason: '辞职', contractId, assignedFrom },
  occurredAt: on,
});

const amended = (end: string, minWorkersPerStation?: number, effectiveOn = '2026-11-01'): AnyEvent => ({
  type: 'ContractAmended',
  data: {
    contractId: 'c-1',
    changes: {
      term: { start: term.start, end },
      ...(minWorkersPerStation === undefined ? {} : { requirements: { ...DEFAULT_REQUIREMENTS, minWorkersPerStation } }),
    },
    reason: '补充协议',
    stationIds: ['st-1', 'st-2'],
    effectiveOn,
  },
  occurredAt: effectiveOn,
});

const terminated = (effectiveOn: string): AnyEvent => ({
  type: 'ContractTerminated',
  data: { contractId: 'c-1', reason: '评估不合格', effectiveOn, stationIds: ['st-1', 'st-2'] },
  occurredAt: effectiveOn,
});

const staffing: AnyEvent[] = [
  stationRegistered('st-1'),
  stationRegistered('st-2'),
  contractAwarded(),
  workerRegistered('w-1'),
  workerRegistered('w-2'),
  assigned('w-1', 'st-1', '2026-01-05'),
  assigned('w-2', 'st-1', '2026-01-05'),
  departed('w-1', 'st-1', '2026-02-10', '2026-01-05'),
  assigned('w-1', 'st-2', '2026-02-10'),
];

describe('station detail', () => {
  describe('when workers are assigned and depart', () => {
    it('closes only the departing worker’s assignment at that station, on the day of departure', () => {
      const station = run(stationDetailProjection, staffing).get('st-1')!;
      expect(station.assignments).toEqual([
        { socialWorkerId: 'w-1', stationId: 'st-1', contractId: 'c-1', post: 'resident', from: '2026-01-05', until: '2026-02-10', departureReason: '辞职', eventIds: expect.any(Array) },
        { socialWorkerId: 'w-2', stationId: 'st-1', contractId: 'c-1', post: 'resident', from: '2026-01-05', until: null, departureReason: null, eventIds: expect.any(Array) },
      ]);
    });

    it('opens the next assignment at the other station, leaving it open', () => {
      const station = run(stationDetailProjection, staffing).get('st-2')!;
      expect(station.assignments).toEqual([
        expect.objectContaining({ socialWorkerId: 'w-1', from: '2026-02-10', until: null }),
      ]);
    });

    it('does not reopen or touch a closed assignment when the worker departs again', () => {
      const station = run(stationDetailProjection, [...staffing, departed('w-1', 'st-2', '2026-03-01', '2026-02-10')]);
      expect(station.get('st-1')!.assignments[0]).toMatchObject({ until: '2026-02-10' });
      expect(station.get('st-2')!.assignments[0]).toMatchObject({ until: '2026-03-01' });
    });
  });

  describe('when a contract is awarded, amended and terminated', () => {
    const contractOn = (events: AnyEvent[], stationId = 'st-1') =>
      run(stationDetailProjection, [stationRegistered('st-1'), stationRegistered('st-2'), contractAwarded(), ...events]).get(stationId)!
        .contracts[0];

    it('holds the station until the end of the term with the contract’s minimum', () => {
      expect(contractOn([])).toEqual({
        contractId: 'c-1',
        operatorOrgId: 'org-operator',
        purchaserOrgId: 'org-bureau',
        term,
        terminatedOn: null,
        lastDay: '2026-12-31',
        minWorkersPerStation: 2,
        minimumsInForce: [{ from: '2026-01-01', requirements: { minWorkersPerStation: 2 }, eventId: 'e-2' }],
      });
    });

    it('moves the last day to the amended term end on every station of the contract', () => {
      expect(contractOn([amended('2027-06-30')], 'st-1')).toMatchObject({ term: { end: '2027-06-30' }, lastDay: '2027-06-30' });
      expect(contractOn([amended('2027-06-30')], 'st-2')).toMatchObject({ lastDay: '2027-06-30' });
    });

    it('takes an amended minimum and keeps the previous one when the amendment leaves requirements alone', () => {
      expect(contractOn([amended('2027-06-30', 3)])).toMatchObject({ minWorkersPerStation: 3 });
      expect(contractOn([amended('2027-06-30', 3), amended('2027-09-30')])).toMatchObject({ minWorkersPerStation: 3, lastDay: '2027-09-30' });
    });

    it('keeps each minimum from the day it took effect', () => {
      expect(contractOn([amended('2027-06-30', 3), amended('2027-09-30')]).minimumsInForce).toEqual([
        { from: '2026-01-01', requirements: { minWorkersPerStation: 2 }, eventId: 'e-2' },
        { from: '2026-11-01', requirements: { minWorkersPerStation: 3 }, eventId: 'e-3' },
      ]);
    });

    it('ends the hold the day before a termination takes effect', () => {
      expect(contractOn([terminated('2026-07-01')])).toMatchObject({ terminatedOn: '2026-07-01', lastDay: '2026-06-30', term });
    });

    it('ends the hold the day before a termination that falls in an amended extension', () => {
      expect(contractOn([amended('2027-06-30'), terminated('2027-03-01')])).toMatchObject({ lastDay: '2027-02-28' });
    });

    it('leaves other contracts of the station alone', () => {
      const station = run(stationDetailProjection, [
        stationRegistered('st-1'),
        contractAwarded('c-0', ['st-1']),
        contractAwarded('c-1', ['st-1']),
        terminated('2026-07-01'),
      ]).get('st-1')!;
      expect(station.contracts.map((c) => [c.contractId, c.lastDay])).toEqual([
        ['c-0', '2026-12-31'],
        ['c-1', '2026-06-30'],
      ]);
    });
  });

  describe('when the station closes', () => {
    it('records the day, the reason and the event', () => {
      const closed: AnyEvent = { type: 'StationClosed', data: { stationId: 'st-1', on: '2026-05-01', reason: '撤并' } };
      expect(run(stationDetailProjection, [stationRegistered('st-1'), closed]).get('st-1')!.closed).toEqual({ on: '2026-05-01', reason: '撤并', eventId: 'e-1' });
    });
  });

  it('creates no document for events about a station it has not seen registered', () => {
    expect(run(stationDetailProjection, [contractAwarded(), assigned('w-1', 'st-1', '2026-01-05')]).size).toBe(0);
  });
});

describe('contract detail', () => {
  it('closes assignments by departures, keeping the reason', () => {
    const detail = run(contractDetailProjection, staffing).get('c-1')!;
    expect(detail.assignments.map((a) => [a.socialWorkerId, a.stationId, a.from, a.until, a.departureReason])).toEqual([
      ['w-1', 'st-1', '2026-01-05', '2026-02-10', '辞职'],
      ['w-2', 'st-1', '2026-01-05', null, null],
      ['w-1', 'st-2', '2026-02-10', null, null],
    ]);
  });

  it('names the events each assignment and the award come from, so staffing figures can cite them', () => {
    const detail = run(contractDetailProjection, staffing).get('c-1')!;
    // Events are numbered by their place in the log: e-2 is the award, e-5.. the assignments.
    expect(detail.awardEventId).toBe('e-2');
    expect(detail.assignments.map((a) => a.eventIds)).toEqual([['e-5', 'e-7'], ['e-6'], ['e-8']]);
  });

  it('applies amendments, keeps their history and records the termination', () => {
    const detail: ContractDetail = run(contractDetailProjection, [contractAwarded(), amended('2027-06-30', 3), terminated('2027-03-01')]).get('c-1')!;
    expect(detail.term).toEqual({ start: '2026-01-01', end: '2027-06-30' });
    expect(detail.requirements.minWorkersPerStation).toBe(3);
    expect(detail.amendments).toEqual([expect.objectContaining({ reason: '补充协议', changes: expect.objectContaining({ term: { start: '2026-01-01', end: '2027-06-30' } }) })]);
    expect(detail.terminated).toEqual({ effectiveOn: '2027-03-01', reason: '评估不合格' });
    expect(detail.predecessorContractId).toBeNull();
  });

  describe('when amendments change the requirements', () => {
    const raised = (minWorkersPerStation: number, effectiveOn: string) => amended('2026-12-31', minWorkersPerStation, effectiveOn);
    const inForce = (events: AnyEvent[]) =>
      run(contractDetailProjection, [contractAwarded(), ...events]).get('c-1')!.requirementsInForce.map((r) => [r.from, r.requirements.minWorkersPerStation, r.eventId]);

    it("keeps the award's requirements from the term's start and each amendment's from the day it took effect", () => {
      expect(inForce([raised(3, '2026-06-01'), amended('2026-12-31'), raised(4, '2026-11-01')])).toEqual([
        ['2026-01-01', 2, 'e-0'],
        ['2026-06-01', 3, 'e-1'],
        ['2026-11-01', 4, 'e-3'],
      ]);
    });

    it('lets a later amendment taking effect the same day replace the earlier one', () => {
      expect(inForce([raised(3, '2026-06-01'), raised(4, '2026-06-01')])).toEqual([
        ['2026-01-01', 2, 'e-0'],
        ['2026-06-01', 4, 'e-2'],
      ]);
    });

    it("holds an amendment recorded before the term started from the term's first day", () => {
      expect(inForce([raised(3, '2025-12-20')])).toEqual([['2026-01-01', 3, 'e-1']]);
    });

    it('lists each amendment with the day it took effect and its event', () => {
      const detail = run(contractDetailProjection, [contractAwarded(), raised(3, '2026-06-01')]).get('c-1')!;
      expect(detail.amendments).toEqual([expect.objectContaining({ effectiveOn: '2026-06-01', eventId: 'e-1' })]);
    });
  });

  it('keeps assignments of another contract out', () => {
    const detail = run(contractDetailProjection, [contractAwarded(), assigned('w-9', 'st-1', '2026-01-05', 'c-0')]).get('c-1')!;
    expect(detail.assignments).toEqual([]);
  });
});

describe('social worker detail', () => {
  it('closes the assignment a departure ends and keeps the next one open', () => {
    const worker = run(socialWorkerDetailProjection, staffing).get('w-1')!;
    expect(worker.assignments.map((a) => [a.stationId, a.from, a.until])).toEqual([
      ['st-1', '2026-01-05', '2026-02-10'],
      ['st-2', '2026-02-10', null],
    ]);
  });

  it('leaves an earlier, closed assignment as it was when a later one ends', () => {
    const worker = run(socialWorkerDetailProjection, [...staffing, departed('w-1', 'st-2', '2026-03-01', '2026-02-10')]).get('w-1')!;
    expect(worker.assignments.map((a) => [a.stationId, a.until])).toEqual([
      ['st-1', '2026-02-10'],
      ['st-2', '2026-03-01'],
    ]);
  });

  describe('when certified', () => {
    const certified = (level: 'assistant' | 'intermediate' | 'senior', on: string): AnyEvent => ({
      type: 'SocialWorkerCertified',
      data: { socialWorkerId: 'w-1', level, certificateNo: `${level}-${on}`, on },
      occurredAt: on,
    });

    it('shows the highest level even when a lower certificate comes later', () => {
      const worker: SocialWorkerDetail = run(socialWorkerDetailProjection, [
        workerRegistered('w-1', 'assistant'),
        certified('senior', '2025-06-01'),
        certified('intermediate', '2026-01-10'),
      ]).get('w-1')!;
      expect(worker.certification).toBe('senior');
      expect(worker.certifications.map((c) => c.level)).toEqual(['senior', 'intermediate']);
    });

    it('raises the level above the one the worker registered with', () => {
      const worker = run(socialWorkerDetailProjection, [workerRegistered('w-1', 'assistant'), certified('intermediate', '2026-01-10')]).get('w-1')!;
      expect(worker.certification).toBe('intermediate');
    });

    it('keeps a registered level higher than a later certificate', () => {
      const worker = run(socialWorkerDetailProjection, [workerRegistered('w-1', 'senior'), certified('assistant', '2026-01-10')]).get('w-1')!;
      expect(worker.certification).toBe('senior');
    });
  });
});

describe('organization detail', () => {
  const orgs = [organizationRegistered('org-operator', 'operator'), organizationRegistered('org-evaluator', 'evaluator'), organizationRegistered('org-other', 'evaluator')];
  const declared: AnyEvent = {
    type: 'OrganizationAffiliationDeclared',
    data: { organizationId: 'org-operator', otherOrgId: 'org-evaluator', nature: 'shared_leadership' },
  };

  it('shows a declared affiliation on both organizations, naming who declared it, its day in China and its event', () => {
    const documents: Map<string, OrganizationDetail> = run(organizationDetailProjection, [...orgs, declared]);
    // The fourth event of the log, recorded at 08:03 on 1 January in China.
    const [eventId, declaredOn] = ['e-3', '2026-01-01'];
    expect(documents.get('org-operator')!.affiliations).toEqual([
      { orgId: 'org-evaluator', nature: 'shared_leadership', declaredBy: 'org-operator', declaredOn, eventId },
    ]);
    expect(documents.get('org-evaluator')!.affiliations).toEqual([
      { orgId: 'org-operator', nature: 'shared_leadership', declaredBy: 'org-operator', declaredOn, eventId },
    ]);
    expect(documents.get('org-other')!.affiliations).toEqual([]);
  });

  it('keeps the registration details', () => {
    expect(run(organizationDetailProjection, orgs).get('org-evaluator')).toMatchObject({
      id: 'org-evaluator',
      kind: 'evaluator',
      creditCode: '914403001922038216',
      affiliations: [],
    });
  });
});
