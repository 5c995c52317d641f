import { foldEvents, reservationLedger } from '@sws/kernel';
import { assessment } from './assessment';
import { AssessmentEvent, StationAssessment } from './assessment-events';
import { checkPeriodFree } from './start-checks';

/**
 * `StationAssessments-<stationId>`: one assessment per station, period kind, overlapping dates and
 * assessor kind, open or counting. A start claims its period; a finalization keeps holding it,
 * and a withdrawal or an annulment frees it, which the assessment's own stream says when it matters.
 */
export const stationAssessmentsLedger = reservationLedger<StationAssessment>({
  category: 'StationAssessments',
  types: { opened: 'StationAssessmentsLedgerOpened', reserved: 'StationAssessmentPeriodReserved', settled: 'StationAssessmentPeriodsSettled' },
  refusals: ['ASSESSMENT_ALREADY_OPEN', 'ASSESSMENT_ALREADY_FINALIZED'],
  check(claim, others, { keyId: stationId }) {
    checkPeriodFree({ ...claim.value, stationId }, others.map((entry) => entry.value));
  },
  valueOf(_stationId, _recordStreamId, events) {
    const state = foldEvents(assessment, events as AssessmentEvent[]);
    if (state.status !== 'draft' && state.status !== 'submitted' && state.status !== 'finalized') return null;
    const { assessmentId, period, assessorKind } = state.ref;
    return { assessmentId, period, assessorKind, status: state.status };
  },
});
