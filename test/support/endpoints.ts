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
  /** Everyone the tests try each endpoint as. */
  readonly people: Readonly<Record<string, Principal>>;
}

const SUPERVISOR_ID = '0190a0a0-0000-7000-8000-00000000beef';

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
  const people: Record<string, Principal> = {
    admin: ADMIN,
    'procurement of P': procurementOf(purchaser),
    'procurement of P2': procurementOf(otherPurchaser),
    'operator O': operatorOf(operator),
    'operator O2': operatorOf(otherOperator),
    'evaluator E': evaluatorOf(evaluator),
    supervisor: supervisorOf('0190a0a0-0000-7000-8000-00000000cafe', SUPERVISOR_ID),
    'worker W': socialWorkerOf(operator, workerId),
    'worker W2': socialWorkerOf(otherOperator, otherWorker),
  };
  return { purchaser, operator, evaluator, otherPurchaser, otherOperator, station: stationId, contract, worker: workerId, otherWorker, people };
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
    {
      method: 'GET',
      path: '/streams/{stream}/events',
      url: `/streams/Contract-${w.contract}/events`,
      allowed: ['admin', 'operator O', 'procurement of P'],
    },
  ];
}
