import { defaultGradeBands } from '@sws/assessment';
import { creditCodeCheckCharacter } from '@sws/stations-contracts';
import { Principal } from '../../apps/api/src/auth/principal';
import { ADMIN, procurementOf } from '../../apps/api/src/auth/testing/principals';
import { TestApp } from './test-app';

export * from '../../apps/api/src/auth/testing/principals';

let serial = 0;

/** A valid unified social credit code, different on every call. */
export function creditCode(prefix = '52'): string {
  serial += 1;
  const body = `${prefix}370112MJ${String(serial).padStart(7, '0')}`;
  return body + creditCodeCheckCharacter(body);
}

export const COUNTY = { code: '370112', province: '山东省', city: '济南市', county: '历城区' };

export function township(n: number, name = `第${n}街道`) {
  return { ...COUNTY, code: `370112${String(n).padStart(3, '0')}`, township: name };
}

/** POSTs as a principal (the administrator unless named) and expects success, returning the answer body. */
export async function created(t: TestApp, url: string, body: object, as: Principal = ADMIN, headers: Record<string, string> = {}) {
  const response = await t.as(as).post(url).set(headers).send(body);
  if (response.status !== 201) {
    throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  }
  return response.body as { id: string; revision: number; position: string };
}

export async function organization(t: TestApp, kind: 'operator' | 'evaluator' | 'purchaser', name = `${kind}机构`) {
  const prefix = kind === 'purchaser' ? '11' : '52';
  return (await created(t, '/organizations', { name, kind, creditCode: creditCode(prefix), region: COUNTY })).id;
}

export async function station(t: TestApp, n = 1) {
  return (
    await created(t, '/stations', {
      name: `第${n}街道社工站`,
      kind: 'street',
      region: township(n),
      operatingModel: 'outsourced',
      villageCount: 8,
    })
  ).id;
}

export function contractBody(parties: { purchaserOrgId: string; operatorOrgId: string; stationIds: string[] }, overrides: object = {}) {
  return {
    ...parties,
    term: { start: '2026-01-01', end: '2026-12-31' },
    budget: { totalCny: 600000, sources: [{ kind: 'fiscal', amountCny: 500000 }, { kind: 'welfare_lottery', amountCny: 100000 }] },
    ...overrides,
  };
}

export async function worker(t: TestApp, name = '张伟', certification = 'assistant', as: Principal = ADMIN) {
  return (await created(t, '/social-workers', { name, certification, socialWorkDegree: true }, as)).id;
}

/** Awards a contract as the procurement officer of its purchaser. */
export async function award(t: TestApp, body: { purchaserOrgId: string }) {
  return created(t, '/contracts', body, procurementOf(body.purchaserOrgId));
}

/** Reads a resource, as a principal (the administrator unless named), once the read models have reached `position`. */
export async function read(t: TestApp, url: string, position: string, as: Principal = ADMIN) {
  const response = await t.as(as).get(`${url}${url.includes('?') ? '&' : '?'}minPosition=${position}`);
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A rubric of three items (40, 20 and 40 points) whose points add up to the score a test wants. */
export const THREE_ITEM_RUBRIC = {
  code: 'renewal-check',
  version: 1,
  name: '续签评估（测试用）',
  scale: 100,
  gradeBands: defaultGradeBands(100),
  dimensions: [
    {
      code: 'OPS',
      name: '日常运营',
      indicators: [
        {
          code: 'OPS.MAIN',
          name: '运营',
          items: [
            { code: 'OPS.MAIN.A', name: '场所与值守', maxPoints: 40, guidance: '实地查看' },
            { code: 'OPS.MAIN.B', name: '档案管理', maxPoints: 20, guidance: '查阅档案' },
          ],
        },
      ],
    },
    { code: 'SVC', name: '服务', indicators: [{ code: 'SVC.OUT', name: '产出', items: [{ code: 'SVC.OUT.C', name: '服务成效', maxPoints: 40, guidance: '查阅台账' }] }] },
  ],
};
