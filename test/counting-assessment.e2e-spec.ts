import { ADMIN, created, evaluatorOf, organization } from './support/fixtures';
import { ANNUAL_2026, at, EligibleContract, eligibleContract, finalizedAssessment, got, refused, startBody } from './support/eligible-contract';
import { slowAppends } from './support/slow-appends';
import { startTestApp, TestApp } from './support/test-app';

const slow = slowAppends();

/** Issue 10, part 2: a finalized assessment changes only by amendment, and one rule says which one counts. */
describe('one counting assessment per station, period and assessor kind', () => {
  let t: TestApp;
  let c: EligibleContract;

  beforeEach(async () => {
    slow.on = false;
    t = await startTestApp({ eventStore: slow.wrap });
    c = await eligibleContract(t);
  });

  afterEach(() => t.close());

  const evaluator = () => evaluatorOf(c.evaluator);

  it('refuses a second assessment of a finalized period, pointing to the one to amend, whoever starts it', async () => {
    const first = await finalizedAssessment(t, c);
    const other = await organization(t, 'evaluator', '齐鲁评估中心');
    for (const [period, as] of [
      [ANNUAL_2026, evaluator()],
      [ANNUAL_2026, evaluatorOf(other)],
      [{ kind: 'annual', from: '2026-07-01', to: '2026-12-31' }, evaluator()],
    ] as const) {
      const refusal = await refused(t, '/assessments', startBody(c, { period }), as, 422, 'ASSESSMENT_ALREADY_FINALIZED');
      expect(refusal.details).toMatchObject({ assessmentId: first.id, period: ANNUAL_2026, assessorKind: 'third_party' });
      expect(refusal.message).toContain(`/assessments/${first.id}/amendments`);
    }
    // Another period kind, or another kind of assessor, is another period.
    await created(t, '/assessments', startBody(c, { period: { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' } }), evaluator());
    await created(t, '/assessments', startBody(c, { assessorKind: 'community' }), evaluator());
  });

  it('lets one of two evaluators starting at once take a period an annulment freed, and refuses the other', async () => {
    const first = await finalizedAssessment(t, c);
    await created(t, `/assessments/${first.id}/annulment`, { reason: '评估机构存在关联，评估作废' }, ADMIN);
    const others = [await organization(t, 'evaluator', '齐鲁评估中心'), await organization(t, 'evaluator', '泰山评估中心')];
    slow.on = true;
    const answers = await Promise.all(others.map((org) => t.as(evaluatorOf(org)).post('/assessments').send(startBody(c))));
    slow.on = false;
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422]);
    expect(answers.find((a) => a.status === 422)!.body.code).toBe('ASSESSMENT_ALREADY_OPEN');
  });

  it('names the same counting assessment in the scorecard, the eligibility and the dossier when two are finalized the same day', async () => {
    // An annual and a final assessment of the same year, both finalized on 21 December: the final one later that day.
    at(t, '2026-12-21T09:00:00');
    const annual = await finalizedAssessment(t, c, { total: 72 });
    at(t, '2026-12-21T15:00:00');
    const final = await finalizedAssessment(t, c, { period: { kind: 'final', ...dates(ANNUAL_2026) }, total: 90 });
    at(t, '2027-01-20T10:00:00');

    const scorecard = await got(t, `/stations/${c.stations[0]}/scorecard`);
    const judged = await got(t, `/contracts/${c.contract}/renewal-eligibility`);
    const dossier = await got(t, `/contracts/${c.contract}/renewal-dossier`);
    expect(scorecard.latest).toMatchObject({ assessmentId: final.id, total: 90 });
    expect(judged.stations[0].components).toEqual([expect.objectContaining({ assessmentId: final.id, score: 90 })]);
    expect(dossier.scores[0].counting).toMatchObject({ assessmentId: final.id, total: 90 });
    expect({ status: judged.status, score: judged.contractScore }).toEqual({ status: 'eligible', score: 90 });
    expect(annual.id).not.toBe(final.id);
  });
});

const dates = ({ from, to }: { from: string; to: string }) => ({ from, to });
