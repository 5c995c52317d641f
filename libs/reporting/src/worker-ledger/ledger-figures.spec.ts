import { DEFAULT_REQUIREMENTS, StationAssignment } from '@sws/stations-contracts';
import { ledgerFigures } from './ledger-figures';
import { ContractTerms, ServicePeriod, yearlyRequirement } from './requirement';
import { attest, contractC1, logSession, PLACEMENTS, trainWorkers } from './testing/supervision-fixtures';
import { Scenario } from './testing/scenario';
import { foldLedgers } from './testing/ledgers';
import { workerLedgerId } from './worker-ledger.projection';

const period = (from: string, until: string | null = null, contractId = 'c-1', stationId = 'st-1'): ServicePeriod => ({
  socialWorkerId: 'w-1',
  stationId,
  contractId,
  from,
  until,
});

const requirement = (periods: ServicePeriod[], asOf = '2026-12-31', contracts: ContractTerms[] = [contractC1], year = 2026) =>
  yearlyRequirement({ kind: 'supervisionHoursPerWorkerYear', socialWorkerId: 'w-1', year, asOf, servicePeriods: periods, contracts });

describe('yearly requirement', () => {
  it('asks a worker there all year for exactly the contract’s hours', () => {
    expect(requirement([period('2026-01-01')])).toMatchObject({ requiredMinutes: 1440, requiredToDateMinutes: 1440, daysInYear: 365 });
  });

  it('prorates by the days served, rounding up to a whole minute: 184 of 365 days ask 726 minutes', () => {
    expect(requirement([period('2026-07-01')]).requiredMinutes).toBe(726);
  });

  it('adds periods under two contracts without a rounding step between them', () => {
    const c2: ContractTerms = { ...contractC1, id: 'c-2', requirements: { ...DEFAULT_REQUIREMENTS, supervisionHoursPerWorkerYear: 36 } };
    // 181 days at 24 h and 184 days at 36 h: (1440 × 181 + 2160 × 184) / 365 = 1802.96 → 1803.
    expect(requirement([period('2026-01-01', '2026-07-01'), period('2026-07-01', null, 'c-2')], '2026-12-31', [contractC1, c2]).requiredMinutes).toBe(1803);
  });

  it('prorates to date: half a year asks 715 minutes by 30 June', () => {
    expect(requirement([period('2026-01-01')], '2026-06-30')).toMatchObject({ requiredMinutes: 1440, requiredToDateMinutes: 715 });
  });

  it('ends a period on the day before the worker left', () => {
    expect(requirement([period('2026-01-01', '2026-01-02')]).periods[0]).toMatchObject({ first: '2026-01-01', last: '2026-01-01', days: 1 });
  });

  it('ends a period where the contract ends, termination included', () => {
    const terminated: ContractTerms = { ...contractC1, terminated: { effectiveOn: '2026-07-01' } };
    expect(requirement([period('2026-01-01')], '2026-12-31', [terminated]).periods[0]).toMatchObject({ last: '2026-06-30', days: 181 });
  });

  it('does not count a period that begins after the date asked about', () => {
    expect(requirement([period('2026-01-01', '2026-03-01'), period('2026-09-01', null, 'c-1', 'st-2')], '2026-06-30').periods).toHaveLength(1);
  });

  it('asks nothing of a worker who served no day in the year', () => {
    expect(requirement([period('2025-01-01', '2026-01-01')])).toMatchObject({ requiredMinutes: null, requiredToDateMinutes: null, periods: [] });
  });

  it('counts 366 days in a leap year', () => {
    const c2024: ContractTerms = { ...contractC1, term: { start: '2024-01-01', end: '2024-12-31' } };
    expect(requirement([period('2024-01-01')], '2024-12-31', [c2024], 2024)).toMatchObject({ requiredMinutes: 1440, daysInYear: 366 });
  });

  describe('when an amendment changed the hours during the year', () => {
    const doubled: ContractTerms = {
      ...contractC1,
      requirementsInForce: [
        { from: '2026-01-01', requirements: DEFAULT_REQUIREMENTS, eventId: 'e-award' },
        { from: '2026-11-01', requirements: { ...DEFAULT_REQUIREMENTS, supervisionHoursPerWorkerYear: 48 }, eventId: 'e-amended' },
      ],
      requirements: { ...DEFAULT_REQUIREMENTS, supervisionHoursPerWorkerYear: 48 },
    };

    it('prorates each requirement over the days it was in force: 304 days at 24 h and 61 at 48 h', () => {
      const result = requirement([period('2026-01-01')], '2026-12-31', [doubled]);
      // (1440 × 304 + 2880 × 61) / 365 = 1680.66 → 1681.
      expect(result.requiredMinutes).toBe(1681);
      expect(result.periods.map((p) => [p.first, p.last, p.hoursPerYear])).toEqual([
        ['2026-01-01', '2026-10-31', 24],
        ['2026-11-01', '2026-12-31', 48],
      ]);
    });

    it('asks, to a date before the amendment, only what the earlier requirement asked', () => {
      expect(requirement([period('2026-01-01')], '2026-06-30', [doubled]).requiredToDateMinutes).toBe(715);
    });

    it('cuts only the periods the change falls in', () => {
      const result = requirement([period('2026-01-01', '2026-07-01'), period('2026-07-01', null, 'c-1', 'st-2')], '2026-12-31', [doubled]);
      expect(result.periods.map((p) => [p.stationId, p.first, p.hoursPerYear])).toEqual([
        ['st-1', '2026-01-01', 24],
        ['st-2', '2026-07-01', 24],
        ['st-2', '2026-11-01', 48],
      ]);
      expect(result.requiredMinutes).toBe(1681);
    });
  });

  it('takes the SPEC default for a contract it was not given, and says so', () => {
    expect(requirement([period('2026-01-01', null, 'c-9')], '2026-12-31', []).periods[0]).toMatchObject({ hoursPerYear: 24, assumedDefault: true });
  });
});

describe('ledger figures', () => {
  const placements: StationAssignment[] = [...PLACEMENTS];
  const figures = (scenario: Scenario, asOf = '2026-12-31', socialWorkerId = 'w-1') =>
    ledgerFigures(foldLedgers(scenario).get(workerLedgerId(socialWorkerId, 2026)) ?? null, {
      socialWorkerId,
      year: 2026,
      asOf,
      servicePeriods: placements,
      contracts: [contractC1],
    });

  it('splits attested hours by format and by function, a session counting under each of its functions', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-02-01', durationMinutes: 60, functions: ['educational', 'supportive'] });
    logSession(scenario, { sessionId: 's-2', superviseeIds: ['w-1', 'w-2'], heldOn: '2026-02-02', durationMinutes: 90, functions: ['administrative'] });
    logSession(scenario, { sessionId: 's-3', superviseeIds: ['w-1'], heldOn: '2026-02-03', durationMinutes: 30, format: 'remote' });
    attest(scenario, 's-1', 'w-1');
    attest(scenario, 's-2', 'w-1');
    const { attested, unattested } = figures(scenario).supervision;
    expect(attested).toMatchObject({ minutes: 150, hours: 2.5, sessions: 2 });
    expect(attested.byFormat).toEqual({
      individual: { minutes: 60, hours: 1 },
      group: { minutes: 90, hours: 1.5 },
      on_site: { minutes: 0, hours: 0 },
      remote: { minutes: 0, hours: 0 },
    });
    expect(attested.byFunction).toEqual({
      administrative: { minutes: 90, hours: 1.5 },
      educational: { minutes: 60, hours: 1 },
      supportive: { minutes: 60, hours: 1 },
    });
    expect(unattested.byFormat.remote.minutes).toBe(30);
  });

  it('counts only sessions held up to the date asked about', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-02-01' });
    logSession(scenario, { sessionId: 's-2', superviseeIds: ['w-1'], heldOn: '2026-02-02' });
    expect(figures(scenario, '2026-02-01').supervision.unattested.sessions).toBe(1);
    expect(figures(scenario, '2025-12-31').supervision.unattested.sessions).toBe(0);
  });

  it('lists late sessions, whose attested hours still count', () => {
    const scenario = new Scenario();
    logSession(scenario, { sessionId: 's-1', superviseeIds: ['w-1'], heldOn: '2026-02-01', loggedOn: '2026-03-04' });
    logSession(scenario, { sessionId: 's-2', superviseeIds: ['w-1'], heldOn: '2026-02-02', loggedOn: '2026-03-04' });
    attest(scenario, 's-1', 'w-1');
    const result = figures(scenario);
    expect(result.supervision.late).toEqual({ sessions: 1, sessionIds: ['s-1'], eventIds: ['e-0'] });
    expect(result.compliance.supervision.actualMinutes).toBe(60);
  });

  describe('training', () => {
    it('adds credited hours by kind and meets 40 hours exactly, not one minute less', () => {
      const scenario = new Scenario();
      trainWorkers(scenario, 't-1', { kind: 'pre_service', heldOn: '2026-01-10', hours: 24, socialWorkerIds: ['w-1', 'w-2'] });
      trainWorkers(scenario, 't-2', { kind: 'in_service', heldOn: '2026-05-10', hours: 16, socialWorkerIds: ['w-1'] });
      trainWorkers(scenario, 't-3', { kind: 'in_service', heldOn: '2026-05-11', hours: 16, socialWorkerIds: ['w-2'], hoursCredited: 16 - 1 / 60 });
      const w1 = figures(scenario, '2026-12-31', 'w-1');
      expect(w1.training).toMatchObject({ minutes: 2400, hours: 40, credits: 2, eventIds: ['e-1', 'e-3'] });
      expect(w1.training.byKind.pre_service.minutes).toBe(1440);
      expect(w1.compliance.training).toMatchObject({ requiredMinutes: 2400, met: true });
      expect(figures(scenario, '2026-12-31', 'w-2').compliance.training).toMatchObject({ actualMinutes: 2399, met: false, shortfallMinutes: 1 });
    });

    it('is on track by mid-year with half the hours', () => {
      const scenario = new Scenario();
      trainWorkers(scenario, 't-1', { kind: 'continuing_education', heldOn: '2026-03-01', hours: 20, socialWorkerIds: ['w-1'] });
      // 181 of 365 days by 30 June ask ceil(2400 × 181 / 365) = 1191 minutes; 1200 are credited.
      expect(figures(scenario, '2026-06-30').compliance.training).toMatchObject({ requiredToDateMinutes: 1191, onTrack: true, met: false });
    });
  });

  it('shows nothing, and no compliance, for a worker with no ledger and no assignment that year', () => {
    const result = ledgerFigures(null, { socialWorkerId: 'w-9', year: 2026, asOf: '2026-12-31', servicePeriods: placements, contracts: [contractC1] });
    expect(result.supervision.attested.minutes).toBe(0);
    expect(result.compliance.supervision).toMatchObject({ requiredMinutes: null, met: null, onTrack: null });
  });
});
