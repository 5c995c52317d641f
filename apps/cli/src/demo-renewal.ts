import { Principal } from '../../api/src/auth/principal';

/**
 * The renewal round the demo plays out in late November, before the contracts end: the guidance
 * centre publishes next year's policy (multi-party scores), procurement reviews both contracts
 * as of today, decides the first as its eligibility suggests (renewing it, or renewing it with
 * conditions, into a 2027 successor) and leaves the second review open for a newcomer to decide.
 */

export interface RenewalIds {
  readonly admin: Principal;
  readonly procurement: Principal;
  /** The contracts in the order of the plan, with their budgets. */
  readonly contracts: ReadonlyArray<{ readonly key: string; readonly id: string; readonly budget: { totalCny: number; sources: readonly object[] } }>;
}

export interface RenewalRequests {
  get(url: string, as: Principal): Promise<any>;
  post(url: string, key: string, payload: object, as: Principal): Promise<{ id: string; position: string }>;
  /** Like post, but a refusal with one of `codes` (a later run finding its work done) answers null. */
  postUnlessRefused(url: string, key: string, payload: object, as: Principal, codes: readonly string[]): Promise<{ id: string; position: string } | null>;
}

export interface DemoRenewalCounts {
  readonly policies: number;
  readonly reviews: number;
  /** The decision taken on the first contract, or null when an earlier run took it. */
  readonly decision: string | null;
}

/** Policy version 2: from 2027 the purchaser's own annual assessment weighs a fifth of a station's score. */
export const POLICY_2027 = { version: 2, effectiveFrom: '2027-01-01', assessorWeights: { third_party: 0.8, purchaser: 0.2 } };

const DECISION_FOR: Record<string, string> = {
  eligible: 'renew',
  conditional: 'renew_with_conditions',
  ineligible: 'do_not_renew',
  insufficient_data: 'do_not_renew',
};

export async function loadDemoRenewal(ids: RenewalIds, requests: RenewalRequests): Promise<DemoRenewalCounts> {
  await requests.post('/renewal-policies', 'renewal-policy:v2', POLICY_2027, ids.admin);
  let reviews = 0;
  let decision: string | null = null;
  for (const [index, contract] of ids.contracts.entries()) {
    // Today as the service sees it: the review judges the contract as of that date.
    const today = (await requests.get(`/contracts/${contract.id}/renewal-eligibility`, ids.procurement)).data;
    const opened = await requests.postUnlessRefused(
      '/renewal-reviews',
      `renewal-review:${contract.key}:${today.asOf}`,
      { contractId: contract.id, asOf: today.asOf },
      ids.procurement,
      ['REVIEW_ALREADY_OPEN', 'ALREADY_RENEWED'],
    );
    if (opened === null) continue;
    reviews += 1;
    if (index > 0) continue;
    const judged = (await requests.get(`/contracts/${contract.id}/renewal-eligibility?asOf=${today.asOf}&minPosition=${opened.position}`, ids.procurement)).data;
    const chosen = DECISION_FOR[judged.status];
    const successor = { term: { start: '2027-01-01', end: '2027-12-31' }, budget: contract.budget };
    const reasons = (judged.reasons as Array<{ messageZh: string }>).map((r) => `针对“${r.messageZh}”完成整改`);
    const body = {
      decision: chosen,
      justification:
        chosen === 'renew'
          ? '年度第三方评估良好，人员配备、督导与培训均达标，同意续签一年。'
          : chosen === 'renew_with_conditions'
            ? '总体运营正常，但存在未达标事项，同意附条件续签，限期整改。'
            : '评估结果或数据不足以支持续签，本年度不予续签，重新组织采购。',
      ...(chosen === 'do_not_renew' ? {} : { successor }),
      ...(chosen === 'renew_with_conditions' ? { conditions: { items: reasons.slice(0, 5), deadline: '2027-03-31' } } : {}),
    };
    await requests.post(`/renewal-reviews/${opened.id}/decision`, `renewal-decision:${contract.key}:${today.asOf}`, body, ids.procurement);
    decision = chosen;
  }
  return { policies: 1, reviews, decision };
}
