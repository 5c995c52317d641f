import { AssessmentPeriod, AssessorKind, PeriodKind } from '../assessment/assessment-events';
import { Grade } from '../rubric/rubric-definition';
import { ScorecardPeriod, StationScorecard } from './station-scorecard.projection';

export interface LatestScore {
  readonly assessmentId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  readonly revision: number;
  readonly total: number;
  readonly grade: Grade;
}

/**
 * A station's most recent finalized score: the period that ends last among those asked for
 * (by default third-party assessments of any period kind); of two ending the same day, the
 * longer one, so an annual assessment outranks December's monthly one.
 */
export function latestScore(
  scorecard: Pick<StationScorecard, 'periods'> | null,
  options: { readonly assessorKind?: AssessorKind; readonly periodKinds?: readonly PeriodKind[] } = {},
): LatestScore | null {
  const assessorKind = options.assessorKind ?? 'third_party';
  const candidates = (scorecard?.periods ?? []).filter(
    (p) => p.assessorKind === assessorKind && (options.periodKinds === undefined || options.periodKinds.includes(p.period.kind)),
  );
  const later = (a: ScorecardPeriod, b: ScorecardPeriod) =>
    a.period.to !== b.period.to ? a.period.to > b.period.to : a.period.from < b.period.from;
  const best = candidates.reduce<ScorecardPeriod | null>((found, p) => (found === null || later(p, found) ? p : found), null);
  if (best === null) return null;
  const { assessmentId, revision, total, grade } = best.current;
  return { assessmentId, period: best.period, assessorKind, revision, total, grade };
}
