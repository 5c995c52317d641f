import { CalendarDate, latestCounting } from '@sws/kernel';
import { RenewalPolicy } from '../policy/renewal-policy';
import { ASSESSOR_KINDS, AssessorKind } from '../shared/kinds';
import { roundScore, roundShare, uniqueIds } from '../shared/figures';
import { AssessmentInput, ScoreComponent, StationInput, StationJudgement } from './eligibility';

/** The kernel's one rule for the latest counting assessment, the one the station scorecard applies too. */
const latest = (assessments: readonly AssessmentInput[]): AssessmentInput | null => latestCounting(assessments);

function overlaps(a: AssessmentInput['period'], b: AssessmentInput['period']): boolean {
  return a.from <= b.to && b.from <= a.to;
}

/**
 * The assessments that count on `asOf`: of a counted period kind, finalized by then. An annual
 * assessment counts from its finalization even while its period runs on: evaluators assess the
 * year in its last months, and procurement reviews renewal before the term ends.
 */
export function countingAssessments(station: StationInput, policy: RenewalPolicy, asOf: CalendarDate): AssessmentInput[] {
  const kinds: readonly string[] = policy.periodKinds;
  return station.assessments.filter((a) => kinds.includes(a.period.kind) && a.finalizedOn <= asOf);
}

/**
 * SPEC "Multi-party score" and "Contract score". The station's year is set by its latest counting
 * third-party assessment; each other weighted kind contributes its latest counting assessment whose
 * period overlaps that one. A weighted kind without one is left out and the weights of the kinds
 * present are scaled up to 1, so a missing community survey neither sinks nor lifts the score;
 * without a third-party assessment the station has no score at all.
 */
export function stationScore(station: StationInput, policy: RenewalPolicy, asOf: CalendarDate): StationJudgement {
  const counting = countingAssessments(station, policy, asOf);
  const weighted = ASSESSOR_KINDS.filter((kind) => (policy.assessorWeights[kind] ?? 0) > 0);
  const anchor = latest(counting.filter((a) => a.assessorKind === 'third_party'));
  if (anchor === null) {
    return { stationId: station.stationId, score: null, components: [], missingKinds: weighted, sourceEventIds: [] };
  }
  const chosen = weighted.map((kind): [AssessorKind, AssessmentInput | null] => [
    kind,
    kind === 'third_party' ? anchor : latest(counting.filter((a) => a.assessorKind === kind && overlaps(a.period, anchor.period))),
  ]);
  const present = chosen.filter((entry): entry is [AssessorKind, AssessmentInput] => entry[1] !== null);
  const totalWeight = present.reduce((sum, [kind]) => sum + policy.assessorWeights[kind]!, 0);
  const components: ScoreComponent[] = present.map(([kind, a]) => ({
    assessorKind: kind,
    weight: policy.assessorWeights[kind]!,
    appliedWeight: roundShare(policy.assessorWeights[kind]! / totalWeight),
    assessmentId: a.assessmentId,
    period: a.period,
    score: a.score,
    grade: a.grade,
    sourceEventIds: a.sourceEventIds,
  }));
  const weightedSum = present.reduce((sum, [kind, a]) => sum + policy.assessorWeights[kind]! * a.score, 0);
  return {
    stationId: station.stationId,
    score: roundScore(weightedSum / totalWeight),
    components,
    missingKinds: chosen.filter(([, a]) => a === null).map(([kind]) => kind),
    sourceEventIds: uniqueIds(...components.map((c) => c.sourceEventIds)),
  };
}
