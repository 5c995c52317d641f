import { CalendarDate, daysBetween } from '@sws/kernel';
import { RenewalPolicy } from '../policy/renewal-policy';
import { rectificationStatus } from '../read-models/rectification-status';
import { exactShare, formatScore, formatShare, reaches, shownShare, toBasisPoints, toHundredths, uniqueIds } from '../shared/figures';
import { EligibilityStatus } from '../shared/kinds';
import { conflictReasons } from './conflict-reasons';
import { ContractScore, contractScore } from './contract-score';
import { ComplianceFigure, EligibilityInputs, EligibilityJudgement, EligibilityReason, RectificationJudgement } from './eligibility';
import { stationScore } from './station-score';

type Reason = Omit<EligibilityReason, 'stationId' | 'rectificationId'> & Partial<Pick<EligibilityReason, 'stationId' | 'rectificationId'>>;

const reason = (r: Reason): EligibilityReason => ({ ...r, stationId: r.stationId ?? null, rectificationId: r.rectificationId ?? null });

/** A share judged exactly: `counted / of` against the threshold, shown so that it never contradicts the judgement. */
function compliance(counted: number, of: number, threshold: number, sourceEventIds: readonly string[]): ComplianceFigure {
  if (of <= 0) return { share: null, threshold, met: null, counted, of, sourceEventIds };
  const value = exactShare(counted, of);
  return { share: shownShare(value, threshold), threshold, met: reaches(value, toBasisPoints(threshold)), counted, of, sourceEventIds };
}

function scoreReasons(score: ContractScore, policy: RenewalPolicy, asOf: CalendarDate) {
  const { ineligibleBelow, eligibleFrom, stationFailBelow } = policy.thresholds;
  const reasons: EligibilityReason[] = [];
  if (score.stations.length === 0) {
    reasons.push(reason({ code: 'NO_STATIONS', effect: 'insufficient_data', message: 'the contract names no station to judge', figure: 0, threshold: 1, sourceEventIds: [] }));
  } else if (score.counted.length === 0) {
    const message = 'every station of the contract closed without a counting assessment: there is nothing to judge';
    const sourceEventIds = score.closedStations.map((c) => c.eventId);
    reasons.push(reason({ code: 'ALL_STATIONS_CLOSED', effect: 'insufficient_data', message, figure: 0, threshold: 1, sourceEventIds }));
  }
  const periods = policy.periodKinds.join(' or ');
  for (const { station } of score.counted.filter((s) => s.exact === null)) {
    reasons.push(
      reason({
        code: 'NO_COUNTING_ASSESSMENT',
        effect: 'insufficient_data',
        message: `station ${station.stationId} has no finalized third-party ${periods} assessment for a period ending by ${asOf}`,
        figure: 0,
        threshold: 1,
        stationId: station.stationId,
        sourceEventIds: [],
      }),
    );
  }
  if (score.exact !== null && score.shown !== null) {
    const { exact, shown } = score;
    const sourceEventIds = uniqueIds(...score.counted.map((s) => s.station.sourceEventIds));
    const below = (threshold: number) => !reaches(exact, toHundredths(threshold));
    if (below(ineligibleBelow)) {
      const message = `contract score ${formatScore(shown)} is below ${formatScore(ineligibleBelow)} (pass)`;
      reasons.push(reason({ code: 'CONTRACT_SCORE_BELOW_PASS', effect: 'ineligible', message, figure: shown, threshold: ineligibleBelow, sourceEventIds }));
    } else if (below(eligibleFrom)) {
      const message = `contract score ${formatScore(shown)} is below ${formatScore(eligibleFrom)} (good)`;
      reasons.push(reason({ code: 'CONTRACT_SCORE_BELOW_GOOD', effect: 'conditional', message, figure: shown, threshold: eligibleFrom, sourceEventIds }));
    }
  }
  for (const { station, exact } of score.counted) {
    if (exact === null || station.score === null || reaches(exact, toHundredths(stationFailBelow))) continue;
    reasons.push(
      reason({
        code: 'STATION_SCORE_BELOW_PASS',
        effect: 'conditional',
        message: `station ${station.stationId} scored ${formatScore(station.score)}, below ${formatScore(stationFailBelow)} (pass)`,
        figure: station.score,
        threshold: stationFailBelow,
        stationId: station.stationId,
        sourceEventIds: station.sourceEventIds,
      }),
    );
  }
  return reasons;
}

function complianceReason(code: EligibilityReason['code'], what: string, unit: string, figure: ComplianceFigure): EligibilityReason[] {
  if (figure.met !== false) return [];
  const message = `${what} ${formatShare(figure.share!)} (${figure.counted} of ${figure.of} ${unit}) is below ${formatShare(figure.threshold)}`;
  return [reason({ code, effect: 'conditional', message, figure: figure.share, threshold: figure.threshold, sourceEventIds: figure.sourceEventIds })];
}

function rectificationReasons(rectifications: readonly RectificationJudgement[], asOf: CalendarDate): EligibilityReason[] {
  return rectifications.flatMap((r): EligibilityReason[] => {
    const { rectificationId, deadline, sourceEventIds } = r;
    if (r.status === 'overdue') {
      const days = daysBetween(deadline, asOf);
      const message = `rectification ${rectificationId} was due by ${deadline} and is not done: ${days} day${days === 1 ? '' : 's'} overdue`;
      return [reason({ code: 'RECTIFICATION_OVERDUE', effect: 'conditional', message, figure: days, threshold: 0, rectificationId, sourceEventIds })];
    }
    if (r.status === 'failed') {
      const message = `rectification ${rectificationId}, due by ${deadline}, was closed as failed`;
      return [reason({ code: 'RECTIFICATION_FAILED', effect: 'conditional', message, figure: null, threshold: null, rectificationId, sourceEventIds })];
    }
    return [];
  });
}

/** The weakest status any reason leaves: insufficient_data > ineligible > conditional > eligible. */
function statusOf(reasons: readonly EligibilityReason[]): EligibilityStatus {
  const order: EligibilityStatus[] = ['insufficient_data', 'ineligible', 'conditional'];
  return order.find((status) => reasons.some((r) => r.effect === status)) ?? 'eligible';
}

/**
 * SPEC "Renewal eligibility": judges a contract on `asOf` by the policy given (the caller picks
 * the version in force with `policyInForce`). Pure: the same inputs give the same judgement, so a
 * snapshot stored in a decision can be recomputed and compared.
 */
export function judgeEligibility(inputs: EligibilityInputs, policy: RenewalPolicy, asOf: CalendarDate): EligibilityJudgement {
  const { thresholds } = policy;
  const score = contractScore(
    inputs.stations.map((station) => stationScore(station, policy, asOf)),
    (inputs.closures ?? []).filter((c) => c.closedOn <= asOf),
    thresholds,
  );
  const { staffing: s, supervision: sv, training: tr } = inputs;
  const staffing = compliance(s?.compliantDays ?? 0, s?.days ?? 0, thresholds.staffingCompliance, s?.sourceEventIds ?? []);
  const supervision = compliance(sv?.meeting ?? 0, sv?.workers ?? 0, thresholds.supervisionCompliance, sv?.sourceEventIds ?? []);
  const training = compliance(tr?.meeting ?? 0, tr?.workers ?? 0, thresholds.trainingCompliance, tr?.sourceEventIds ?? []);
  // A rectification binds from the day after the decision that required it: the eligibility that
  // decision stored, judged on its own day, never lists the rectification it was about to require.
  const rectifications: RectificationJudgement[] = inputs.rectifications
    .filter((r) => r.requiredOn < asOf)
    .map((r) => ({
      rectificationId: r.rectificationId,
      reviewId: r.reviewId,
      deadline: r.deadline,
      status: rectificationStatus(r, asOf),
      sourceEventIds: r.sourceEventIds,
    }));
  const reasons = [
    ...scoreReasons(score, policy, asOf),
    ...conflictReasons(inputs.stations, score.stations, asOf),
    ...complianceReason('STAFFING_BELOW_THRESHOLD', 'staffing compliance', 'days fully staffed', staffing),
    ...complianceReason('SUPERVISION_BELOW_THRESHOLD', 'attested supervision compliance', 'workers met the requirement', supervision),
    ...complianceReason('TRAINING_BELOW_THRESHOLD', 'training compliance', 'workers met the requirement', training),
    ...rectificationReasons(rectifications, asOf),
  ];
  return {
    contractId: inputs.contractId,
    asOf,
    policyVersion: policy.version,
    thresholds,
    status: statusOf(reasons),
    contractScore: score.shown,
    stations: score.stations,
    closedStations: score.closedStations,
    staffing,
    supervision,
    training,
    rectifications,
    reasons,
  };
}
