import { defaultGradeBands } from '@sws/assessment';
import { Principal } from '../../apps/api/src/auth/principal';
import { ADMIN, evaluatorOf, operatorOf, procurementOf, socialWorkerOf, supervisorOf } from '../../apps/api/src/auth/testing/principals';
import { award, contractBody, created, creditCode, organization, read, station, worker } from './fixtures';
import { TestApp } from './test-app';

/**
 * A small county every access and fuzz test runs against: purchaser P with operator O on
 * contract C over station S, worker W at S; and a second purchaser, operator and worker who
 * are party to none of it.
 */
export interface World {
  readonly purchaser: string;
  readonly operator: string;
  readonly evaluator: string;
  readonly otherPurchaser: string;
  readonly otherOperator: string;
  readonly station: string;
  readonly contract: string;
  readonly worker: string;
  readonly otherWorker: string;
  /** A draft third-party assessment of S by E, against WORLD_RUBRIC. */
  readonly assessment: string;
  /** The supervisor of the pool the `supervisor` person is, and their session with W at S on 2026-11-10. */
  readonly supervisor: string;
  readonly session: string;
  /** O's training under C, which W attended. */
  readonly training: string;
  /** P's renewal review of C, open. */
  readonly review: string;
  /** Everyone the tests try each endpoint as. */
  readonly people: Readonly<Record<string, Principal>>;
}


/** A rubric of three items, 100 points, that the world's assessment is scored against. */
export const WORLD_RUBRIC = {
  code: 'world-check',
  version: 1,
  name: '社工站运营检查（测试用）',
  scale: 100,
  gradeBands: defaultGradeBands(100),
  dimensions: [
    {
      code: 'OPS',
      name: '日常运营',
      indicators: [
        {
          code: 'OPS.SITE',
          name: '场所',
          items: [
            { code: 'OPS.SITE.SPACE', name: '场所分区设置', maxPoints: 40, guidance: '实地查看' },
            { code: 'OPS.SITE.SIGNS', name: '标识标牌统一', maxPoints: 20, guidance: '实地查看' },
          ],
        },
      ],
    },
    { code: 'SERVICE', name: '服务', indicators: [{ code: 'SERVICE.CASES', name: '个案', items: [{ code: 'SERVICE.CASES.FILES', name: '个案档案', maxPoints: 40, guidance: '查阅档案' }] }] },
  ],
};

/** The world's supervision session: W alone, two weeks before today. */
const WORLD_SESSION = {
  heldOn: '2026-11-10',
  startTime: '14:00',
  durationMinutes: 120,
  format: 'individual',
  functions: ['educational', 'supportive'],
  topics: ['困境儿童个案评估'],
  summary: '梳理两个困境儿童个案的评估要点与服务计划',
  followUps: ['月底前完成个案评估表'],
};
const WORLD_TRAINING = { title: '个案管理实务', kind: 'in_service', provider: '山东大学社会工作系', heldOn: '2026-11-05', hours: 6 };
const WORLD_OUTPUT = {
  casesOpened: 3,
  casesClosed: 2,
  groupSessions: 1,
  communityActivities: 2,
  beneficiaries: 160,
  professionalHours: 300,
  administrativeHours: 110,
};

export async function buildWorld(t: TestApp): Promise<World> {
  const purchaser = await organization(t, 'purchaser', '历城区民政局');
  const operator = await organization(t, 'operator', '阳光社工服务中心');
  const evaluator = await organization(t, 'evaluator', '泉城评估中心');
  const otherPurchaser = await organization(t, 'purchaser', '章丘区民政局');
  const otherOperator = await organization(t, 'operator', '同心社工服务中心');
  const stationId = await station(t, 1);
  const contract = (await award(t, contractBody({ purchaserOrgId: purchaser, operatorOrgId: operator, stationIds: [stationId] }))).id;
  const workerId = await worker(t, '王芳', 'assistant', operatorOf(operator));
  const assigned = await created(t, `/social-workers/${workerId}/assignments`, { contractId: contract, stationId, post: 'resident', from: '2026-02-01' }, operatorOf(operator));
  const otherWorker = await worker(t, '李强', 'none', operatorOf(otherOperator));
  await read(t, `/social-workers/${workerId}`, assigned.position);
  await created(t, '/rubrics', WORLD_RUBRIC);
  const assessment = (
    await created(
      t,
      '/assessments',
      { contractId: contract, stationId, period: { kind: 'annual', from: '2026-01-01', to: '2026-12-31' }, assessorKind: 'third_party', rubricCode: WORLD_RUBRIC.code, rubricVersion: 1 },
      evaluatorOf(evaluator),
    )
  ).id;
  // Supervision, training and service reports (issue 4): a supervisor of the pool serves S.
  const supervisorId = (await created(t, '/supervisors', { name: '陈晓红', tier: 'county', affiliation: 'independent' })).id;
  const supervisor = supervisorOf('0190a0a0-0000-7000-8000-00000000cafe', supervisorId);
  const session = (await created(t, '/supervision-sessions', { ...WORLD_SESSION, contractId: contract, stationId, superviseeIds: [workerId] }, supervisor)).id;
  const training = (await created(t, '/trainings', { ...WORLD_TRAINING, contractId: contract }, operatorOf(operator))).id;
  await created(t, `/trainings/${training}/attendance`, { socialWorkerIds: [workerId], hoursCredited: 6 }, operatorOf(operator));
  await created(t, '/service-reports', { ...WORLD_OUTPUT, stationId, month: '2026-10' }, operatorOf(operator));
  const review = (await created(t, '/renewal-reviews', { contractId: contract, asOf: '2026-11-20' }, procurementOf(purchaser))).id;
  const people: Record<string, Principal> = {
    admin: ADMIN,
    'procurement of P': procurementOf(purchaser),
    'procurement of P2': procurementOf(otherPurchaser),
    'operator O': operatorOf(operator),
    'operator O2': operatorOf(otherOperator),
    'evaluator E': evaluatorOf(evaluator),
    supervisor,
    'worker W': socialWorkerOf(operator, workerId),
    'worker W2': socialWorkerOf(otherOperator, otherWorker),
  };
  return { purchaser, operator, evaluator, otherPurchaser, otherOperator, station: stationId, contract, worker: workerId, otherWorker, assessment, supervisor: supervisorId, session, training, review, people };
}

export interface Endpoint {
  readonly method: 'GET' | 'POST';
  /** The path as the OpenAPI document names it. */
  readonly path: string;
  /** A concrete URL in the world. */
  readonly url: string;
  /** A body the endpoint accepts (it may still break a business rule). */
  readonly body?: object;
  /** Who may use it on this record; everyone else in `people` must get 403. Null: no token needed. */
  readonly allowed: readonly string[] | null;
}

const EVERYONE = ['admin', 'procurement of P', 'procurement of P2', 'operator O', 'operator O2', 'evaluator E', 'supervisor', 'worker W', 'worker W2'];

/** Every endpoint of the service with who may use it. The access test fails when one is missing. */
export function endpoints(w: World): Endpoint[] {
  const region = { code: '370112002', province: '山东省', city: '济南市', county: '历城区', township: '洪家楼街道' };
  return [
    { method: 'GET', path: '/health', url: '/health', allowed: null },
    // Who the token says the caller is (issue 11, the console's signed-in person).
    { method: 'GET', path: '/me', url: '/me', allowed: EVERYONE },
    { method: 'GET', path: '/organizations', url: '/organizations', allowed: EVERYONE },
    { method: 'GET', path: '/organizations/{organizationId}', url: `/organizations/${w.operator}`, allowed: EVERYONE },
    {
      method: 'POST',
      path: '/organizations',
      url: '/organizations',
      body: { name: '新机构', kind: 'operator', creditCode: creditCode('52'), region: { code: '370112', province: '山东省', city: '济南市', county: '历城区' } },
      allowed: ['admin'],
    },
    {
      method: 'POST',
      path: '/organizations/{organizationId}/affiliations',
      url: `/organizations/${w.operator}/affiliations`,
      body: { otherOrgId: w.evaluator, nature: 'shared_leadership' },
      allowed: ['admin', 'operator O'],
    },
    { method: 'GET', path: '/stations', url: '/stations', allowed: EVERYONE },
    {
      method: 'GET',
      path: '/stations/{stationId}',
      url: `/stations/${w.station}`,
      allowed: ['admin', 'evaluator E', 'supervisor', 'operator O', 'procurement of P', 'worker W'],
    },
    {
      method: 'POST',
      path: '/stations',
      url: '/stations',
      body: { name: '洪家楼街道社工站', kind: 'street', region, operatingModel: 'outsourced', villageCount: 6 },
      allowed: ['admin'],
    },
    { method: 'POST', path: '/stations/{stationId}/closure', url: `/stations/${w.station}/closure`, body: { on: '2026-11-20', reason: '区划调整' }, allowed: ['admin'] },
    { method: 'GET', path: '/contracts', url: '/contracts', allowed: ['admin', 'evaluator E', 'operator O', 'operator O2', 'procurement of P', 'procurement of P2'] },
    { method: 'GET', path: '/contracts/{contractId}', url: `/contracts/${w.contract}`, allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P'] },
    {
      method: 'POST',
      path: '/contracts',
      url: '/contracts',
      body: contractBody({ purchaserOrgId: w.purchaser, operatorOrgId: w.operator, stationIds: [w.station] }, { term: { start: '2027-01-01', end: '2027-12-31' } }),
      allowed: ['procurement of P'],
    },
    {
      method: 'POST',
      path: '/contracts/{contractId}/amendments',
      url: `/contracts/${w.contract}/amendments`,
      body: { reason: '增加督导要求', requirements: { supervisionHoursPerWorkerYear: 30 } },
      allowed: ['procurement of P'],
    },
    {
      method: 'POST',
      path: '/contracts/{contractId}/termination',
      url: `/contracts/${w.contract}/termination`,
      body: { reason: '承接机构无法履约', effectiveOn: '2026-11-01' },
      allowed: ['procurement of P'],
    },
    { method: 'GET', path: '/social-workers', url: '/social-workers', allowed: EVERYONE },
    {
      method: 'GET',
      path: '/social-workers/{socialWorkerId}',
      url: `/social-workers/${w.worker}`,
      allowed: ['admin', 'evaluator E', 'supervisor', 'operator O', 'procurement of P', 'worker W'],
    },
    {
      method: 'POST',
      path: '/social-workers',
      url: '/social-workers',
      body: { name: '赵敏', certification: 'none', socialWorkDegree: true },
      allowed: ['admin', 'operator O', 'operator O2'],
    },
    {
      method: 'POST',
      path: '/social-workers/{socialWorkerId}/certifications',
      url: `/social-workers/${w.worker}/certifications`,
      body: { level: 'intermediate', certificateNo: 'ZJ2026-0001', on: '2026-06-20' },
      allowed: ['admin', 'operator O'],
    },
    {
      method: 'POST',
      path: '/social-workers/{socialWorkerId}/assignments',
      url: `/social-workers/${w.otherWorker}/assignments`,
      body: { contractId: w.contract, stationId: w.station, post: 'resident', from: '2026-03-01' },
      allowed: ['operator O'],
    },
    {
      method: 'POST',
      path: '/social-workers/{socialWorkerId}/departures',
      url: `/social-workers/${w.worker}/departures`,
      body: { stationId: w.station, on: '2026-10-31', reason: '辞职' },
      allowed: ['operator O'],
    },
    { method: 'GET', path: '/rubrics', url: '/rubrics', allowed: EVERYONE },
    { method: 'GET', path: '/rubrics/{code}/versions/{version}', url: `/rubrics/${WORLD_RUBRIC.code}/versions/1`, allowed: EVERYONE },
    { method: 'POST', path: '/rubrics', url: '/rubrics', body: { ...WORLD_RUBRIC, code: 'world-sample' }, allowed: ['admin'] },
    {
      method: 'POST',
      path: '/rubrics/{code}/versions/{version}/retirement',
      url: '/rubrics/world-sample/versions/1/retirement',
      body: { reason: '第2版启用后不再用于新的评估' },
      allowed: ['admin'],
    },
    {
      method: 'GET',
      path: '/assessments',
      url: '/assessments',
      allowed: ['admin', 'evaluator E', 'operator O', 'operator O2', 'procurement of P', 'procurement of P2'],
    },
    { method: 'GET', path: '/assessments/{assessmentId}', url: `/assessments/${w.assessment}`, allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P'] },
    {
      method: 'POST',
      path: '/assessments',
      url: '/assessments',
      body: {
        contractId: w.contract,
        stationId: w.station,
        period: { kind: 'midterm', from: '2026-01-01', to: '2026-06-30' },
        assessorKind: 'third_party',
        rubricCode: WORLD_RUBRIC.code,
        rubricVersion: 1,
      },
      allowed: ['evaluator E'],
    },
    {
      method: 'POST',
      path: '/assessments/{assessmentId}/scores',
      url: `/assessments/${w.assessment}/scores`,
      body: {
        scores: [
          { itemCode: 'OPS.SITE.SPACE', points: 36.5, evidence: '个案室、活动室分设' },
          { itemCode: 'OPS.SITE.SIGNS', points: 18, evidence: '标识统一' },
          { itemCode: 'SERVICE.CASES.FILES', points: 31, evidence: '抽查五份档案，一份缺评估记录' },
        ],
      },
      allowed: ['evaluator E'],
    },
    {
      method: 'POST',
      path: '/assessments/{assessmentId}/submission',
      url: `/assessments/${w.assessment}/submission`,
      body: { findings: '场所规范，档案基本完整', recommendations: '完善个案评估记录', wouldRecommend: true },
      allowed: ['evaluator E'],
    },
    {
      method: 'POST',
      path: '/assessments/{assessmentId}/response',
      url: `/assessments/${w.assessment}/response`,
      body: { agrees: false, comment: '缺失的评估记录已补档' },
      allowed: ['operator O'],
    },
    { method: 'POST', path: '/assessments/{assessmentId}/finalization', url: `/assessments/${w.assessment}/finalization`, body: {}, allowed: ['evaluator E'] },
    {
      method: 'POST',
      path: '/assessments/{assessmentId}/amendments',
      url: `/assessments/${w.assessment}/amendments`,
      body: { scores: [{ itemCode: 'SERVICE.CASES.FILES', points: 34, evidence: '补档记录经核实' }], reason: '复核运营方补充材料' },
      allowed: ['evaluator E'],
    },
    {
      method: 'POST',
      path: '/assessments/{assessmentId}/withdrawal',
      url: `/assessments/${w.assessment}/withdrawal`,
      body: { reason: '评估周期调整' },
      allowed: ['evaluator E'],
    },
    {
      method: 'POST',
      path: '/assessments/{assessmentId}/annulment',
      url: `/assessments/${w.assessment}/annulment`,
      body: { reason: '评估机构与承接机构存在关联，评估结果作废' },
      allowed: ['admin'],
    },
    {
      method: 'GET',
      path: '/stations/{stationId}/scorecard',
      url: `/stations/${w.station}/scorecard`,
      allowed: ['admin', 'evaluator E', 'supervisor', 'operator O', 'procurement of P', 'worker W'],
    },
    { method: 'GET', path: '/regions/{code}/rollup', url: '/regions/370112/rollup', allowed: ['admin', 'evaluator E', 'procurement of P', 'procurement of P2'] },
    {
      method: 'GET',
      path: '/evaluators/{orgId}/consistency',
      url: `/evaluators/${w.evaluator}/consistency`,
      allowed: ['admin', 'evaluator E', 'procurement of P', 'procurement of P2'],
    },
    { method: 'GET', path: '/supervisors', url: '/supervisors', allowed: EVERYONE },
    { method: 'GET', path: '/supervisors/{supervisorId}', url: `/supervisors/${w.supervisor}`, allowed: EVERYONE },
    { method: 'POST', path: '/supervisors', url: '/supervisors', body: { name: '周建国', tier: 'city', affiliation: 'independent' }, allowed: ['admin'] },
    {
      method: 'GET',
      path: '/supervisors/{supervisorId}/workload',
      url: `/supervisors/${w.supervisor}/workload?month=2026-11`,
      allowed: ['admin', 'supervisor', 'operator O', 'procurement of P'],
    },
    {
      method: 'POST',
      path: '/supervision-sessions',
      url: '/supervision-sessions',
      body: { ...WORLD_SESSION, contractId: w.contract, stationId: w.station, superviseeIds: [w.worker], heldOn: '2026-11-12', startTime: '09:00', durationMinutes: 90 },
      allowed: ['supervisor'],
    },
    {
      method: 'POST',
      path: '/supervision-sessions/{sessionId}/attestations',
      url: `/supervision-sessions/${w.session}/attestations`,
      body: { heldOn: WORLD_SESSION.heldOn, startTime: WORLD_SESSION.startTime, durationMinutes: WORLD_SESSION.durationMinutes },
      allowed: ['worker W'],
    },
    {
      method: 'POST',
      path: '/supervision-sessions/{sessionId}/corrections',
      url: `/supervision-sessions/${w.session}/corrections`,
      body: { reason: '实际时长为100分钟', changes: { durationMinutes: 100, topics: ['困境儿童个案评估', '服务计划'] } },
      allowed: ['supervisor'],
    },
    {
      method: 'POST',
      path: '/supervision-sessions/{sessionId}/voiding',
      url: `/supervision-sessions/${w.session}/voiding`,
      body: { reason: '重复登记' },
      allowed: ['supervisor'],
    },
    {
      method: 'GET',
      path: '/supervision-sessions/{sessionId}',
      url: `/supervision-sessions/${w.session}`,
      allowed: ['admin', 'evaluator E', 'supervisor', 'operator O', 'procurement of P', 'worker W'],
    },
    { method: 'POST', path: '/trainings', url: '/trainings', body: { ...WORLD_TRAINING, contractId: w.contract, heldOn: '2026-11-20', hours: 3.5 }, allowed: ['admin', 'operator O'] },
    {
      method: 'POST',
      path: '/trainings/{trainingId}/attendance',
      url: `/trainings/${w.training}/attendance`,
      body: { socialWorkerIds: [w.otherWorker], hoursCredited: 3 },
      allowed: ['operator O'],
    },
    {
      method: 'POST',
      path: '/trainings/{trainingId}/effectiveness',
      url: `/trainings/${w.training}/effectiveness`,
      body: { socialWorkerId: w.worker, score: 86, method: '培训前后测对比' },
      allowed: ['operator O'],
    },
    {
      method: 'GET',
      path: '/trainings/{trainingId}',
      url: `/trainings/${w.training}`,
      allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P', 'worker W'],
    },
    { method: 'POST', path: '/service-reports', url: '/service-reports', body: { ...WORLD_OUTPUT, stationId: w.station, month: '2026-09' }, allowed: ['operator O'] },
    {
      method: 'POST',
      path: '/service-reports/satisfaction-surveys',
      url: '/service-reports/satisfaction-surveys',
      body: { stationId: w.station, month: '2026-10', respondents: 30, satisfied: 27 },
      allowed: ['operator O'],
    },
    {
      method: 'GET',
      path: '/service-reports',
      url: `/service-reports?stationId=${w.station}&month=2026-10`,
      allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P'],
    },
    {
      method: 'GET',
      path: '/social-workers/{socialWorkerId}/ledger',
      url: `/social-workers/${w.worker}/ledger?year=2026`,
      allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P', 'worker W'],
    },
    { method: 'GET', path: '/contracts/{contractId}/performance', url: `/contracts/${w.contract}/performance`, allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P'] },
    {
      method: 'GET',
      path: '/streams/{stream}/events',
      url: `/streams/Contract-${w.contract}/events`,
      allowed: ['admin', 'operator O', 'procurement of P'],
    },
    // Renewal (issue 6).
    { method: 'GET', path: '/renewal-policies', url: '/renewal-policies', allowed: EVERYONE },
    {
      method: 'POST',
      path: '/renewal-policies',
      url: '/renewal-policies',
      body: { version: 2, effectiveFrom: '2027-01-01', thresholds: { eligibleFrom: 85 } },
      allowed: ['admin'],
    },
    { method: 'POST', path: '/renewal-reviews', url: '/renewal-reviews', body: { contractId: w.contract, asOf: '2026-11-20' }, allowed: ['procurement of P'] },
    { method: 'GET', path: '/renewal-reviews/{reviewId}', url: `/renewal-reviews/${w.review}`, allowed: ['admin', 'procurement of P', 'operator O'] },
    {
      method: 'POST',
      path: '/renewal-reviews/{reviewId}/decision',
      url: `/renewal-reviews/${w.review}/decision`,
      body: { decision: 'do_not_renew', justification: '年度评估尚未完成，暂不续签' },
      allowed: ['procurement of P'],
    },
    {
      method: 'POST',
      path: '/renewal-reviews/{reviewId}/rectification-reports',
      url: `/renewal-reviews/${w.review}/rectification-reports`,
      body: { evidence: '已补充驻站社工' },
      allowed: ['operator O'],
    },
    {
      method: 'POST',
      path: '/renewal-reviews/{reviewId}/rectification-closure',
      url: `/renewal-reviews/${w.review}/rectification-closure`,
      body: { outcome: 'completed' },
      allowed: ['procurement of P'],
    },
    {
      method: 'GET',
      path: '/contracts/{contractId}/renewal-eligibility',
      url: `/contracts/${w.contract}/renewal-eligibility`,
      allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P'],
    },
    {
      method: 'GET',
      path: '/contracts/{contractId}/renewal-reviews',
      url: `/contracts/${w.contract}/renewal-reviews`,
      allowed: ['admin', 'procurement of P', 'operator O'],
    },
    {
      method: 'GET',
      path: '/contracts/{contractId}/renewal-dossier',
      url: `/contracts/${w.contract}/renewal-dossier`,
      allowed: ['admin', 'evaluator E', 'operator O', 'procurement of P'],
    },
  ];
}
