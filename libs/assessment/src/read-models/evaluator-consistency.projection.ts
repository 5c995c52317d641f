import { ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentAmended, AssessmentAnnulled, AssessmentFinalized, AssessmentPeriod, AssessorKind } from '../assessment/assessment-events';
import { Grade } from '../rubric/rubric-definition';
import { fromHundredths, meanHalfUp, toHundredths } from '../shared/points';

export interface EvaluatorAssessment {
  readonly assessmentId: string;
  readonly stationId: string;
  readonly contractId: string;
  readonly period: AssessmentPeriod;
  readonly assessorKind: AssessorKind;
  /** The latest revision; an amendment replaces the score. */
  readonly revision: number;
  readonly total: number;
  readonly grade: Grade;
  readonly finalizedAt: string;
}

/**
 * Read model 6, per evaluator organization: its finalized assessments and their mean score; an
 * annulled one leaves the record, as it leaves every score.
 * The deviation from other organizations needs their scores of the same stations and periods,
 * which the station scorecards hold: see `evaluatorConsistency`.
 */
export interface EvaluatorRecord {
  readonly evaluatorOrgId: string;
  readonly assessments: readonly EvaluatorAssessment[];
  readonly finalized: number;
  /** Mean of the latest totals, rounded half up to the hundredth; null before the first. */
  readonly meanScore: number | null;
}

type Handled = AssessmentFinalized | AssessmentAmended | AssessmentAnnulled;

function withAssessments(evaluatorOrgId: string, assessments: readonly EvaluatorAssessment[]): EvaluatorRecord {
  const mean = meanHalfUp(assessments.map((a) => toHundredths(a.total)));
  return { evaluatorOrgId, assessments, finalized: assessments.length, meanScore: mean === null ? null : fromHundredths(mean) };
}

export const evaluatorConsistencyProjection: Projection<EvaluatorRecord> = {
  name: 'evaluator-consistency',
  version: 2,
  collection: 'evaluator-consistency',
  handles: ['AssessmentFinalized', 'AssessmentAmended', 'AssessmentAnnulled'],
  documentIds: (event: ProjectedEvent) => [(event.data as Handled['data']).evaluatorOrgId],

  evolve(document, projected) {
    const event = projected as unknown as Handled;
    const { assessmentId, evaluatorOrgId } = event.data;
    const assessments = document?.assessments ?? [];
    const own = assessments.find((a) => a.assessmentId === assessmentId);
    if (event.type === 'AssessmentAnnulled') return own ? withAssessments(evaluatorOrgId, assessments.filter((a) => a !== own)) : document;
    const { stationId, contractId, period, assessorKind, score } = event.data;
    if (event.type === 'AssessmentFinalized') {
      if (own) return document;
      const finalized: EvaluatorAssessment = {
        assessmentId,
        stationId,
        contractId,
        period,
        assessorKind,
        revision: score.revision,
        total: score.total,
        grade: score.grade,
        finalizedAt: projected.metadata.recordedAt,
      };
      return withAssessments(evaluatorOrgId, [...assessments, finalized]);
    }
    if (!own || own.revision >= score.revision) return document;
    const amended = { ...own, revision: score.revision, total: score.total, grade: score.grade };
    return withAssessments(evaluatorOrgId, assessments.map((a) => (a === own ? amended : a)));
  },
};
