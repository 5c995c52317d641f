import { READ_STORE, ReadStore } from '@sws/read-store';
import { ADMIN, award, contractBody, created, evaluatorOf } from './support/fixtures';
import { ANNUAL_2026, at, EligibleContract, eligibleContract, finalizedAssessment, got, scoredAssessment } from './support/eligible-contract';
import { startTestApp, TestApp } from './support/test-app';

const MARCH_2026 = { kind: 'monthly', from: '2026-03-01', to: '2026-03-31' };
const FIRST_HALF_2026 = { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' };
const JANUARY_2027 = { kind: 'monthly', from: '2027-01-01', to: '2027-01-31' };
const AMENDMENT = { scores: [{ itemCode: 'SERVICE.CASES.FILES', points: 30, evidence: '复核' }], reason: '复核更正' };

/**
 * A scorecard's periods that hold an assessment of the contract, each with only the contract's
 * assessments, in the dossier's shape: what the dossier must say of them, whatever it reads.
 */
function periodsOf(scorecard: { periods: any[] }, contractId: string) {
  return scorecard.periods
    .filter((p) => p.assessments.some((a: any) => a.contractId === contractId))
    .map((p) => {
      const own = p.assessments.filter((a: any) => a.contractId === contractId);
      return {
        period: p.period,
        assessorKind: p.assessorKind,
        assessments: own.map((a: any) => ({
          assessmentId: a.assessmentId,
          evaluatorOrgId: a.evaluatorOrgId,
          rubric: `${a.rubricCode} v${a.rubricVersion}`,
          revisions: a.revisions.map(({ revision, total, grade, reason, recordedAt, eventId }: any) => ({ revision, total, grade, reason, recordedAt, eventId })),
          annulled: a.annulled,
        })),
        sourceEventIds: own.flatMap((a: any) => [...a.revisions.map((r: any) => r.eventId), ...(a.annulled ? [a.annulled.eventId] : [])]),
      };
    });
}

/** The dossier's scores reach back only as far as its contract: what it reads does not grow with a station's history. */
describe("the dossier's scores", () => {
  let t: TestApp;
  let c: EligibleContract;
  let successor: string;
  let replacement: string;

  beforeAll(async () => {
    t = await startTestApp();
    c = await eligibleContract(t, 2);
    const evaluator = evaluatorOf(c.evaluator);
    // 2026: a monthly check and an annual assessment amended on the first station; on the second a
    // midterm assessment annulled, and an annual one scored but never finalized.
    at(t, '2026-12-21T09:00:00');
    await finalizedAssessment(t, c, { period: MARCH_2026 });
    const annual = await finalizedAssessment(t, c, { period: ANNUAL_2026 });
    await created(t, `/assessments/${annual.id}/amendments`, AMENDMENT, evaluator);
    const annulled = await finalizedAssessment(t, c, { stationId: c.stations[1], period: FIRST_HALF_2026 });
    await created(t, `/assessments/${annulled.id}/annulment`, { reason: '评估机构存在关联，评估作废' }, ADMIN);
    // Assessed again the next day: a period's assessments are finalized one after another.
    at(t, '2026-12-22T09:00:00');
    replacement = (await finalizedAssessment(t, c, { stationId: c.stations[1], period: FIRST_HALF_2026 })).id;
    await scoredAssessment(t, c, { stationId: c.stations[1], period: ANNUAL_2026 });
    // 2027: the same stations under the next year's contract, assessed for January.
    const parties = { purchaserOrgId: c.purchaser, operatorOrgId: c.operator, stationIds: c.stations };
    successor = (await award(t, contractBody(parties, { term: { start: '2027-01-01', end: '2027-12-31' } }))).id;
    at(t, '2027-02-05T09:00:00');
    await finalizedAssessment(t, { ...c, contract: successor }, { period: JANUARY_2027 });
  });

  afterAll(() => t.close());

  it("lists each station's periods of its contract with every revision and annulment, as the scorecard has them", async () => {
    for (const contractId of [c.contract, successor]) {
      const dossier = await got(t, `/contracts/${contractId}/renewal-dossier`);
      for (const [index, stationId] of c.stations.entries()) {
        const scorecard = await got(t, `/stations/${stationId}/scorecard`);
        const scores = dossier.scores[index];
        expect(scores.stationId).toBe(stationId);
        expect(scores.periods.map(({ current: _, ...rest }: any) => rest)).toEqual(periodsOf(scorecard, contractId));
      }
    }
    const earlier = await got(t, `/contracts/${c.contract}/renewal-dossier`);
    expect(earlier.scores[0].periods.map((p: any) => p.period)).toEqual([MARCH_2026, ANNUAL_2026]);
    expect(earlier.scores[0].periods[1].assessments[0].revisions.map((r: any) => [r.revision, r.reason])).toEqual([
      [1, null],
      [2, AMENDMENT.reason],
    ]);
    const amended = earlier.scores[0].periods[1];
    expect(amended.current).toEqual({ assessmentId: amended.assessments[0].assessmentId, revision: 2, total: amended.assessments[0].revisions[1].total, grade: amended.assessments[0].revisions[1].grade });
    expect(earlier.scores[1].periods).toEqual([
      expect.objectContaining({
        period: FIRST_HALF_2026,
        current: expect.objectContaining({ assessmentId: replacement, revision: 1 }),
        assessments: [
          expect.objectContaining({ annulled: expect.objectContaining({ reason: '评估机构存在关联，评估作废' }) }),
          expect.objectContaining({ assessmentId: replacement, annulled: null }),
        ],
      }),
    ]);
    const later = await got(t, `/contracts/${successor}/renewal-dossier`);
    expect(later.scores.map((s: any) => s.periods.map((p: any) => p.period))).toEqual([[JANUARY_2027], []]);
  });

  it('reads no scorecard document: the scores come from the documents of its assessments the judgement reads anyway', async () => {
    const store = t.app.get<ReadStore>(READ_STORE);
    const [getMany, list, get] = [store.getMany.bind(store), store.list.bind(store), store.get.bind(store)];
    const read: string[] = [];
    const spies = [
      jest.spyOn(store, 'getMany').mockImplementation(async (collection, ids) => {
        if (collection === 'station-scorecards') read.push(...ids);
        return getMany(collection, ids);
      }),
      jest.spyOn(store, 'list').mockImplementation(async (collection, options) => {
        if (collection === 'station-scorecards') read.push(`every document under ${options.idPrefix ?? '(no prefix)'}`);
        return list(collection, options);
      }),
      jest.spyOn(store, 'get').mockImplementation(async (collection, id) => {
        if (collection === 'station-scorecards') read.push(id);
        return get(collection, id);
      }),
    ];
    try {
      for (const contractId of [c.contract, successor]) expect((await got(t, `/contracts/${contractId}/renewal-dossier`)).scores[0].periods).not.toEqual([]);
    } finally {
      for (const spy of spies) spy.mockRestore();
    }
    expect(read).toEqual([]);
  });
});
