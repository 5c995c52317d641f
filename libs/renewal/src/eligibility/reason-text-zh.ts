import { formatScore, formatShare } from '../shared/figures';
import { Decision, EligibilityStatus } from '../shared/kinds';
import { RectificationStatus } from '../read-models/rectification-status';
import { EligibilityReason } from './eligibility';

/** Labels for the printable dossier, which procurement reads in Chinese. */
export const ELIGIBILITY_STATUS_ZH: Readonly<Record<EligibilityStatus, string>> = {
  eligible: '符合续签条件',
  conditional: '有条件续签',
  ineligible: '不符合续签条件',
  insufficient_data: '数据不足，暂无法评判',
};

export const DECISION_ZH: Readonly<Record<Decision, string>> = {
  renew: '续签',
  renew_with_conditions: '附条件续签',
  do_not_renew: '不予续签',
};

export const RECTIFICATION_STATUS_ZH: Readonly<Record<RectificationStatus, string>> = {
  open: '整改中',
  overdue: '已逾期',
  reported: '已报告，待验收',
  completed: '整改完成',
  failed: '整改未通过',
};

const share = (value: number | null) => (value === null ? '—' : formatShare(value));
const score = (value: number | null) => (value === null ? '—' : formatScore(value));

/** A reason in Chinese, naming stations by name where `stationNames` knows them. */
export function reasonInChinese(reason: EligibilityReason, stationNames: Readonly<Record<string, string>> = {}): string {
  const station = reason.stationId === null ? '' : (stationNames[reason.stationId] ?? `社工站 ${reason.stationId}`);
  const { figure, threshold } = reason;
  switch (reason.code) {
    case 'NO_STATIONS':
      return '合同未包含任何社工站，无法评判';
    case 'ALL_STATIONS_CLOSED':
      return '合同的社工站均已关闭且无已定稿的评估，无法评判';
    case 'NO_COUNTING_ASSESSMENT':
      return `${station}尚无已定稿的第三方年度（或终期）评估`;
    case 'CONTRACT_SCORE_BELOW_PASS':
      return `合同得分 ${score(figure)} 分，低于合格线 ${score(threshold)} 分`;
    case 'CONTRACT_SCORE_BELOW_GOOD':
      return `合同得分 ${score(figure)} 分，低于良好线 ${score(threshold)} 分`;
    case 'STATION_SCORE_BELOW_PASS':
      return `${station}得分 ${score(figure)} 分，低于合格线 ${score(threshold)} 分`;
    case 'STAFFING_BELOW_THRESHOLD':
      return `人员配备达标率 ${share(figure)}，低于 ${share(threshold)}`;
    case 'SUPERVISION_BELOW_THRESHOLD':
      return `督导达标率（以社工确认的时数计）${share(figure)}，低于 ${share(threshold)}`;
    case 'TRAINING_BELOW_THRESHOLD':
      return `培训达标率 ${share(figure)}，低于 ${share(threshold)}`;
    case 'RECTIFICATION_OVERDUE':
      return `整改事项 ${reason.rectificationId} 已逾期 ${figure} 天`;
    case 'RECTIFICATION_FAILED':
      return `整改事项 ${reason.rectificationId} 验收未通过`;
    case 'EVALUATOR_CONFLICT_OF_INTEREST':
      return `${station}的评估 ${reason.assessmentId} 的评估机构已被申报与承接机构存在关联，该评估在指导中心宣告作废前仍计分，但须予关注`;
  }
}
