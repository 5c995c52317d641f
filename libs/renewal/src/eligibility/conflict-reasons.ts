import { CalendarDate } from '@sws/kernel';
import { uniqueIds } from '../shared/figures';
import { EligibilityReason, StationInput, StationJudgement } from './eligibility';

/**
 * SPEC "Independence": an affiliation found after finalization is flagged until the assessment is
 * annulled. Each assessment a station's score rests on whose evaluator was declared affiliated with
 * the contract's operator by `asOf` (declared on or before that day, and known to the judgement)
 * leaves the contract conditional at best, naming the assessment and the declarations.
 */
export function conflictReasons(inputs: readonly StationInput[], stations: readonly StationJudgement[], asOf: CalendarDate): EligibilityReason[] {
  return stations.flatMap((station) =>
    station.components.flatMap((component): EligibilityReason[] => {
      const assessment = inputs.find((s) => s.stationId === station.stationId)?.assessments.find((a) => a.assessmentId === component.assessmentId);
      const declared = (assessment?.affiliationsWithOperator ?? []).filter((a) => a.declaredOn <= asOf);
      if (assessment === undefined || declared.length === 0) return [];
      const { assessmentId, evaluatorOrgId } = assessment;
      const message =
        `assessment ${assessmentId} of station ${station.stationId} was made by ${evaluatorOrgId}, declared affiliated with the contract's operator ` +
        `on ${declared.map((d) => d.declaredOn).join(', ')}; it counts, flagged, until the guidance centre annuls it`;
      return [
        {
          code: 'EVALUATOR_CONFLICT_OF_INTEREST',
          effect: 'conditional',
          message,
          figure: null,
          threshold: null,
          stationId: station.stationId,
          rectificationId: null,
          assessmentId,
          sourceEventIds: uniqueIds(component.sourceEventIds, declared.map((d) => d.eventId)),
        },
      ];
    }),
  );
}
