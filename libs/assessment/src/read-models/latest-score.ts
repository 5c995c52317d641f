import { latestCounting } from '@sws/kernel';
import { AssessmentPeriod, AssessorKind, PeriodKind } from '../assessment/assessment-events';
import { Grade } from '../rubric/rubric-definition';
import { StationScorecard } from './station-scorecard.projection';

export interface LatestScore {
  readonly assessmentId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  readonly revision: number;
  readonly total: number;
  readonly grade: Grade;
}

/**
 * A station's most recent counting score among the periods asked for (by default third-party
 * assessments of any period kind), chosen by the kernel's one rule (`latestCounting`: the period
 * ending last, the longer of two ending the same day, then the one finalized later), as the
 * renewal judgement chooses. Annulled assessments never count.
 */
export function latestScore(
  scorecard: Pick<StationScorecard, 'periods'> | null,
  options: { readonly assessorKind?: AssessorKind; readonly periodKinds?: readonly PeriodKind[] } = {},
): LatestScore | null {
  const assessorKind = options.assessorKind ?? 'third_party';
  const candidates = (scorecard?.periods ?? []).flatMap(({ period, assessorKind: kind, current }) =>
    current !== null && kind === assessorKind && (options.periodKinds === undefined || options.periodKinds.includes(period.kind)) ? [{ ...current, period }] : [],
  );
  const best = latestCounting(candidates);
  if (best === null) return null;
  const { assessmentId, period, revision, total, grade } = best;
  return { assessmentId, period, assessorKind, revision, total, grade };
}
