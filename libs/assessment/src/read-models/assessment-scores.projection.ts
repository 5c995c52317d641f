import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentStatus } from '../assessment/assessment';
import { AssessmentEvent, AssessmentRef, AssessmentScore } from '../assessment/assessment-events';

/**
 * One assessment as a contract's figures count it, and nothing more: who, what and when, its
 * current score, and the events of its score's revisions. A few hundred bytes, where its detail
 * (`assessment-detail`) carries the rubric, every item and the evaluator's findings: contract
 * performance, eligibility and the dossier read these for every assessment of a contract.
 */
export interface AssessmentScores extends Omit<AssessmentRef, 'assessmentId' | 'rubricCode' | 'rubricVersion'> {
  readonly id: string;
  readonly status: AssessmentStatus;
  readonly finalized: { readonly finalizedOn: CalendarDate; readonly recordedAt: string } | null;
  /** The latest computed score: the submitted one, then the finalized one and each amendment's. */
  readonly score: Pick<AssessmentScore, 'revision' | 'total' | 'grade'> | null;
  /** The finalization's event, then each amendment's: what the score counted comes from. */
  readonly revisionEventIds: readonly string[];
}

const scoreOf = ({ revision, total, grade }: AssessmentScore) => ({ revision, total, grade });

/**
 * The id of an assessment's scores document: under its contract's, so a contract's documents sit
 * side by side in the store and reading all of them visits a few pages, not one page each.
 */
export const assessmentScoresId = (contractId: string, assessmentId: string) => `${contractId}/${assessmentId}`;

/** Read model of each assessment's counted figures (see `AssessmentScores`); the events that change none of them are not handled. */
export const assessmentScoresProjection: Projection<AssessmentScores> = {
  name: 'assessment-scores',
  version: 2,
  collection: 'assessment-scores',
  handles: ['AssessmentStarted', 'AssessmentSubmitted', 'AssessmentFinalized', 'AssessmentAmended', 'AssessmentWithdrawn', 'AssessmentAnnulled'],
  documentIds: (event: ProjectedEvent) => {
    const { contractId, assessmentId } = event.data as AssessmentRef;
    return [assessmentScoresId(contractId, assessmentId)];
  },

  evolve(document, projected) {
    const event = projected as unknown as AssessmentEvent;
    const { recordedAt, eventId } = projected.metadata;
    if (event.type === 'AssessmentStarted') {
      const { assessmentId, evaluatorOrgId, contractId, stationId, period, assessorKind } = event.data;
      return { id: assessmentId, evaluatorOrgId, contractId, stationId, period, assessorKind, status: 'draft', finalized: null, score: null, revisionEventIds: [] };
    }
    if (!document) return null;
    switch (event.type) {
      case 'AssessmentSubmitted':
        return { ...document, status: 'submitted', score: scoreOf(event.data.score) };
      case 'AssessmentFinalized':
        return { ...document, status: 'finalized', score: scoreOf(event.data.score), finalized: { finalizedOn: event.data.finalizedOn, recordedAt }, revisionEventIds: [eventId] };
      case 'AssessmentAmended':
        return { ...document, score: scoreOf(event.data.score), revisionEventIds: [...document.revisionEventIds, eventId] };
      case 'AssessmentWithdrawn':
        return { ...document, status: 'withdrawn' };
      case 'AssessmentAnnulled':
        return { ...document, status: 'annulled' };
      default:
        return document;
    }
  },
};
