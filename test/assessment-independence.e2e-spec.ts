import { ADMIN, created, evaluatorOf, operatorOf, organization, procurementOf } from './support/fixtures';
import {
  ANNUAL_2026,
  at,
  EligibleContract,
  eligibleContract,
  finalizedAssessment,
  got,
  refused,
  respondedAssessment,
  scoredAssessment,
  startBody,
  worldScores,
} from './support/eligible-contract';
import { startTestApp, TestApp } from './support/test-app';

const MIDTERM = { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' };
const NOVEMBER = { kind: 'monthly', from: '2026-11-01', to: '2026-11-30' };
const OCTOBER = { kind: 'monthly', from: '2026-10-01', to: '2026-10-31' };
const SUBMISSION = { findings: '运营规范', recommendations: '加强社区服务', wouldRecommend: true };
const AMENDMENT = { scores: [{ itemCode: 'SERVICE.CASES.FILES', points: 30, evidence: '复核' }], reason: '复核更正' };

const codes = (judged: { reasons: Array<{ code: string }> }) => judged.reasons.map((r) => r.code);

/** Issue 10, part 1: independence holds for the whole life of an assessment. */
describe('independence through the life of an assessment', () => {
  let t: TestApp;
  let c: EligibleContract;

  beforeEach(async () => {
    t = await startTestApp();
    c = await eligibleContract(t);
  });

  afterEach(() => t.close());

  const evaluator = () => evaluatorOf(c.evaluator);
  const eligibility = (query = '') => got(t, `/contracts/${c.contract}/renewal-eligibility${query}`);

  /** Declares the affiliation from the side named, returning the declaration's event id. */
  async function affiliate(side: 'operator' | 'evaluator'): Promise<string> {
    const [orgId, otherOrgId, as] = side === 'operator' ? [c.operator, c.evaluator, operatorOf(c.operator)] : [c.evaluator, c.operator, evaluatorOf(c.evaluator)];
    await created(t, `/organizations/${orgId}/affiliations`, { otherOrgId, nature: 'shared_leadership' }, as);
    const { events } = (await t.as(ADMIN).get(`/streams/Organization-${orgId}/events`)).body;
    return events[events.length - 1].metadata.eventId;
  }

  it('refuses scoring, submission, finalization and amendment once the operator declares an affiliation', async () => {
    const finalized = (await finalizedAssessment(t, c)).id;
    const responded = await respondedAssessment(t, c, { period: MIDTERM });
    const scored = await scoredAssessment(t, c, { period: NOVEMBER });
    const draft = (await created(t, '/assessments', startBody(c, { period: OCTOBER }), evaluator())).id;
    await affiliate('operator');

    const conflicts = [
      [`/assessments/${draft}/scores`, { scores: worldScores(85) }],
      [`/assessments/${scored}/submission`, SUBMISSION],
      [`/assessments/${responded}/finalization`, {}],
      [`/assessments/${finalized}/amendments`, AMENDMENT],
    ] as const;
    for (const [url, body] of conflicts) {
      const refusal = await refused(t, url, body, evaluator(), 422, 'CONFLICT_OF_INTEREST');
      expect(refusal.details).toMatchObject({ evaluatorOrgId: c.evaluator, operatorOrgId: c.operator, contractId: c.contract });
    }
    // What is still open can be withdrawn: that is the way out.
    await created(t, `/assessments/${scored}/withdrawal`, { reason: '评估机构与承接机构存在关联，撤回' }, evaluator());
  });

  it('refuses finalization once the evaluator organization itself declares the affiliation', async () => {
    const responded = await respondedAssessment(t, c);
    await affiliate('evaluator');
    await refused(t, `/assessments/${responded}/finalization`, {}, evaluator(), 422, 'CONFLICT_OF_INTEREST');
  });

  it('flags a finalized assessment whose evaluator is declared affiliated later, naming it and the declaration, until it is annulled', async () => {
    const assessment = (await finalizedAssessment(t, c)).id;
    at(t, '2027-01-20T10:00:00');
    expect((await eligibility()).status).toBe('eligible');
    const before = (await eligibility()).basis.knownAt;

    at(t, '2027-01-25T10:00:00');
    const declaration = await affiliate('operator');
    const judged = await eligibility();
    expect(judged.status).toBe('conditional');
    expect(judged.contractScore).toBe(85);
    const flag = judged.reasons.find((r: { code: string }) => r.code === 'EVALUATOR_CONFLICT_OF_INTEREST');
    expect(flag).toMatchObject({ effect: 'conditional', stationId: c.stations[0], assessmentId: assessment, figure: null, threshold: null });
    expect(flag.sourceEventIds).toContain(declaration);
    expect(flag.message).toContain(assessment);
    expect(flag.messageZh).toContain('关联');

    // The dossier carries the same reason, in JSON and on the printed page.
    const dossier = await got(t, `/contracts/${c.contract}/renewal-dossier`, procurementOf(c.purchaser));
    expect(codes(dossier.eligibility)).toContain('EVALUATOR_CONFLICT_OF_INTEREST');
    const page = await t.as(procurementOf(c.purchaser)).get(`/contracts/${c.contract}/renewal-dossier?format=html`);
    expect(page.text).toContain(flag.messageZh);

    // The past agrees: declared on 25 January, it does not flag as of the 24th, nor as known before it.
    expect(codes(await eligibility('?asOf=2027-01-24'))).toEqual([]);
    expect(codes(await eligibility(`?asOf=2027-01-25&knownAt=${encodeURIComponent(before)}`))).toEqual([]);
    const replayed = await eligibility('?asOf=2027-01-25');
    const { basis: _replayed, ...past } = replayed;
    const { basis: _live, ...present } = judged;
    expect(past).toEqual(present);
  });

  it('lets the guidance centre annul it with a reason: it no longer counts, stays in the history and the dossier, and frees the period', async () => {
    const assessment = (await finalizedAssessment(t, c)).id;
    at(t, '2027-01-20T10:00:00');
    const knownBefore = (await eligibility()).basis.knownAt;
    at(t, '2027-01-21T10:00:00');
    await affiliate('evaluator');
    const reason = '评估机构与承接机构同一法定代表人，评估结果作废';
    await refused(t, `/assessments/${assessment}/annulment`, { reason }, evaluator(), 403, 'ROLE_NOT_ALLOWED');
    await created(t, `/assessments/${assessment}/annulment`, { reason });

    const judged = await eligibility();
    expect(judged.status).toBe('insufficient_data');
    expect(judged.reasons).toEqual([expect.objectContaining({ code: 'NO_COUNTING_ASSESSMENT', stationId: c.stations[0] })]);
    // As known before the annulment, the assessment counted, as the decisions of that day saw it.
    expect((await eligibility(`?asOf=2027-01-20&knownAt=${encodeURIComponent(knownBefore)}`)).status).toBe('eligible');

    const detail = await got(t, `/assessments/${assessment}`);
    expect(detail).toMatchObject({ status: 'annulled', annulled: { reason } });
    const scorecard = await got(t, `/stations/${c.stations[0]}/scorecard`);
    expect(scorecard.latest).toBeNull();
    expect(scorecard.trend).toEqual([]);
    expect(scorecard.periods).toEqual([
      expect.objectContaining({ period: ANNUAL_2026, current: null, assessments: [expect.objectContaining({ assessmentId: assessment, annulled: expect.objectContaining({ reason }) })] }),
    ]);
    const dossier = await got(t, `/contracts/${c.contract}/renewal-dossier`);
    expect(dossier.scores[0].periods[0]).toMatchObject({ current: null, assessments: [{ assessmentId: assessment, annulled: { reason } }] });
    expect((await t.as(ADMIN).get(`/contracts/${c.contract}/renewal-dossier?format=html`)).text).toContain(reason);

    // Once, and only a finalized one.
    await refused(t, `/assessments/${assessment}/annulment`, { reason }, ADMIN, 422, 'ALREADY_ANNULLED');
    await refused(t, `/assessments/${assessment}/amendments`, AMENDMENT, evaluator(), 422, 'ASSESSMENT_ANNULLED');
    const other = await organization(t, 'evaluator', '齐鲁评估中心');
    const draft = (await created(t, '/assessments', startBody(c, { period: OCTOBER }), evaluatorOf(other))).id;
    await refused(t, `/assessments/${draft}/annulment`, { reason }, ADMIN, 422, 'NOT_FINALIZED');

    // The annulment frees the period: another evaluator assesses the year again.
    const again = await finalizedAssessment(t, c, { as: evaluatorOf(other) });
    expect((await eligibility()).stations[0].components[0].assessmentId).toBe(again.id);
  });
});
