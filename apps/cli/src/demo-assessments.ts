import { itemsOf, JINAN_STATION_OPERATIONS_RUBRIC, PublishRubric, SHIPPED_RUBRICS } from '@sws/assessment';
import { Principal } from '../../api/src/auth/principal';
import { DemoCounty } from './demo-county';

/**
 * The sample county's 2026 annual third-party assessments: the county's evaluation organization
 * assesses each of the ten stations against the Jinan-style rubric; each is scored, submitted,
 * answered by the operator and finalized, and one is amended after the operator's objection.
 * One October monthly assessment is left submitted, awaiting the operator's response. The totals
 * spread over the grades; the item points are derived from them, so the plan is the same on every call.
 */

export const DEMO_PERIOD = { kind: 'annual', from: '2026-01-01', to: '2026-12-31' } as const;
const OCTOBER = { kind: 'monthly', from: '2026-10-01', to: '2026-10-31' } as const;

export interface PlannedItemScore {
  readonly itemCode: string;
  readonly points: number;
  readonly evidence: string;
}

export interface PlannedAssessment {
  readonly key: string;
  readonly stationKey: string;
  readonly contractKey: string;
  readonly period: { readonly kind: 'annual' | 'monthly'; readonly from: string; readonly to: string };
  /** How far the demo takes it: through finalization, or only to submission. */
  readonly stage: 'finalized' | 'submitted';
  /** What the item points add up to at submission. */
  readonly submittedTotal: number;
  readonly scores: readonly PlannedItemScore[];
  readonly findings: string;
  readonly recommendations: string;
  readonly wouldRecommend: boolean;
  /** The operator's response; null while it has not come. */
  readonly response: { readonly agrees: boolean; readonly comment: string } | null;
  /** An amendment after finalization, with the total it makes (revision 2). */
  readonly amendment: { readonly scores: readonly PlannedItemScore[]; readonly reason: string; readonly total: number } | null;
  /** The total that counts once finalized: the amended one if amended. */
  readonly total: number;
}

export interface DemoAssessments {
  readonly rubrics: readonly PublishRubric['data'][];
  readonly evaluatorKey: string;
  readonly rubric: { readonly code: string; readonly version: number };
  readonly assessments: readonly PlannedAssessment[];
}

/** Submitted totals per station, out of 100; 荷花路 is amended from 78 to 80.5 after the operator objects. */
const TOTALS: Readonly<Record<string, number>> = {
  wangsheren: 92.5,
  baoshan: 86,
  guodian: 71.5,
  tangye: 88,
  ganggou: 83,
  huashan: 90.5,
  hehualu: 78,
  yaoqiang: 64.5,
  lingang: 81,
  caishi: 85.5,
};
const AMENDED = { stationKey: 'hehualu', restore: 2.5 } as const;

const FULL_MARKS_EVIDENCE = '查阅台账、现场查看并访谈驻站社工，符合评分要求';

/**
 * Points on the rubric adding up to `total`: half a point off item after item, visiting the items
 * in a station's own order (a stride through the list), round after round until the deductions add up.
 */
function pointsTotalling(total: number, offset: number): PlannedItemScore[] {
  const items = itemsOf(JINAN_STATION_OPERATIONS_RUBRIC);
  const hundredths = new Map(items.map((item) => [item.code, Math.round(item.maxPoints * 100)]));
  let remaining = Math.round((JINAN_STATION_OPERATIONS_RUBRIC.scale - total) * 100);
  const order = items.map((_, i) => items[(offset + i * 11) % items.length]);
  while (remaining > 0) {
    for (const item of order) {
      const off = Math.min(50, remaining, hundredths.get(item.code)!);
      hundredths.set(item.code, hundredths.get(item.code)! - off);
      remaining -= off;
      if (remaining === 0) break;
    }
  }
  return items.map((item) => {
    const points = hundredths.get(item.code)! / 100;
    const off = item.maxPoints - points;
    const evidence = off === 0 ? FULL_MARKS_EVIDENCE : `查阅台账、现场查看并访谈驻站社工：部分未达要求，扣${Number(off.toFixed(2))}分`;
    return { itemCode: item.code, points, evidence };
  });
}

/** Gives back `amount` points of what was deducted, from the social evaluation and service items first. */
function restored(scores: readonly PlannedItemScore[], amount: number): PlannedItemScore[] {
  const maxima = new Map(itemsOf(JINAN_STATION_OPERATIONS_RUBRIC).map((item) => [item.code, item.maxPoints]));
  const first = (s: PlannedItemScore) => (s.itemCode.startsWith('SOCIAL.') ? 0 : s.itemCode.startsWith('SERVICE.') ? 1 : 2);
  let remaining = Math.round(amount * 100);
  const changes: PlannedItemScore[] = [];
  for (const score of [...scores].sort((a, b) => first(a) - first(b))) {
    const back = Math.min(remaining, Math.round((maxima.get(score.itemCode)! - score.points) * 100));
    if (back <= 0) continue;
    remaining -= back;
    changes.push({ itemCode: score.itemCode, points: (Math.round(score.points * 100) + back) / 100, evidence: '复核补充提交的服务对象回访与满意度调查记录，予以认定' });
    if (remaining === 0) break;
  }
  return changes;
}

function narrative(total: number): Pick<PlannedAssessment, 'findings' | 'recommendations' | 'wouldRecommend'> {
  if (total >= 90) {
    return { findings: '制度健全、台账规范，个案与小组服务成效明显，服务对象满意度高。', recommendations: '总结提炼服务经验，发挥示范带动作用。', wouldRecommend: true };
  }
  if (total >= 80) {
    return { findings: '运营规范，核心服务按计划开展；专业服务深度与资源链接仍有提升空间。', recommendations: '加强个案管理与督导，拓展社区资源。', wouldRecommend: true };
  }
  return {
    findings: '驻站人员变动频繁，部分月份未达配备要求；小组与社区活动场次不足，档案不完整。',
    recommendations: '稳定驻站团队，补齐服务台账，按合同完成服务指标。',
    wouldRecommend: false,
  };
}

/** The sample county's assessments. Pure: the same plan on every call. */
export function demoAssessments(county: DemoCounty): DemoAssessments {
  const evaluator = county.organizations.find((o) => o.kind === 'evaluator')!;
  const contractOf = (stationKey: string) => county.contracts.find((c) => c.stationKeys.includes(stationKey))!.key;
  const annual = county.stations.map((station, index): PlannedAssessment => {
    const submittedTotal = TOTALS[station.key];
    const scores = pointsTotalling(submittedTotal, index * 3);
    const amended = station.key === AMENDED.stationKey;
    return {
      key: `${station.key}-2026-annual`,
      stationKey: station.key,
      contractKey: contractOf(station.key),
      period: DEMO_PERIOD,
      stage: 'finalized',
      submittedTotal,
      scores,
      ...narrative(submittedTotal),
      response: amended
        ? { agrees: false, comment: '第四季度服务对象回访及满意度调查记录未被计入，已补充提交，请予复核。' }
        : { agrees: true, comment: '对评估结果无异议。' },
      amendment: amended
        ? { scores: restored(scores, AMENDED.restore), reason: '复核承接机构补充提交的回访与满意度调查记录，更正社会评价与服务成效计分', total: submittedTotal + AMENDED.restore }
        : null,
      total: amended ? submittedTotal + AMENDED.restore : submittedTotal,
    };
  });
  // 遥墙 lost two residents in late summer: October's monthly check, submitted and not yet answered.
  const october: PlannedAssessment = {
    key: 'yaoqiang-2026-10-monthly',
    stationKey: 'yaoqiang',
    contractKey: contractOf('yaoqiang'),
    period: OCTOBER,
    stage: 'submitted',
    submittedTotal: 66,
    scores: pointsTotalling(66, 5),
    ...narrative(66),
    response: null,
    amendment: null,
    total: 66,
  };
  const assessments = [...annual, october];
  return {
    rubrics: SHIPPED_RUBRICS,
    evaluatorKey: evaluator.key,
    rubric: { code: JINAN_STATION_OPERATIONS_RUBRIC.code, version: JINAN_STATION_OPERATIONS_RUBRIC.version },
    assessments,
  };
}

/** The writes the demo loader makes, each with its stable key, as the person whose work it is. */
export type DemoPost = (url: string, key: string, payload: object, as: Principal) => Promise<{ readonly id: string }>;

export interface DemoRecords {
  readonly admin: Principal;
  readonly organizationIds: ReadonlyMap<string, string>;
  readonly stationIds: ReadonlyMap<string, string>;
  readonly contractIds: ReadonlyMap<string, string>;
  /** The operator's staff of each contract, who answers its assessments. */
  readonly operatorOfContract: ReadonlyMap<string, Principal>;
}

/** Publishes the shipped rubrics as the administrator and carries each planned assessment through to finalization. */
export async function loadDemoAssessments(
  plan: DemoAssessments,
  records: DemoRecords,
  post: DemoPost,
): Promise<{ readonly rubrics: number; readonly assessments: number; readonly awaitingResponse: number; readonly amendments: number }> {
  for (const rubric of plan.rubrics) await post('/rubrics', `rubric:${rubric.code}.v${rubric.version}`, rubric, records.admin);
  const evaluatorOrgId = records.organizationIds.get(plan.evaluatorKey)!;
  const evaluator: Principal = { userId: `demo-evaluator@${evaluatorOrgId}`, role: 'evaluator', orgId: evaluatorOrgId };
  let amendments = 0;
  for (const a of plan.assessments) {
    const key = `assessment:${a.key}`;
    const { id } = await post(
      '/assessments',
      `${key}:start`,
      {
        contractId: records.contractIds.get(a.contractKey),
        stationId: records.stationIds.get(a.stationKey),
        period: a.period,
        assessorKind: 'third_party',
        rubricCode: plan.rubric.code,
        rubricVersion: plan.rubric.version,
      },
      evaluator,
    );
    await post(`/assessments/${id}/scores`, `${key}:scores`, { scores: a.scores }, evaluator);
    const { findings, recommendations, wouldRecommend } = a;
    await post(`/assessments/${id}/submission`, `${key}:submission`, { findings, recommendations, wouldRecommend }, evaluator);
    if (a.stage === 'submitted' || a.response === null) continue;
    await post(`/assessments/${id}/response`, `${key}:response`, a.response, records.operatorOfContract.get(a.contractKey)!);
    await post(`/assessments/${id}/finalization`, `${key}:finalization`, {}, evaluator);
    if (a.amendment) {
      await post(`/assessments/${id}/amendments`, `${key}:amendment:1`, { scores: a.amendment.scores, reason: a.amendment.reason }, evaluator);
      amendments += 1;
    }
  }
  const finalized = plan.assessments.filter((a) => a.stage === 'finalized').length;
  return { rubrics: plan.rubrics.length, assessments: finalized, awaitingResponse: plan.assessments.length - finalized, amendments };
}
