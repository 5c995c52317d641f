import { Principal } from '../../apps/api/src/auth/principal';
import { WORLD_RUBRIC } from './endpoints';
import { ADMIN, award, contractBody, created, evaluatorOf, operatorOf, organization, socialWorkerOf, station, supervisorOf, worker } from './fixtures';
import { TestApp } from './test-app';

/** The parties and records of `eligibleContract`. */
export interface EligibleContract {
  readonly purchaser: string;
  readonly operator: string;
  readonly evaluator: string;
  readonly stations: string[];
  readonly contract: string;
  readonly workers: string[];
}

export const at = (t: TestApp, moment: string) => t.clock.set(`${moment}+08:00`);

export const ANNUAL_2026 = { kind: 'annual', from: '2026-01-01', to: '2026-12-31' } as const;

/**
 * A 2026 contract that meets every requirement but the assessments, set up with as few
 * requests as it takes: two workers per station from 1 January, three attested eight-hour
 * group sessions each (24 hours) and a 40-hour course. Judged from 2027 on, it is eligible once
 * each station has a counting assessment of 80 or more. The clock is left at 2026-12-20 09:00.
 */
export async function eligibleContract(t: TestApp, stationCount = 1): Promise<EligibleContract> {
  at(t, '2026-12-20T09:00:00');
  const purchaser = await organization(t, 'purchaser', '历城区民政局');
  const operator = await organization(t, 'operator', '阳光社工服务中心');
  const evaluator = await organization(t, 'evaluator', '泉城第三方评估中心');
  const stations: string[] = [];
  for (let n = 1; n <= stationCount; n++) stations.push(await station(t, n));
  const contract = (await award(t, contractBody({ purchaserOrgId: purchaser, operatorOrgId: operator, stationIds: stations }))).id;
  const asOperator = operatorOf(operator);
  const supervisorId = (await created(t, '/supervisors', { name: '陈晓红', tier: 'county', affiliation: 'independent' })).id;
  const supervisor = supervisorOf('0190a0a0-0000-7000-8000-00000000beef', supervisorId);
  const workers: string[] = [];
  for (const [n, stationId] of stations.entries()) {
    const pair: string[] = [];
    for (const name of [`社工${n}甲`, `社工${n}乙`]) {
      const id = await worker(t, name, 'assistant', asOperator);
      await created(t, `/social-workers/${id}/assignments`, { contractId: contract, stationId, post: 'resident', from: '2026-01-01' }, asOperator);
      pair.push(id);
    }
    // One supervisor for every station: each station's sessions on days of its own.
    for (const heldOn of ['03', '07', '11'].map((month) => `2026-${month}-${String(10 + n).padStart(2, '0')}`)) {
      const time = { heldOn, startTime: '08:00', durationMinutes: 480 };
      const body = { ...time, contractId: contract, stationId, superviseeIds: pair, format: 'group', functions: ['educational'], topics: ['个案研讨'], summary: '季度督导', followUps: [] };
      const session = await created(t, '/supervision-sessions', body, supervisor);
      for (const id of pair) await created(t, `/supervision-sessions/${session.id}/attestations`, time, socialWorkerOf(operator, id));
    }
    workers.push(...pair);
  }
  const training = await created(t, '/trainings', { title: '岗前培训', kind: 'pre_service', provider: '山东大学社会工作系', heldOn: '2026-03-02', hours: 40, contractId: contract }, asOperator);
  await created(t, `/trainings/${training.id}/attendance`, { socialWorkerIds: workers, hoursCredited: 40 }, asOperator);
  await created(t, '/rubrics', WORLD_RUBRIC);
  return { purchaser, operator, evaluator, stations, contract, workers };
}

/** Points for the world rubric's three items (40, 20, 40 points) that make each total the tests use. */
const POINTS: Readonly<Record<number, readonly [number, number, number]>> = { 90: [36, 18, 36], 85: [35, 15, 35], 72: [30, 12, 30] };

export const worldScores = (total: number) =>
  ['OPS.SITE.SPACE', 'OPS.SITE.SIGNS', 'SERVICE.CASES.FILES'].map((itemCode, i) => ({ itemCode, points: POINTS[total][i], evidence: '现场核查与台账抽查' }));

export interface AssessmentOptions {
  readonly stationId?: string;
  readonly period?: { readonly kind: string; readonly from: string; readonly to: string };
  readonly assessorKind?: string;
  readonly total?: number;
  /** Who assesses: the contract's evaluator organization unless named. */
  readonly as?: Principal;
}

export const startBody = (c: EligibleContract, o: AssessmentOptions = {}) => ({
  contractId: c.contract,
  stationId: o.stationId ?? c.stations[0],
  period: o.period ?? ANNUAL_2026,
  assessorKind: o.assessorKind ?? 'third_party',
  rubricCode: WORLD_RUBRIC.code,
  rubricVersion: 1,
});

/** Started and scored with every item, as a draft: the id. */
export async function scoredAssessment(t: TestApp, c: EligibleContract, o: AssessmentOptions = {}): Promise<string> {
  const as = o.as ?? evaluatorOf(c.evaluator);
  const id = (await created(t, '/assessments', startBody(c, o), as)).id;
  await created(t, `/assessments/${id}/scores`, { scores: worldScores(o.total ?? 85) }, as);
  return id;
}

/** Scored, submitted and accepted by the operator: ready to finalize. */
export async function respondedAssessment(t: TestApp, c: EligibleContract, o: AssessmentOptions = {}): Promise<string> {
  const id = await scoredAssessment(t, c, o);
  await created(t, `/assessments/${id}/submission`, { findings: '运营规范', recommendations: '加强社区服务', wouldRecommend: true }, o.as ?? evaluatorOf(c.evaluator));
  await created(t, `/assessments/${id}/response`, { comment: '无异议', agrees: true }, operatorOf(c.operator));
  return id;
}

/** Finalized now, at the clock's moment: the id and the finalization's answer. */
export async function finalizedAssessment(t: TestApp, c: EligibleContract, o: AssessmentOptions = {}) {
  const id = await respondedAssessment(t, c, o);
  const write = await created(t, `/assessments/${id}/finalization`, {}, o.as ?? evaluatorOf(c.evaluator));
  return { ...write, id };
}

/** Expects the status and code, and that nothing was appended: the refusal's body. */
export async function refused(t: TestApp, url: string, body: object, as: Principal, status: number, code: string) {
  const head = async () => (await t.http().get('/health')).body.head as string | null;
  const before = await head();
  const response = await t.as(as).post(url).send(body);
  expect({ status: response.status, code: response.body.code }).toEqual({ status, code });
  expect(await head()).toBe(before);
  return response.body;
}

/**
 * A GET as a principal (the administrator unless named), once the read models reflect every
 * write so far, that must answer 200: its `data`, or the body when there is none.
 */
export async function got(t: TestApp, url: string, as: Principal = ADMIN) {
  const head = (await t.http().get('/health')).body.head as string | null;
  const response = await t.as(as).get(head === null ? url : `${url}${url.includes('?') ? '&' : '?'}minPosition=${head}`);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body.data ?? response.body;
}
