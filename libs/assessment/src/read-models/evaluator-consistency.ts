import { AssessmentPeriod, AssessorKind } from '../assessment/assessment-events';
import { divideHalfUp, fromHundredths, toHundredths } from '../shared/points';
import { EvaluatorRecord } from './evaluator-consistency.projection';
import { StationScorecard } from './station-scorecard.projection';

export interface ConsistencyComparison {
  readonly assessmentId: string;
  readonly stationId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  readonly total: number;
  readonly others: ReadonlyArray<{
    readonly assessmentId: string;
    readonly evaluatorOrgId: string;
    readonly total: number;
    /** The absolute difference from this organization's total. */
    readonly difference: number;
  }>;
}

export interface EvaluatorConsistency {
  readonly evaluatorOrgId: string;
  readonly finalized: number;
  readonly meanScore: number | null;
  /** Pairs of this organization's score and another's for the same station and period (see `comparable`). */
  readonly pairs: number;
  /** The mean absolute difference over those pairs, rounded half up to the hundredth; null without pairs. */
  readonly meanAbsoluteDeviation: number | null;
  readonly comparisons: readonly ConsistencyComparison[];
}

/** The scorecards `evaluatorConsistency` reads: one per station the organization has assessed. */
export function stationsToCompare(record: EvaluatorRecord): string[] {
  return [...new Set(record.assessments.map((a) => a.stationId))];
}

/**
 * Which assessor kinds are compared: those evaluation organizations make (third-party, community,
 * service users) with each other, a purchaser's own with purchasers' own. Since a period holds one
 * counting assessment per assessor kind (issue 10), another organization's score of the same period
 * is mostly one of another kind.
 */
const comparable = (a: AssessorKind, b: AssessorKind) => (a === 'purchaser') === (b === 'purchaser');

/**
 * Read model 6 at query time: how far an evaluator organization's scores lie from other
 * organizations' scores of the same station and period (kind, from, to), of a comparable assessor
 * kind, each at its latest revision; annulled ones are left out. Every pair counts once; an
 * organization is never compared with itself.
 */
export function evaluatorConsistency(
  record: EvaluatorRecord,
  scorecards: readonly Pick<StationScorecard, 'stationId' | 'periods'>[],
): EvaluatorConsistency {
  const byStation = new Map(scorecards.map((s) => [s.stationId, s]));
  let pairs = 0;
  let sum = 0;
  const comparisons: ConsistencyComparison[] = [];
  for (const own of record.assessments) {
    const periods = (byStation.get(own.stationId)?.periods ?? []).filter(
      (p) =>
        comparable(p.assessorKind, own.assessorKind) &&
        p.period.kind === own.period.kind &&
        p.period.from === own.period.from &&
        p.period.to === own.period.to,
    );
    const others = periods
      .flatMap((p) => p.assessments)
      .filter((a) => a.evaluatorOrgId !== record.evaluatorOrgId && a.annulled === null)
      .map((a) => {
        const total = a.revisions[a.revisions.length - 1].total;
        const difference = Math.abs(toHundredths(own.total) - toHundredths(total));
        return { assessmentId: a.assessmentId, evaluatorOrgId: a.evaluatorOrgId, total, difference: fromHundredths(difference) };
      });
    if (others.length === 0) continue;
    pairs += others.length;
    sum += others.reduce((s, o) => s + toHundredths(o.difference), 0);
    const { assessmentId, stationId, assessorKind, total } = own;
    comparisons.push({ assessmentId, stationId, period: own.period, assessorKind, total, others });
  }
  return {
    evaluatorOrgId: record.evaluatorOrgId,
    finalized: record.finalized,
    meanScore: record.meanScore,
    pairs,
    meanAbsoluteDeviation: pairs === 0 ? null : fromHundredths(divideHalfUp(sum, pairs)),
    comparisons,
  };
}
