import { JINAN_STATION_OPERATIONS_RUBRIC } from '@sws/assessment';
import { addDays, CalendarDate } from '@sws/kernel';
import { Principal } from '../apps/api/src/auth/principal';
import { demoAssessments } from '../apps/cli/src/demo-assessments';
import { demoCounty } from '../apps/cli/src/demo-county';
import { loadDemo } from '../apps/cli/src/demo';
import { JINAN_EXPECTED, JINAN_POINTS } from '../libs/assessment/src/testing/jinan-scores';
import {
  ADMIN,
  award,
  contractBody,
  created,
  evaluatorOf,
  operatorOf,
  organization,
  procurementOf,
  read,
  station,
} from './support/fixtures';
import { slowAppends } from './support/slow-appends';
import { startTestApp, TestApp } from './support/test-app';

const slow = slowAppends();

const JINAN = JINAN_STATION_OPERATIONS_RUBRIC;
const ANNUAL = { kind: 'annual', from: '2026-01-01', to: '2026-12-31' };
const SUBMISSION = { findings: '台账规范，个案服务扎实；小组工作场次不足', recommendations: '增加小组工作频次', wouldRecommend: true };

/** Item scores as the evaluator sends them, each with its evidence note. */
const scores = (points: Readonly<Record<string, number>>) =>
  Object.entries(points).map(([itemCode, p]) => ({ itemCode, points: p, evidence: '查阅台账并现场查看' }));

const without = (points: Readonly<Record<string, number>>, itemCode: string) =>
  Object.fromEntries(Object.entries(points).filter(([code]) => code !== itemCode));

/** Today in these tests is 2026-11-24 10:00 China time, unless a test moves the clock. */
describe('rubrics and assessments through HTTP', () => {
  let t: TestApp;
  let purchaser: string;
  let operator: string;
  let evaluatorOrg: string;
  let stations: string[];
  let contract: string;

  const evaluator = () => evaluatorOf(evaluatorOrg);

  beforeEach(async () => {
    slow.on = false;
    t = await startTestApp({ eventStore: slow.wrap });
    purchaser = await organization(t, 'purchaser', '历城区民政局');
    operator = await organization(t, 'operator', '阳光社工服务中心');
    evaluatorOrg = await organization(t, 'evaluator', '泉城社会工作评估中心');
    stations = [await station(t, 1), await station(t, 2), await station(t, 3)];
    contract = (await award(t, contractBody({ purchaserOrgId: purchaser, operatorOrgId: operator, stationIds: stations }))).id;
    await created(t, '/rubrics', JINAN);
  });

  afterEach(() => t.close());

  const head = async (): Promise<string | null> => (await t.http().get('/health')).body.head;

  /** Expects the status and code, and that nothing was appended. */
  async function refused(url: string, body: object, as: Principal, status: number, code: string) {
    const before = await head();
    const response = await t.as(as).post(url).send(body);
    expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
    expect(await head()).toBe(before);
    return response.body;
  }

  const startBody = (overrides: object = {}) => ({
    contractId: contract,
    stationId: stations[0],
    period: ANNUAL,
    assessorKind: 'third_party',
    rubricCode: JINAN.code,
    rubricVersion: 1,
    ...overrides,
  });

  async function start(overrides: object = {}, as: Principal = evaluator()): Promise<string> {
    return (await created(t, '/assessments', startBody(overrides), as)).id;
  }

  /** An assessment with every item scored as the Jinan fixture scores it, submitted: the write's answer names the assessment. */
  async function submitted(overrides: object = {}, as: Principal = evaluator()) {
    const id = await start(overrides, as);
    await created(t, `/assessments/${id}/scores`, { scores: scores(JINAN_POINTS) }, as);
    return created(t, `/assessments/${id}/submission`, SUBMISSION, as);
  }

  /** Submitted, accepted by the operator and finalized. */
  async function finalized(overrides: object = {}, as: Principal = evaluator()) {
    const { id } = await submitted(overrides, as);
    await created(t, `/assessments/${id}/response`, { agrees: true }, operatorOf(operator));
    return created(t, `/assessments/${id}/finalization`, {}, as);
  }

  describe('scoring the Jinan-style rubric', () => {
    it('gives the hand-computed total 80.35 and grade good when every item is scored, with the dimension breakdown', async () => {
      expect(Object.keys(JINAN_POINTS)).toHaveLength(37);
      const { id, position } = await submitted();
      const { data } = await read(t, `/assessments/${id}`, position, evaluator());
      // 12.10 + 9.30 + 8.00 + 11.25 + 27.75 + 11.95 = 80.35 of 100 (libs/assessment/src/testing/jinan-scores.ts): good, 80 ≤ 80.35 < 90.
      expect(data.score).toMatchObject({ revision: 1, scale: 100, rawTotal: 80.35, total: 80.35, grade: 'good' });
      expect(data.score.dimensions).toEqual(JINAN_EXPECTED.dimensions);
      expect(data).toMatchObject({ status: 'submitted', rubricCode: JINAN.code, rubricVersion: 1, evaluatorOrgId: evaluatorOrg });
      expect(data.responseWindow).toEqual({ state: 'open', responseDueOn: '2026-12-08' });
    });

    it("shows a draft with its rubric version as scored and the running score of the items so far, unscored items counting 0", async () => {
      const id = await start();
      const { position } = await created(t, `/assessments/${id}/scores`, { scores: scores({ 'OPS.SITE.SPACE': 2, 'FIN.BUDGET.USE': 1.5 }) }, evaluator());
      const { data } = await read(t, `/assessments/${id}`, position, evaluator());
      expect(data.rubric).toMatchObject({ code: JINAN.code, version: 1, scale: 100, responseWindowDays: JINAN.responseWindowDays });
      expect(data.rubric.dimensions.map((d: { code: string }) => d.code)).toEqual(JINAN.dimensions.map((d) => d.code));
      expect(data.provisionalScore).toMatchObject({ rawTotal: 3.5, total: 3.5, grade: 'fail' });
      expect(data.provisionalScore.unscored).toHaveLength(35);
      expect(data.provisionalScore.unscored).not.toContain('OPS.SITE.SPACE');
      const { data: list } = await read(t, '/assessments', position, evaluator());
      expect(list.map((a: { id: string; rubricCode: string }) => [a.id, a.rubricCode])).toEqual([[id, JINAN.code]]);
    });

    it('puts the finalized score on the station scorecard, where the operator reads it', async () => {
      const { position } = await finalized();
      const { data } = await read(t, `/stations/${stations[0]}/scorecard`, position, operatorOf(operator));
      expect(data.periods).toHaveLength(1);
      expect(data.periods[0]).toMatchObject({ period: ANNUAL, assessorKind: 'third_party', current: { revision: 1, total: 80.35, grade: 'good' } });
      expect(data.latest).toMatchObject({ revision: 1, total: 80.35, grade: 'good' });
      expect(data.trend).toEqual([expect.objectContaining({ total: 80.35, change: null })]);
    });

    it('refuses to submit with an item unscored (INCOMPLETE_SCORES), naming it, and submits once it is scored', async () => {
      const id = await start();
      await created(t, `/assessments/${id}/scores`, { scores: scores(without(JINAN_POINTS, 'SOCIAL.PARTNERS.PUBLICITY')) }, evaluator());
      const refusal = await refused(`/assessments/${id}/submission`, SUBMISSION, evaluator(), 422, 'INCOMPLETE_SCORES');
      expect(refusal.details).toEqual({ missingItemCodes: ['SOCIAL.PARTNERS.PUBLICITY'] });
      await created(t, `/assessments/${id}/scores`, { scores: scores({ 'SOCIAL.PARTNERS.PUBLICITY': 1.85 }) }, evaluator());
      await created(t, `/assessments/${id}/submission`, SUBMISSION, evaluator());
    });

    it('answers points outside [0, max] with 400 naming the field, and accepts the maximum itself', async () => {
      const id = await start();
      const url = `/assessments/${id}/scores`;
      const over = await refused(url, { scores: scores({ 'OPS.DUTY.HOURS': 2, 'OPS.SITE.SPACE': 2.01 }) }, evaluator(), 400, 'POINTS_OUT_OF_RANGE');
      expect(over.errors).toEqual([{ field: 'scores[1].points', problems: [expect.stringContaining('OPS.SITE.SPACE')] }]);
      expect(over.details).toEqual({ field: 'scores[1].points', itemCode: 'OPS.SITE.SPACE', maxPoints: 2 });
      const negative = await refused(url, { scores: scores({ 'FIN.BUDGET.USE': -0.5 }) }, evaluator(), 400, 'POINTS_OUT_OF_RANGE');
      expect(negative.errors[0].field).toBe('scores[0].points');
      const precise = await refused(url, { scores: scores({ 'FIN.BUDGET.USE': 1.255 }) }, evaluator(), 400, 'POINTS_TOO_PRECISE');
      expect(precise.errors[0].field).toBe('scores[0].points');
      await created(t, url, { scores: scores({ 'OPS.SITE.SPACE': 2, 'FIN.BUDGET.USE': 0 }) }, evaluator());
    });

    it('refuses a score without an evidence note', async () => {
      const id = await start();
      const body = { scores: [{ itemCode: 'OPS.SITE.SPACE', points: 1, evidence: '  ' }] };
      expect((await refused(`/assessments/${id}/scores`, body, evaluator(), 400, 'VALIDATION_FAILED')).errors).toEqual([
        { field: 'scores.0.evidence', problems: [expect.stringContaining('blank')] },
      ]);
    });
  });

  describe('independence', () => {
    it('refuses an evaluator organization affiliated with the operator (CONFLICT_OF_INTEREST), whichever side declared it', async () => {
      const declaredByOperator = await organization(t, 'evaluator', '同源评估中心');
      await created(t, `/organizations/${operator}/affiliations`, { otherOrgId: declaredByOperator, nature: 'shared_leadership' }, operatorOf(operator));
      const declaredByItself = await organization(t, 'evaluator', '关联评估中心');
      const last = await created(t, `/organizations/${declaredByItself}/affiliations`, { otherOrgId: operator, nature: 'founder' }, evaluatorOf(declaredByItself));
      await read(t, `/organizations/${declaredByItself}`, last.position);
      for (const orgId of [declaredByOperator, declaredByItself]) {
        const refusal = await refused('/assessments', startBody(), evaluatorOf(orgId), 422, 'CONFLICT_OF_INTEREST');
        expect(refusal.details).toMatchObject({ evaluatorOrgId: orgId, operatorOrgId: operator, contractId: contract });
      }
      // An evaluator with no affiliation may.
      await start();
    });

    it('refuses the operator acting as its own evaluator', async () => {
      await refused('/assessments', startBody(), evaluatorOf(operator), 422, 'CONFLICT_OF_INTEREST');
    });

    it("takes the evaluator organization from the token, never the body", async () => {
      const response = await t.as(evaluator()).post('/assessments').send({ ...startBody(), evaluatorOrgId: purchaser });
      expect(response.status).toBe(400);
      expect(response.body.errors.map((e: { field: string }) => e.field)).toEqual(['evaluatorOrgId']);
    });
  });

  describe('assessor kinds', () => {
    it("lets the purchaser's procurement make its own assessment, but not a third-party one", async () => {
      const id = await start({ assessorKind: 'purchaser' }, procurementOf(purchaser));
      const { data } = await read(t, `/assessments/${id}`, (await t.http().get('/health')).body.head, procurementOf(purchaser));
      expect(data).toMatchObject({ assessorKind: 'purchaser', evaluatorOrgId: purchaser });
      expect((await t.as(procurementOf(purchaser)).post('/assessments').send(startBody({ stationId: stations[1] }))).status).toBe(403);
    });

    it("refuses another purchaser's procurement (NOT_THE_PURCHASER)", async () => {
      const other = await organization(t, 'purchaser', '章丘区民政局');
      await refused('/assessments', startBody({ assessorKind: 'purchaser' }), procurementOf(other), 422, 'NOT_THE_PURCHASER');
    });
  });

  describe('the lifecycle', () => {
    it('refuses an operator response after the window (RESPONSE_WINDOW_CLOSED) and accepts one on its last day', async () => {
      const late = await submitted();
      const onTime = await submitted({ stationId: stations[1] });
      // Submitted 2026-11-24: the operator may respond through 2026-12-08 (14 days).
      t.clock.set('2026-12-08T23:59:00+08:00');
      await created(t, `/assessments/${onTime.id}/response`, { agrees: false, comment: '小组工作场次统计有遗漏' }, operatorOf(operator));
      t.clock.set('2026-12-09T00:00:00+08:00');
      const refusal = await refused(`/assessments/${late.id}/response`, { agrees: true }, operatorOf(operator), 422, 'RESPONSE_WINDOW_CLOSED');
      expect(refusal.details).toEqual({ responseDueOn: '2026-12-08', today: '2026-12-09' });
      // Without a response, the evaluator finalizes once the window has passed.
      await created(t, `/assessments/${late.id}/finalization`, {}, evaluator());
    });

    it('refuses finalization while the operator may still respond, and a second response', async () => {
      const { id } = await submitted();
      await refused(`/assessments/${id}/finalization`, {}, evaluator(), 422, 'RESPONSE_WINDOW_OPEN');
      await created(t, `/assessments/${id}/response`, { agrees: true }, operatorOf(operator));
      await refused(`/assessments/${id}/response`, { agrees: true }, operatorOf(operator), 422, 'ALREADY_RESPONDED');
      await created(t, `/assessments/${id}/finalization`, {}, evaluator());
    });

    it('lets only the contract’s operator respond, and only the organization that started it score', async () => {
      const { id } = await submitted();
      const other = await organization(t, 'operator', '同心社工服务中心');
      expect((await t.as(operatorOf(other)).post(`/assessments/${id}/response`).send({ agrees: true })).status).toBe(403);
      const rival = await organization(t, 'evaluator', '另一评估机构');
      expect((await t.as(evaluatorOf(rival)).post(`/assessments/${id}/withdrawal`).send({ reason: '调整' })).status).toBe(403);
    });

    it('makes revision 2 by amendment, and the scorecard shows both revisions with the latest counting', async () => {
      const { id } = await finalized();
      const reason = '复核发现服务指标完成数据含重复统计';
      // SERVICE.OUTPUT.TARGETS 4.25 → 2.25: 80.35 − 2 = 78.35, which is a pass.
      const amended = await created(t, `/assessments/${id}/amendments`, { scores: scores({ 'SERVICE.OUTPUT.TARGETS': 2.25 }), reason }, evaluator());
      // Started 0, scored 1, submitted 2, responded 3, finalized 4: the amendment is the stream's revision 5.
      expect(amended.revision).toBe(5);

      const { data: scorecard } = await read(t, `/stations/${stations[0]}/scorecard`, amended.position, procurementOf(purchaser));
      const [period] = scorecard.periods;
      expect(period.assessments).toHaveLength(1);
      expect(period.assessments[0].revisions.map((r: any) => [r.revision, r.total, r.grade, r.reason])).toEqual([
        [1, 80.35, 'good', null],
        [2, 78.35, 'pass', reason],
      ]);
      expect(period.current).toMatchObject({ assessmentId: id, revision: 2, total: 78.35, grade: 'pass' });
      expect(scorecard.latest).toMatchObject({ revision: 2, total: 78.35, grade: 'pass' });
      expect(scorecard.trend).toEqual([expect.objectContaining({ total: 78.35, grade: 'pass' })]);
      const service = period.current.dimensions.find((d: { code: string }) => d.code === 'SERVICE');
      expect(service).toMatchObject({ points: 25.75, maxPoints: 35 });

      const { data: detail } = await read(t, `/assessments/${id}`, amended.position, evaluator());
      expect(detail.revisions.map((r: any) => [r.revision, r.total, r.changedItems])).toEqual([
        [1, 80.35, []],
        [2, 78.35, ['SERVICE.OUTPUT.TARGETS']],
      ]);
      expect(detail.items['SERVICE.OUTPUT.TARGETS'].points).toBe(2.25);

      // The audit trail keeps every step, for the parties to the assessment.
      const history = await t.as(operatorOf(operator)).get(`/streams/Assessment-${id}/events`);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual([
        'AssessmentStarted',
        'AssessmentItemsScored',
        'AssessmentSubmitted',
        'AssessmentResponded',
        'AssessmentFinalized',
        'AssessmentAmended',
      ]);
      const stranger = await organization(t, 'operator', '无关机构');
      expect((await t.as(operatorOf(stranger)).get(`/streams/Assessment-${id}/events`)).status).toBe(403);
    });

    it('refuses an amendment before finalization and one without a reason', async () => {
      const { id } = await submitted();
      await refused(`/assessments/${id}/amendments`, { scores: scores({ 'FIN.BUDGET.USE': 2 }), reason: '更正' }, evaluator(), 422, 'NOT_FINALIZED');
      await created(t, `/assessments/${id}/response`, { agrees: true }, operatorOf(operator));
      await created(t, `/assessments/${id}/finalization`, {}, evaluator());
      await refused(`/assessments/${id}/amendments`, { scores: scores({ 'FIN.BUDGET.USE': 2 }), reason: ' ' }, evaluator(), 400, 'VALIDATION_FAILED');
    });
  });

  describe('rubric versions', () => {
    it('leaves every version-1 score unchanged when version 2 is published, and scores version-1 assessments by version 1 still', async () => {
      const done = await finalized();
      const draft = await start({ stationId: stations[1] });
      const before = await read(t, `/stations/${stations[0]}/scorecard`, done.position);
      const beforeDetail = await read(t, `/assessments/${done.id}`, done.position);

      // Version 2 moves a point from FIN.BUDGET.USE (3 → 2) to OPS.SITE.SPACE (2 → 3).
      const v2 = structuredClone(JINAN) as any;
      v2.version = 2;
      v2.name = `${JINAN.name}（第2版）`;
      const item = (code: string) => v2.dimensions.flatMap((d: any) => d.indicators.flatMap((i: any) => i.items)).find((i: any) => i.code === code);
      item('OPS.SITE.SPACE').maxPoints = 3;
      item('FIN.BUDGET.USE').maxPoints = 2;
      const published = await created(t, '/rubrics', v2);
      expect(published.id).toBe(`${JINAN.code}.v2`);

      const after = await read(t, `/stations/${stations[0]}/scorecard`, published.position);
      expect(after.data).toEqual(before.data);
      const afterDetail = await read(t, `/assessments/${done.id}`, published.position);
      expect(afterDetail.data.score).toEqual(beforeDetail.data.score);
      expect(afterDetail.data.score).toMatchObject({ total: 80.35, grade: 'good' });
      const v1 = await read(t, `/rubrics/${JINAN.code}/versions/1`, published.position, operatorOf(operator));
      expect(v1.data).toMatchObject({ version: 1, retired: null });
      expect(JSON.stringify(v1.data.dimensions)).toBe(JSON.stringify(JINAN.dimensions));

      // A version-1 assessment keeps version 1's maxima: 2.5 on OPS.SITE.SPACE is out of range there, though version 2 allows 3.
      await refused(`/assessments/${done.id}/amendments`, { scores: scores({ 'OPS.SITE.SPACE': 2.5 }), reason: '复核' }, evaluator(), 400, 'POINTS_OUT_OF_RANGE');
      await refused(`/assessments/${draft}/scores`, { scores: scores({ 'OPS.SITE.SPACE': 2.5 }) }, evaluator(), 400, 'POINTS_OUT_OF_RANGE');
      const onV2 = await start({ stationId: stations[2], rubricVersion: 2 });
      await created(t, `/assessments/${onV2}/scores`, { scores: scores({ 'OPS.SITE.SPACE': 2.5 }) }, evaluator());

      const { data: list } = await read(t, '/rubrics', published.position, ADMIN);
      expect(list).toEqual([expect.objectContaining({ code: JINAN.code, latestVersion: 2, versions: [expect.objectContaining({ version: 1 }), expect.objectContaining({ version: 2 })] })]);
    });

    it('refuses a version that is not the next one, and a second publication of a version', async () => {
      await refused('/rubrics', { ...JINAN, version: 3 }, ADMIN, 422, 'VERSION_NOT_NEXT');
      await refused('/rubrics', JINAN, ADMIN, 422, 'ALREADY_PUBLISHED');
    });

    it('refuses a rubric whose items do not add up to its scale', async () => {
      const broken = structuredClone(JINAN) as any;
      broken.code = 'broken-rubric';
      broken.dimensions[0].indicators[0].items[0].maxPoints = 3;
      await refused('/rubrics', broken, ADMIN, 422, 'ITEMS_DO_NOT_ADD_UP');
    });

    it('refuses to start an assessment against a retired rubric version (RUBRIC_RETIRED); a draft started before goes on', async () => {
      const draft = await start({ stationId: stations[1] });
      const retired = await created(t, `/rubrics/${JINAN.code}/versions/1/retirement`, { reason: '启用新版指标' });
      const { data } = await read(t, `/rubrics/${JINAN.code}/versions/1`, retired.position);
      expect(data.retired).toMatchObject({ reason: '启用新版指标' });
      await refused('/assessments', startBody(), evaluator(), 422, 'RUBRIC_RETIRED');
      await created(t, `/assessments/${draft}/scores`, { scores: scores(JINAN_POINTS) }, evaluator());
    });

    it("keeps a rubric version's history for the administrator", async () => {
      const history = await t.as(ADMIN).get(`/streams/Rubric-${JINAN.code}.v1/events`);
      expect(history.body.events.map((e: { type: string }) => e.type)).toEqual(['RubricPublished']);
      expect((await t.as(operatorOf(operator)).get(`/streams/Rubric-${JINAN.code}.v1/events`)).status).toBe(403);
    });

    it('answers 404 for a version never published', async () => {
      expect((await t.as(ADMIN).post(`/rubrics/${JINAN.code}/versions/9/retirement`).send({ reason: '作废' })).status).toBe(404);
      expect((await t.as(ADMIN).get(`/rubrics/${JINAN.code}/versions/9`)).status).toBe(404);
    });
  });

  describe('one open assessment per station, period and assessor kind', () => {
    it('refuses a second one for the same or an overlapping period (ASSESSMENT_ALREADY_OPEN), until the first is withdrawn', async () => {
      const first = await start();
      const refusal = await refused('/assessments', startBody(), evaluator(), 422, 'ASSESSMENT_ALREADY_OPEN');
      expect(refusal.details).toMatchObject({ assessmentId: first, assessorKind: 'third_party' });
      await refused('/assessments', startBody({ period: { kind: 'annual', from: '2026-03-01', to: '2026-12-31' } }), evaluator(), 422, 'ASSESSMENT_ALREADY_OPEN');
      // Another assessor kind, another period kind, another station: each its own.
      await start({ assessorKind: 'community' });
      await start({ period: { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' } });
      await start({ stationId: stations[1] });
      await created(t, `/assessments/${first}/withdrawal`, { reason: '评估周期调整' }, evaluator());
      await start();
    });

    it('lets exactly one of concurrent starts win', async () => {
      slow.on = true;
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => t.as(evaluator()).post('/assessments').send(startBody({ stationId: stations[2] }))),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 422, 422, 422, 422, 422]);
      expect(responses.filter((r) => r.status === 422).every((r) => r.body.code === 'ASSESSMENT_ALREADY_OPEN')).toBe(true);
      const winner = responses.find((r) => r.status === 201)!.body;
      const { data } = await read(t, '/assessments', winner.position, evaluator());
      expect(data.filter((d: { stationId: string }) => d.stationId === stations[2]).map((d: { id: string }) => d.id)).toEqual([winner.id]);
    });

    it('refuses a new assessment of a finalized period: it is amended instead (ASSESSMENT_ALREADY_FINALIZED)', async () => {
      const first = await finalized();
      expect((await refused('/assessments', startBody(), evaluator(), 422, 'ASSESSMENT_ALREADY_FINALIZED')).details.assessmentId).toBe(first.id);
    });
  });

  describe('evaluator consistency', () => {
    it("gives each organization's mean score and mean absolute deviation from the others on the same station and period", async () => {
      const first = await finalized();
      const otherOrg = await organization(t, 'evaluator', '齐鲁评估中心');
      const other = evaluatorOf(otherOrg);
      // The year's third-party assessment is finalized; the other organization surveys the community for the same year.
      const second = await finalized({ assessorKind: 'community' }, other);
      const { data: otherScore } = await read(t, `/assessments/${second.id}`, second.position, other);
      expect(otherScore.score.total).toBe(80.35);
      // The second organization amends down by 2: 80.35 against 78.35.
      const amended = await created(t, `/assessments/${second.id}/amendments`, { scores: scores({ 'SERVICE.OUTPUT.TARGETS': 2.25 }), reason: '复核' }, other);
      const { data } = await read(t, `/evaluators/${evaluatorOrg}/consistency`, amended.position, evaluator());
      expect(data).toMatchObject({ evaluatorOrgId: evaluatorOrg, finalized: 1, meanScore: 80.35, pairs: 1, meanAbsoluteDeviation: 2 });
      expect(data.comparisons[0]).toMatchObject({ assessmentId: first.id, others: [{ assessmentId: second.id, evaluatorOrgId: otherOrg, total: 78.35, difference: 2 }] });
      expect((await t.as(other).get(`/evaluators/${evaluatorOrg}/consistency`)).status).toBe(403);
      const { data: theirs } = await read(t, `/evaluators/${otherOrg}/consistency`, amended.position, procurementOf(purchaser));
      expect(theirs).toMatchObject({ finalized: 1, meanScore: 78.35, meanAbsoluteDeviation: 2 });
    });
  });
});

/**
 * Read model 5 for the sample county, against a count made from the demo's plan (not from the
 * service): its ten stations with their planned totals, and its workers and staffing walked day by day.
 */
describe('the region rollup of the demo county', () => {
  const TODAY = '2026-11-24';
  const county = demoCounty();
  const plan = demoAssessments(county);
  let t: TestApp;
  let lastPosition: string;

  beforeAll(async () => {
    t = await startTestApp();
    lastPosition = (await loadDemo(t.app, (principal) => t.authorization(principal).slice('Bearer '.length))).lastPosition;
  });

  afterAll(() => t.close());

  /** Each worker's stints at stations, from the plan's steps (until: the departure day, exclusive). */
  function stints() {
    return county.workers.flatMap((w) => {
      const result: Array<{ worker: string; stationKey: string; from: CalendarDate; until: CalendarDate | null }> = [];
      for (const step of w.steps) {
        if (step.kind === 'assign') result.push({ worker: w.key, stationKey: step.stationKey, from: step.on, until: null });
        if (step.kind === 'depart') result.find((s) => s.stationKey === step.stationKey && s.until === null)!.until = step.on;
      }
      return result;
    });
  }

  const present = (day: CalendarDate) => stints().filter((s) => s.from <= day && (s.until === null || day < s.until));

  /** Certified on the day: certified when registered, or by a certificate dated by then. */
  const certified = (workerKey: string, day: CalendarDate) => {
    const w = county.workers.find((x) => x.key === workerKey)!;
    return w.certification !== 'none' || w.steps.some((s) => s.kind === 'certify' && s.on <= day);
  };

  it('counts the stations, their grades and their mean score as planned', async () => {
    // The plan's counting totals (荷花路 amended from 78 to 80.5), graded by the Jinan bands (90 / 80 / 60).
    const finalized = plan.assessments.filter((a) => a.stage === 'finalized');
    expect(finalized.every((a) => a.period.kind === 'annual')).toBe(true);
    expect(finalized.map((a) => [a.stationKey, a.total])).toEqual([
      ['wangsheren', 92.5],
      ['baoshan', 86],
      ['guodian', 71.5],
      ['tangye', 88],
      ['ganggou', 83],
      ['huashan', 90.5],
      ['hehualu', 80.5],
      ['yaoqiang', 64.5],
      ['lingang', 81],
      ['caishi', 85.5],
    ]);
    const { data } = await read(t, '/regions/370112/rollup', lastPosition);
    expect(data).toMatchObject({
      code: '370112',
      level: 'county',
      name: '历城区',
      stations: { total: 10, open: 10, closed: 0 },
      // excellent: 王舍人, 华山; good: 鲍山, 唐冶, 港沟, 荷花路, 临港, 彩石; pass: 郭店, 遥墙.
      grades: { excellent: 2, good: 6, pass: 2, fail: 0, not_assessed: 0 },
      // (92.5 + 86 + 71.5 + 88 + 83 + 90.5 + 80.5 + 64.5 + 81 + 85.5) / 10 = 823 / 10
      meanScore: 82.3,
    });
  });

  it('counts the workers present today, the certified among them, and the stations’ staffing compliance', async () => {
    const today = present(TODAY);
    const certifiedToday = today.filter((s) => certified(s.worker, TODAY)).length;
    // Each station from the contract's first day to today: the share of days it had its 3 workers.
    const shares = county.stations.map((s) => {
      let days = 0;
      let compliant = 0;
      for (let day = county.term.start; day <= TODAY; day = addDays(day, 1)) {
        days += 1;
        if (present(day).filter((x) => x.stationKey === s.key).length >= county.requirements.minWorkersPerStation) compliant += 1;
      }
      return compliant / days;
    });
    const { data } = await read(t, '/regions/370112/rollup', lastPosition);
    // 42 workers less the three who left without joining another station (郭店 one, 遥墙 two).
    expect(today).toHaveLength(39);
    expect({ workers: data.workers, certifiedWorkers: data.certifiedWorkers }).toEqual({ workers: today.length, certifiedWorkers: certifiedToday });
    expect(data.certifiedShare).toBeCloseTo(certifiedToday / today.length, 12);
    expect(data.staffingCompliance).toBeCloseTo(shares.reduce((a, b) => a + b, 0) / shares.length, 12);
  });

  it('gives the city the same figures, its only county being the demo county, and refuses a code that is not one', async () => {
    const county = await read(t, '/regions/370112/rollup', lastPosition);
    const city = await read(t, '/regions/370100/rollup', lastPosition);
    expect(city.data).toMatchObject({ code: '370100', level: 'city', name: '济南市' });
    const { code: _, level: __, name: ___, ...figures } = county.data;
    expect(city.data).toMatchObject(figures);
    expect((await t.as(ADMIN).get('/regions/37011/rollup')).status).toBe(400);
    expect((await t.as(operatorOf('x')).get('/regions/370112/rollup')).status).toBe(403);
  });
});
