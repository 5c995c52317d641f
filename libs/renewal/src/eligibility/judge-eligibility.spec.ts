import { DEFAULT_RENEWAL_POLICY, RenewalPolicy } from '../policy/renewal-policy';
import { policyInForce } from '../policy/policy-in-force';
import { Rectification } from '../read-models/rectification-status';
import { AssessmentInput, EligibilityInputs, StationInput } from './eligibility';
import { judgeEligibility } from './judge-eligibility';

const asOf = '2027-01-31';

const assessment = (overrides: Partial<AssessmentInput> = {}): AssessmentInput => ({
  assessmentId: 'a-1',
  assessorKind: 'third_party',
  period: { kind: 'annual', from: '2026-01-01', to: '2026-12-31' },
  finalizedOn: '2027-01-20',
  finalizedAt: '2027-01-20T10:00:00.000+08:00',
  evaluatorOrgId: 'org-evaluator',
  affiliationsWithOperator: [],
  score: 85,
  grade: 'good',
  sourceEventIds: ['e-a1-started', 'e-a1-finalized'],
  ...overrides,
});

const station = (stationId: string, ...assessments: AssessmentInput[]): StationInput => ({ stationId, assessments });

/** Stations st-1, st-2, … each with one third-party annual assessment of the score given. */
const scored = (...scores: number[]): StationInput[] =>
  scores.map((score, i) => station(`st-${i + 1}`, assessment({ assessmentId: `a-${i + 1}`, score, sourceEventIds: [`e-a${i + 1}`] })));

const met: Omit<EligibilityInputs, 'stations'> = {
  contractId: 'c-1',
  staffing: { days: 365, compliantDays: 365, sourceEventIds: ['e-assigned-1', 'e-assigned-2'] },
  supervision: { workers: 10, meeting: 10, sourceEventIds: ['e-session-1'] },
  training: { workers: 10, meeting: 10, sourceEventIds: ['e-training-1'] },
  rectifications: [],
};

const inputs = (overrides: Partial<EligibilityInputs> = {}): EligibilityInputs => ({ ...met, stations: scored(85), ...overrides });

const judge = (overrides: Partial<EligibilityInputs> = {}, on = asOf, policy: RenewalPolicy = DEFAULT_RENEWAL_POLICY) =>
  judgeEligibility(inputs(overrides), policy, on);

const codes = (overrides: Partial<EligibilityInputs> = {}, on = asOf) => judge(overrides, on).reasons.map((r) => r.code);

const rectification = (overrides: Partial<Rectification> = {}): Rectification => ({
  rectificationId: 'r-1',
  reviewId: 'rv-0',
  contractId: 'c-0',
  successorContractId: 'c-1',
  items: ['补齐驻站社工'],
  deadline: '2027-06-30',
  requiredOn: '2027-02-10',
  reports: [],
  closed: null,
  sourceEventIds: ['e-r1-required'],
  ...overrides,
});

describe('renewal eligibility', () => {
  describe('when the score is 85 and every requirement is met', () => {
    it('is eligible, with no reason against it, judged by the policy version given', () => {
      const judgement = judge();
      expect(judgement).toMatchObject({ contractId: 'c-1', asOf, status: 'eligible', contractScore: 85, policyVersion: 1, reasons: [] });
      expect(judgement.stations[0]).toMatchObject({ stationId: 'st-1', score: 85, sourceEventIds: ['e-a1'] });
      expect(judgement.staffing).toEqual({ share: 1, threshold: 0.9, met: true, counted: 365, of: 365, sourceEventIds: ['e-assigned-1', 'e-assigned-2'] });
    });
  });

  describe('when the contract score falls short', () => {
    it('is conditional at 72, with a reason naming 72 and the threshold 80 and the events behind the score', () => {
      const judgement = judge({ stations: scored(72) });
      expect(judgement.status).toBe('conditional');
      expect(judgement.reasons).toEqual([
        {
          code: 'CONTRACT_SCORE_BELOW_GOOD',
          effect: 'conditional',
          message: 'contract score 72.00 is below 80.00 (good)',
          figure: 72,
          threshold: 80,
          stationId: null,
          rectificationId: null,
          sourceEventIds: ['e-a1'],
        },
      ]);
    });

    it('is ineligible at 55, naming the pass mark, and lists the failing station too', () => {
      const judgement = judge({ stations: scored(55) });
      expect(judgement.status).toBe('ineligible');
      expect(judgement.reasons.map((r) => [r.code, r.figure, r.threshold])).toEqual([
        ['CONTRACT_SCORE_BELOW_PASS', 55, 60],
        ['STATION_SCORE_BELOW_PASS', 55, 60],
      ]);
      expect(judgement.reasons[0].message).toBe('contract score 55.00 is below 60.00 (pass)');
    });

    it('draws the lines at exactly 80 and 60', () => {
      expect(judge({ stations: scored(80) }).status).toBe('eligible');
      expect(judge({ stations: scored(79.99) }).status).toBe('conditional');
      expect(judge({ stations: scored(60) }).status).toBe('conditional');
      expect(judge({ stations: scored(59.99) }).status).toBe('ineligible');
    });

    it('judges the mean on its exact value: 79.99 and 80.00 make 79.995, below 80, shown as 79.99', () => {
      const judgement = judge({ stations: scored(79.99, 80) });
      expect(judgement).toMatchObject({ contractScore: 79.99, status: 'conditional' });
      expect(judgement.reasons).toEqual([expect.objectContaining({ code: 'CONTRACT_SCORE_BELOW_GOOD', figure: 79.99, message: 'contract score 79.99 is below 80.00 (good)' })]);
    });

    it('judges 59.99 and 60.00 (59.995) ineligible, shown as 59.99', () => {
      const judgement = judge({ stations: scored(59.99, 60) });
      expect(judgement).toMatchObject({ contractScore: 59.99, status: 'ineligible' });
      expect(judgement.reasons.map((r) => [r.code, r.figure])).toEqual([
        ['CONTRACT_SCORE_BELOW_PASS', 59.99],
        ['STATION_SCORE_BELOW_PASS', 59.99],
      ]);
    });

    it('rounds a shown mean half up where that crosses no line, and a mean of three without float drift', () => {
      expect(judge({ stations: scored(80, 80.01) })).toMatchObject({ contractScore: 80.01, status: 'eligible' });
      expect(judge({ stations: scored(84.99, 85) })).toMatchObject({ contractScore: 85, status: 'eligible' });
      // 79.99 + 80 + 80 = 239.99: a third of it is 79.9966…, below 80 however close.
      expect(judge({ stations: scored(79.99, 80, 80) })).toMatchObject({ contractScore: 79.99, status: 'conditional' });
      expect(judge({ stations: scored(80.01, 80, 79.99) })).toMatchObject({ contractScore: 80, status: 'eligible' });
    });

    it('judges a weighted station score on its exact value, never showing it on the pass mark', () => {
      const weighted: RenewalPolicy = { ...DEFAULT_RENEWAL_POLICY, assessorWeights: { third_party: 0.5, purchaser: 0.5 } };
      const station_ = station(
        'st-1',
        assessment({ assessmentId: 'a-tp', score: 59.99, sourceEventIds: ['e-tp'] }),
        assessment({ assessmentId: 'a-pu', assessorKind: 'purchaser', score: 60, sourceEventIds: ['e-pu'] }),
      );
      // (59.99 + 60) / 2 = 59.995: below 60, shown 59.99 rather than rounded up to 60.00.
      const judgement = judge({ stations: [station_] }, asOf, weighted);
      expect(judgement.stations[0].score).toBe(59.99);
      expect(judgement.reasons.map((r) => [r.code, r.figure])).toEqual([
        ['CONTRACT_SCORE_BELOW_PASS', 59.99],
        ['STATION_SCORE_BELOW_PASS', 59.99],
      ]);
    });

    it("takes the mean of the stations' scores", () => {
      expect(judge({ stations: scored(90, 70) })).toMatchObject({ contractScore: 80, status: 'eligible' });
      expect(judge({ stations: scored(90, 69.97) })).toMatchObject({ contractScore: 79.99, status: 'conditional' });
    });

    it('is conditional when one station scored below 60, though the mean is good', () => {
      const judgement = judge({ stations: scored(100, 100, 59.99) });
      expect(judgement).toMatchObject({ contractScore: 86.66, status: 'conditional' });
      expect(judgement.reasons).toEqual([
        expect.objectContaining({ code: 'STATION_SCORE_BELOW_PASS', stationId: 'st-3', figure: 59.99, threshold: 60, sourceEventIds: ['e-a3'] }),
      ]);
      expect(judge({ stations: scored(100, 100, 60) }).status).toBe('eligible');
    });
  });

  describe('when a station has no assessment that counts', () => {
    it('is insufficient_data, naming the station, and has no contract score', () => {
      const judgement = judge({ stations: [...scored(85), station('st-2')] });
      expect(judgement).toMatchObject({ status: 'insufficient_data', contractScore: null });
      expect(judgement.reasons).toEqual([expect.objectContaining({ code: 'NO_COUNTING_ASSESSMENT', stationId: 'st-2', figure: 0, threshold: 1 })]);
    });

    it('still lists every other reason that applies', () => {
      const judgement = judge({ stations: [...scored(55), station('st-2')], staffing: { days: 100, compliantDays: 85, sourceEventIds: [] } });
      expect(judgement.status).toBe('insufficient_data');
      expect(judgement.reasons.map((r) => r.code)).toEqual(['NO_COUNTING_ASSESSMENT', 'STATION_SCORE_BELOW_PASS', 'STAFFING_BELOW_THRESHOLD']);
    });

    it('does not count a midterm or monthly assessment', () => {
      const midterm = assessment({ period: { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' } });
      expect(judge({ stations: [station('st-1', midterm)] }).status).toBe('insufficient_data');
    });

    it('counts a final assessment as an annual one, unless the policy counts annual ones only', () => {
      const final = assessment({ period: { kind: 'final', from: '2026-01-01', to: '2026-12-31' } });
      expect(judge({ stations: [station('st-1', final)] }).status).toBe('eligible');
      const annualOnly = { ...DEFAULT_RENEWAL_POLICY, periodKinds: ['annual' as const] };
      expect(judge({ stations: [station('st-1', final)] }, asOf, annualOnly).status).toBe('insufficient_data');
    });

    it('counts an assessment from the day it is finalized, not before', () => {
      expect(judge({}, '2027-01-19').status).toBe('insufficient_data');
      expect(judge({}, '2027-01-20').status).toBe('eligible');
    });

    it('counts an annual assessment finalized before its period ends: reviews come before the term ends', () => {
      const early = assessment({ finalizedOn: '2026-11-20' });
      expect(judge({ stations: [station('st-1', early)] }, '2026-11-19').status).toBe('insufficient_data');
      expect(judge({ stations: [station('st-1', early)] }, '2026-11-20').status).toBe('eligible');
    });

    it('is insufficient_data for a contract without stations', () => {
      expect(judge({ stations: [] }).reasons.map((r) => r.code)).toEqual(['NO_STATIONS']);
    });
  });

  describe('when the evaluator of a counting assessment is declared affiliated with the operator after finalization', () => {
    const declared = { eventId: 'e-affiliation', declaredOn: '2027-01-25' };
    const flagged = (on = asOf) => judge({ stations: [station('st-1', assessment({ affiliationsWithOperator: [declared] }))] }, on);

    it('flags the assessment, naming it and the declaration, and leaves the contract conditional at best', () => {
      const judged = flagged();
      expect(judged).toMatchObject({ status: 'conditional', contractScore: 85 });
      expect(judged.reasons).toEqual([
        expect.objectContaining({ code: 'EVALUATOR_CONFLICT_OF_INTEREST', effect: 'conditional', stationId: 'st-1', assessmentId: 'a-1', figure: null, threshold: null }),
      ]);
      expect(judged.reasons[0].sourceEventIds).toEqual(['e-a1-started', 'e-a1-finalized', 'e-affiliation']);
      expect(judged.reasons[0].message).toContain('a-1');
    });

    it('does not flag as of a day before the declaration', () => {
      expect(flagged('2027-01-24')).toMatchObject({ status: 'eligible', reasons: [] });
    });

    it('does not make an ineligible contract any better', () => {
      const low = assessment({ score: 55, affiliationsWithOperator: [declared] });
      expect(judge({ stations: [station('st-1', low)] }).status).toBe('ineligible');
    });

    it('leaves an assessment the score does not rest on unflagged', () => {
      const superseded = assessment({ assessmentId: 'a-old', period: { kind: 'annual', from: '2025-01-01', to: '2025-12-31' }, affiliationsWithOperator: [declared] });
      expect(judge({ stations: [station('st-1', assessment(), superseded)] })).toMatchObject({ status: 'eligible', reasons: [] });
    });
  });

  describe('when two assessments of the same days are finalized the same day', () => {
    const annual = assessment({ assessmentId: 'a-zzz-annual', finalizedAt: '2027-01-20T09:00:00.000+08:00', score: 72 });
    const final = assessment({ assessmentId: 'a-final', period: { kind: 'final', from: '2026-01-01', to: '2026-12-31' }, finalizedAt: '2027-01-20T15:00:00.000+08:00', score: 90 });

    it('takes the one finalized later that day, whatever the ids and the order', () => {
      expect(judge({ stations: [station('st-1', annual, final)] }).contractScore).toBe(90);
      expect(judge({ stations: [station('st-1', final, annual)] }).contractScore).toBe(90);
    });
  });

  describe('when the latest of several assessments counts', () => {
    const earlier = assessment({ assessmentId: 'a-2025', period: { kind: 'annual', from: '2025-01-01', to: '2025-12-31' }, finalizedOn: '2026-01-20', score: 55 });
    const stations = [station('st-1', assessment(), earlier)];

    it('takes the annual assessment of the latest period, whatever the order it arrives in', () => {
      expect(judge({ stations })).toMatchObject({ contractScore: 85 });
      expect(judge({ stations: [station('st-1', earlier, assessment())] })).toEqual(judge({ stations }));
    });

    it('as of an earlier date, takes the assessment that counted then', () => {
      expect(judge({ stations }, '2026-12-31')).toMatchObject({ contractScore: 55, status: 'ineligible' });
    });
  });

  describe('when staffing, supervision or training fall short', () => {
    it('is conditional at 85% staffing, naming the figure, the threshold and the events', () => {
      const judgement = judge({ staffing: { days: 100, compliantDays: 85, sourceEventIds: ['e-assigned-1'] } });
      expect(judgement.status).toBe('conditional');
      expect(judgement.reasons).toEqual([
        expect.objectContaining({
          code: 'STAFFING_BELOW_THRESHOLD',
          figure: 0.85,
          threshold: 0.9,
          message: 'staffing compliance 85.00% (85 of 100 days fully staffed) is below 90.00%',
          sourceEventIds: ['e-assigned-1'],
        }),
      ]);
    });

    it('draws the staffing line at exactly 90%, and never shows a share below it as 90.00%', () => {
      expect(codes({ staffing: { days: 10_000, compliantDays: 9000, sourceEventIds: [] } })).toEqual([]);
      expect(codes({ staffing: { days: 10_000, compliantDays: 8999, sourceEventIds: [] } })).toEqual(['STAFFING_BELOW_THRESHOLD']);
      const justShort = judge({ staffing: { days: 100_000, compliantDays: 89_996, sourceEventIds: [] } });
      expect(justShort.staffing).toMatchObject({ share: 0.8999, met: false });
      expect(justShort.reasons[0].message).toBe('staffing compliance 89.99% (89996 of 100000 days fully staffed) is below 90.00%');
      expect(judge({ staffing: { days: 100_000, compliantDays: 89_995, sourceEventIds: [] } }).staffing).toMatchObject({ share: 0.8999, met: false });
      // Away from the line a share is rounded half up as usual.
      expect(judge({ staffing: { days: 100_000, compliantDays: 95_555, sourceEventIds: [] } }).staffing).toMatchObject({ share: 0.9556, met: true });
    });

    it('draws the supervision line at exactly 80% of workers: 3999 of 5000 (79.98%) is short, 4 of 5 is not', () => {
      expect(codes({ supervision: { workers: 5000, meeting: 3999, sourceEventIds: [] } })).toEqual(['SUPERVISION_BELOW_THRESHOLD']);
      expect(codes({ supervision: { workers: 5, meeting: 4, sourceEventIds: [] } })).toEqual([]);
      expect(judge({ supervision: { workers: 3, meeting: 2, sourceEventIds: [] } }).supervision).toMatchObject({ share: 0.6667, met: false });
    });

    it('draws the supervision and training lines at 80% of workers', () => {
      expect(codes({ supervision: { workers: 100, meeting: 80, sourceEventIds: [] } })).toEqual([]);
      expect(codes({ supervision: { workers: 100, meeting: 79, sourceEventIds: [] } })).toEqual(['SUPERVISION_BELOW_THRESHOLD']);
      expect(codes({ training: { workers: 100, meeting: 80, sourceEventIds: [] } })).toEqual([]);
      expect(codes({ training: { workers: 100, meeting: 79, sourceEventIds: [] } })).toEqual(['TRAINING_BELOW_THRESHOLD']);
    });

    it('gives no reason where there is nothing to count', () => {
      const judgement = judge({ staffing: null, supervision: null, training: { workers: 0, meeting: 0, sourceEventIds: [] } });
      expect(judgement.status).toBe('eligible');
      expect(judgement.supervision).toMatchObject({ share: null, met: null });
      expect(judgement.training).toMatchObject({ share: null, met: null });
    });
  });

  describe('when a rectification is due', () => {
    it('turns an eligible contract conditional on the day after its deadline, not on the deadline', () => {
      const rectifications = [rectification()];
      expect(judge({ rectifications }, '2027-06-30').status).toBe('eligible');
      const judgement = judge({ rectifications }, '2027-07-01');
      expect(judgement.status).toBe('conditional');
      expect(judgement.reasons).toEqual([
        expect.objectContaining({ code: 'RECTIFICATION_OVERDUE', rectificationId: 'r-1', figure: 1, threshold: 0, sourceEventIds: ['e-r1-required'] }),
      ]);
      expect(judgement.rectifications).toEqual([
        { rectificationId: 'r-1', reviewId: 'rv-0', deadline: '2027-06-30', status: 'overdue', sourceEventIds: ['e-r1-required'] },
      ]);
    });

    it('is conditional once the rectification was closed as failed, and not while it waits', () => {
      const failed = rectification({ closed: { outcome: 'failed', on: '2027-05-01', comment: null, eventId: 'e-r1-closed' } });
      expect(codes({ rectifications: [failed] }, '2027-05-01')).toEqual(['RECTIFICATION_FAILED']);
      expect(codes({ rectifications: [failed] }, '2027-04-30')).toEqual([]);
    });

    it('gives no reason once completed, nor while a report made by the deadline is being checked', () => {
      const completed = rectification({ closed: { outcome: 'completed', on: '2027-07-10', comment: null, eventId: 'e-c' } });
      expect(codes({ rectifications: [completed] }, '2027-07-10')).toEqual([]);
      expect(codes({ rectifications: [completed] }, '2027-07-09')).toEqual(['RECTIFICATION_OVERDUE']);
      const reported = rectification({ reports: [{ evidence: '已补齐', reportedOn: '2027-06-30', eventId: 'e-rep' }] });
      expect(codes({ rectifications: [reported] }, '2027-08-01')).toEqual([]);
    });

    it('ignores a rectification required after the date judged', () => {
      expect(codes({ rectifications: [rectification({ requiredOn: '2027-08-01' })] }, '2027-07-31')).toEqual([]);
    });

    it('lists a rectification from the day after it was required: a decision judged on its own day does not see its own', () => {
      expect(judge({ rectifications: [rectification()] }, '2027-02-10').rectifications).toEqual([]);
      expect(judge({ rectifications: [rectification()] }, '2027-02-11').rectifications).toEqual([expect.objectContaining({ rectificationId: 'r-1', status: 'open' })]);
    });
  });

  describe('when several rules are broken', () => {
    const broken: Partial<EligibilityInputs> = {
      staffing: { days: 100, compliantDays: 50, sourceEventIds: [] },
      supervision: { workers: 10, meeting: 5, sourceEventIds: [] },
      training: { workers: 10, meeting: 5, sourceEventIds: [] },
      rectifications: [rectification()],
    };
    const others = ['STAFFING_BELOW_THRESHOLD', 'SUPERVISION_BELOW_THRESHOLD', 'TRAINING_BELOW_THRESHOLD', 'RECTIFICATION_OVERDUE'];

    it('lists every reason that applies, and the weakest status decides', () => {
      const missing = judge({ ...broken, stations: [...scored(55), station('st-2')] }, '2027-07-01');
      expect(missing.status).toBe('insufficient_data');
      expect(missing.reasons.map((r) => r.code)).toEqual(['NO_COUNTING_ASSESSMENT', 'STATION_SCORE_BELOW_PASS', ...others]);

      const failing = judge({ ...broken, stations: scored(55) }, '2027-07-01');
      expect(failing.status).toBe('ineligible');
      expect(failing.reasons.map((r) => r.code)).toEqual(['CONTRACT_SCORE_BELOW_PASS', 'STATION_SCORE_BELOW_PASS', ...others]);

      const fair = judge({ ...broken, stations: scored(72) }, '2027-07-01');
      expect(fair.status).toBe('conditional');
      expect(fair.reasons.map((r) => r.code)).toEqual(['CONTRACT_SCORE_BELOW_GOOD', ...others]);
    });
  });

  describe('when a station closed during the contract', () => {
    const closure = (stationId: string, closedOn = '2026-07-01') => ({ stationId, closedOn, eventId: `e-closed-${stationId}` });
    const withClosed = (stations: StationInput[], ...closures: ReturnType<typeof closure>[]) => judge({ stations, closures });

    it('asks no annual assessment of it and leaves it out of the score, listing the closure', () => {
      const judgement = withClosed([...scored(85), station('st-2')], closure('st-2'));
      expect(judgement).toMatchObject({ status: 'eligible', contractScore: 85, reasons: [] });
      expect(judgement.closedStations).toEqual([{ stationId: 'st-2', closedOn: '2026-07-01', eventId: 'e-closed-st-2', counted: false }]);
    });

    it('still counts an assessment it had while it was open', () => {
      const judgement = withClosed(scored(85, 55), closure('st-2'));
      expect(judgement).toMatchObject({ status: 'conditional', contractScore: 70 });
      expect(judgement.reasons.map((r) => [r.code, r.stationId])).toEqual([
        ['CONTRACT_SCORE_BELOW_GOOD', null],
        ['STATION_SCORE_BELOW_PASS', 'st-2'],
      ]);
      expect(judgement.closedStations).toEqual([expect.objectContaining({ stationId: 'st-2', counted: true })]);
    });

    it('asks of it as of a date before it closed', () => {
      const judgement = judge({ stations: [...scored(85), station('st-2')], closures: [closure('st-2', '2027-02-01')] });
      expect(judgement.status).toBe('insufficient_data');
      expect(judgement.reasons).toEqual([expect.objectContaining({ code: 'NO_COUNTING_ASSESSMENT', stationId: 'st-2' })]);
      expect(judgement.closedStations).toEqual([]);
    });

    it('has nothing to judge when every station closed without a counting assessment', () => {
      const judgement = withClosed([station('st-1'), station('st-2')], closure('st-1'), closure('st-2'));
      expect(judgement).toMatchObject({ status: 'insufficient_data', contractScore: null });
      expect(judgement.reasons).toEqual([
        expect.objectContaining({ code: 'ALL_STATIONS_CLOSED', sourceEventIds: ['e-closed-st-1', 'e-closed-st-2'] }),
      ]);
    });
  });

  describe('when policies change', () => {
    const stricter: RenewalPolicy = {
      ...DEFAULT_RENEWAL_POLICY,
      version: 2,
      effectiveFrom: '2027-06-01',
      thresholds: { ...DEFAULT_RENEWAL_POLICY.thresholds, eligibleFrom: 90 },
    };
    const judgedOn = (date: string) => judge({}, date, policyInForce([DEFAULT_RENEWAL_POLICY, stricter], date));

    it('a policy published later with a later effectiveFrom does not change a judgement as of an earlier date', () => {
      expect(judgedOn('2027-05-31')).toEqual(judge({}, '2027-05-31'));
      expect(judgedOn('2027-05-31')).toMatchObject({ status: 'eligible', policyVersion: 1 });
    });

    it('judges by the new thresholds from the day it takes effect', () => {
      const judgement = judgedOn('2027-06-01');
      expect(judgement).toMatchObject({ status: 'conditional', policyVersion: 2, thresholds: { eligibleFrom: 90 } });
      expect(judgement.reasons[0]).toMatchObject({ code: 'CONTRACT_SCORE_BELOW_GOOD', figure: 85, threshold: 90 });
    });
  });
});
