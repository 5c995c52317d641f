import {
  DEFAULT_REQUIREMENTS,
  lastDayOf,
  ServiceOutputFigures,
  serviceReport,
  StationAssignment,
  streams,
} from '@sws/stations-contracts';
import { attest, logSession, on, trainWorkers } from '../worker-ledger/testing/supervision-fixtures';
import { Scenario } from '../worker-ledger/testing/scenario';
import { workerYearOf, workerYearProjection } from '../worker-ledger/worker-year.projection';
import { contractPerformance, PerformanceContract, performanceSources } from './contract-performance';
import { serviceOutputEntries, serviceOutputYearProjection } from './service-output-year.projection';

const placed = (socialWorkerId: string, stationId: string, from: string, until: string | null = null, contractId = 'c-1'): StationAssignment => ({
  socialWorkerId,
  stationId,
  contractId,
  post: 'resident',
  from,
  until,
  departureReason: null,
  eventIds: [],
});

/** Two stations; w-1 and w-2 at st-1 all year, w-3 at st-2 all year, w-9 at another contract's station. */
const contract: PerformanceContract = {
  id: 'c-1',
  stationIds: ['st-1', 'st-2'],
  term: { start: '2026-01-01', end: '2026-12-31' },
  terminated: null,
  requirements: DEFAULT_REQUIREMENTS,
  assignments: [placed('w-1', 'st-1', '2026-01-01'), placed('w-2', 'st-1', '2026-01-01'), placed('w-3', 'st-2', '2026-01-01')],
};

const month = (i: number) => `2026-${String(i).padStart(2, '0')}`;

const output = (overrides: Partial<ServiceOutputFigures> = {}): ServiceOutputFigures => ({
  casesOpened: 2,
  casesClosed: 1,
  groupSessions: 0,
  communityActivities: 1,
  beneficiaries: 50,
  professionalHours: 100,
  administrativeHours: 50,
  ...overrides,
});

function report(scenario: Scenario, stationId: string, m: string, figures: ServiceOutputFigures, extra: { reason?: string; contractId?: string } = {}) {
  const stream = streams.serviceReport(`${stationId}-${m}`);
  const facts = { contract: { contractId: extra.contractId ?? 'c-1', operatorOrgId: 'org-op', purchaserOrgId: 'org-bureau' } };
  const data = { reportId: `${stationId}-${m}`, stationId, month: m, reason: extra.reason };
  scenario.execute(stream, serviceReport, { type: 'ReportServiceOutput', data: { ...data, ...figures }, metadata: on(lastDayOf(m)), facts });
}

function survey(scenario: Scenario, stationId: string, m: string, respondents: number, satisfied: number) {
  const facts = { contract: { contractId: 'c-1', operatorOrgId: 'org-op', purchaserOrgId: 'org-bureau' } };
  scenario.execute(streams.serviceReport(`${stationId}-${m}`), serviceReport, {
    type: 'RecordSatisfactionSurvey',
    data: { reportId: `${stationId}-${m}`, stationId, month: m, respondents, satisfied },
    metadata: on(lastDayOf(m)),
    facts,
  });
}

function performance(scenario: Scenario, asOf: string, of: PerformanceContract = contract) {
  const years = scenario.fold(workerYearProjection);
  const outputs = scenario.fold(serviceOutputYearProjection);
  const sources = performanceSources(of, asOf);
  return contractPerformance({
    contract: of,
    asOf,
    workers: sources.socialWorkerIds.map((socialWorkerId) => ({
      socialWorkerId,
      assignments: of.assignments.filter((a) => a.socialWorkerId === socialWorkerId),
      year: workerYearOf(socialWorkerId, sources.year, years),
    })),
    serviceOutput: sources.serviceOutputYearIds.flatMap((id) => (outputs.has(id) ? serviceOutputEntries(outputs.get(id)!) : [])),
  });
}

describe('contract performance', () => {
  describe('supervision and training compliance', () => {
    const scenario = new Scenario();
    // w-1: 24 attested hours; w-2: one minute short; w-3: nothing attested.
    for (let i = 0; i < 24; i++) {
      const heldOn = `${month(Math.floor(i / 2) + 1)}-${i % 2 === 0 ? '05' : '20'}`;
      logSession(scenario, { sessionId: `s-${i}`, superviseeIds: ['w-1', 'w-2'], heldOn, durationMinutes: 60 });
      attest(scenario, `s-${i}`, 'w-1');
      if (i > 0) attest(scenario, `s-${i}`, 'w-2');
    }
    logSession(scenario, { sessionId: 's-extra', superviseeIds: ['w-2'], heldOn: '2026-12-28', durationMinutes: 59 });
    attest(scenario, 's-extra', 'w-2');
    logSession(scenario, { sessionId: 's-w3', superviseeIds: ['w-3'], heldOn: '2026-03-03' });
    trainWorkers(scenario, 't-1', { kind: 'in_service', heldOn: '2026-05-10', hours: 40, socialWorkerIds: ['w-1', 'w-2', 'w-3'] });

    it('gives the share of the contract’s workers meeting the supervision requirement', () => {
      const { supervision } = performance(scenario, '2026-12-31');
      expect(supervision).toMatchObject({ workers: 3, meeting: 1, share: 1 / 3 });
      expect(supervision.perWorker.map((w) => [w.socialWorkerId, w.actualMinutes, w.requiredMinutes, w.meeting])).toEqual([
        ['w-1', 1440, 1440, true],
        ['w-2', 1439, 1440, false],
        ['w-3', 0, 1440, false],
      ]);
    });

    it('names the events behind the supervision figure', () => {
      const { supervision } = performance(scenario, '2026-12-31');
      expect(supervision.eventIds).toEqual(expect.arrayContaining(['e-0', 'e-1']));
      expect(supervision.perWorker[2].eventIds).toEqual([]);
    });

    it('gives the share meeting the training requirement', () => {
      expect(performance(scenario, '2026-12-31').training).toMatchObject({ workers: 3, meeting: 3, share: 1 });
    });

    it('judges a date within the year against the requirement prorated to it', () => {
      // By 31 March (90 days) each worker owes ceil(1440 × 90 / 365) = 356 minutes; six sessions give 360 and 300.
      const { supervision } = performance(scenario, '2026-03-31');
      expect(supervision.perWorker.map((w) => [w.socialWorkerId, w.actualMinutes, w.meeting])).toEqual([
        ['w-1', 360, true],
        ['w-2', 300, false],
        ['w-3', 0, false],
      ]);
    });

    it('has no share when the contract has no worker that year', () => {
      expect(performance(new Scenario(), '2026-12-31', { ...contract, assignments: [] }).supervision).toMatchObject({ workers: 0, share: null });
    });

    it('leaves out workers who arrive after the date asked about or left before the year', () => {
      const earlier = placed('w-8', 'st-2', '2025-01-01', '2026-01-01');
      const sources = performanceSources({ ...contract, assignments: [...contract.assignments, placed('w-7', 'st-2', '2026-09-01'), earlier] }, '2026-06-30');
      expect(sources.socialWorkerIds).toEqual(['w-1', 'w-2', 'w-3']);
      // Each worker's training records of the year and the shares of their year's sessions.
      const parts = (id: string) => [`${id}:2026`, ...[0, 1, 2, 3, 4, 5].map((share) => `${id}:2026/s${share}`)];
      expect(sources.ledgerIds).toEqual([parts('w-1'), parts('w-2'), parts('w-3')]);
    });
  });

  describe('service output', () => {
    const scenario = new Scenario();
    for (let i = 1; i <= 12; i++) report(scenario, 'st-1', month(i), output());
    for (let i = 1; i <= 10; i++) report(scenario, 'st-2', month(i), output({ casesOpened: 1, groupSessions: 1, professionalHours: 30, administrativeHours: 90 }));
    report(scenario, 'st-2', month(3), output({ casesOpened: 3, groupSessions: 1, professionalHours: 30, administrativeHours: 90 }), { reason: '补报个案' });
    survey(scenario, 'st-1', month(6), 40, 36);
    survey(scenario, 'st-2', month(6), 10, 5);

    it('counts cases opened against the yearly target, station by station', () => {
      const [st1, st2] = performance(scenario, '2026-12-31').stations;
      expect(st1.output.cases).toEqual({ annualTarget: 20, target: 20, expectedToDate: 20, actual: 24, share: 1.2, met: true, onTrack: true });
      expect(st2.output.cases).toMatchObject({ actual: 12, met: false });
      expect(st2.output.groups).toMatchObject({ annualTarget: 6, actual: 10, met: true });
    });

    it('takes a correction’s figures in place of the month’s first report', () => {
      const st2 = performance(scenario, '2026-12-31').stations[1];
      expect(st2.eventIds).toContain('e-22');
      expect(st2.eventIds).not.toContain('e-14');
    });

    it('adds the stations up against the targets of both', () => {
      expect(performance(scenario, '2026-12-31').serviceOutput.cases).toMatchObject({ annualTarget: 40, target: 40, actual: 36, met: false });
    });

    it('lists the months that ended without a report', () => {
      expect(performance(scenario, '2026-12-31').serviceOutput.monthsMissing).toEqual([
        { stationId: 'st-2', month: '2026-11' },
        { stationId: 'st-2', month: '2026-12' },
      ]);
    });

    it('gives the administrative share of hours, the 行政化 signal', () => {
      // st-1: 12 × 50 h administrative of 12 × 150 h; st-2: 10 × 90 h of 10 × 120 h.
      const result = performance(scenario, '2026-12-31');
      expect(result.stations[0].administrativeShare).toMatchObject({ numerator: 36000, denominator: 108000, share: 1 / 3 });
      expect(result.administrativeShare).toMatchObject({ numerator: 90000, denominator: 180000, share: 0.5 });
    });

    it('gives the satisfaction rate with the surveys behind it', () => {
      const { satisfaction } = performance(scenario, '2026-12-31');
      expect(satisfaction).toMatchObject({ numerator: 41, denominator: 50, share: 0.82 });
      expect(satisfaction.eventIds).toHaveLength(2);
    });

    it('judges a date within the year against the months ended by then', () => {
      // By 15 June five months have ended: 20 × 5 / 12 = 8.33 cases expected; st-1 has reported 6 months of 2.
      const st1 = performance(scenario, '2026-06-15').stations[0];
      expect(st1.output.cases).toMatchObject({ target: 20, expectedToDate: 8.33, actual: 12, onTrack: true, met: false });
      expect(st1.monthsReported).toEqual(['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06']);
    });

    it('prorates the target to the months of the year the contract runs', () => {
      const secondHalf = { ...contract, id: 'c-1', term: { start: '2026-07-01', end: '2027-06-30' } };
      expect(performance(scenario, '2026-12-31', secondHalf).stations[0].output.cases).toMatchObject({ target: 10, actual: 12, met: true });
    });

    it('counts only months whose report names this contract', () => {
      const other = new Scenario();
      report(other, 'st-1', month(1), output(), { contractId: 'c-0' });
      report(other, 'st-1', month(2), output());
      expect(performance(other, '2026-12-31').stations[0].monthsReported).toEqual(['2026-02']);
    });

    it('has no rates when nothing was reported', () => {
      const result = performance(new Scenario(), '2026-12-31');
      expect(result.administrativeShare.share).toBeNull();
      expect(result.satisfaction.share).toBeNull();
    });
  });
});
