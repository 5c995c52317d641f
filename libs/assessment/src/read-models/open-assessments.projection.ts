import { ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentPeriod, AssessmentRef, AssessorKind } from '../assessment/assessment-events';

export interface OpenAssessmentEntry {
  readonly assessmentId: string;
  readonly evaluatorOrgId: string;
  readonly contractId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  readonly status: 'draft' | 'submitted';
}

/**
 * Per station, its assessments still open (draft or submitted): the facts StartAssessment needs
 * for "one open assessment per station, period and assessor kind". No document when none is open.
 */
export interface StationOpenAssessments {
  readonly stationId: string;
  readonly open: readonly OpenAssessmentEntry[];
}

export const openAssessmentsProjection: Projection<StationOpenAssessments> = {
  name: 'open-assessments',
  version: 1,
  collection: 'open-assessments',
  handles: ['AssessmentStarted', 'AssessmentSubmitted', 'AssessmentFinalized', 'AssessmentWithdrawn'],
  documentIds: (event: ProjectedEvent) => [(event.data as AssessmentRef).stationId],

  evolve(document, event) {
    const { assessmentId, evaluatorOrgId, contractId, period, assessorKind, stationId } = event.data as AssessmentRef;
    const open = (document?.open ?? []).filter((entry) => entry.assessmentId !== assessmentId);
    const status: OpenAssessmentEntry['status'] | null =
      event.type === 'AssessmentStarted' ? 'draft' : event.type === 'AssessmentSubmitted' ? 'submitted' : null;
    const next: OpenAssessmentEntry[] =
      status === null ? open : [...open, { assessmentId, evaluatorOrgId, contractId, period, assessorKind, status }];
    return next.length === 0 ? null : { stationId, open: next };
  },
};
