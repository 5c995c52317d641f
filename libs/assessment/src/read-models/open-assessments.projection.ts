import { ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentRef, StationAssessment } from '../assessment/assessment-events';

export interface StationAssessmentEntry extends StationAssessment {
  readonly evaluatorOrgId: string;
  readonly contractId: string;
}

/**
 * Per station, the assessments that hold their period: those still open (draft or submitted)
 * and those finalized and counting. The facts StartAssessment needs for "one assessment per
 * station, period and assessor kind": a withdrawal or an annulment frees the period. No document
 * when none holds one.
 */
export interface StationOpenAssessments {
  readonly stationId: string;
  readonly assessments: readonly StationAssessmentEntry[];
}

const STATUS_AFTER: Readonly<Record<string, StationAssessment['status'] | null>> = {
  AssessmentStarted: 'draft',
  AssessmentSubmitted: 'submitted',
  AssessmentFinalized: 'finalized',
  AssessmentWithdrawn: null,
  AssessmentAnnulled: null,
};

export const openAssessmentsProjection: Projection<StationOpenAssessments> = {
  name: 'open-assessments',
  version: 2,
  collection: 'open-assessments',
  handles: Object.keys(STATUS_AFTER),
  documentIds: (event: ProjectedEvent) => [(event.data as AssessmentRef).stationId],
  evolve(document, event) {
    const { assessmentId, evaluatorOrgId, contractId, period, assessorKind, stationId } = event.data as AssessmentRef;
    const others = (document?.assessments ?? []).filter((entry) => entry.assessmentId !== assessmentId);
    const status = STATUS_AFTER[event.type];
    const assessments = status === null ? others : [...others, { assessmentId, evaluatorOrgId, contractId, period, assessorKind, status }];
    return assessments.length === 0 ? null : { stationId, assessments };
  },
};
