import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentStatus } from '../assessment/assessment';
import { AssessmentEvent, AssessmentRef, AssessmentScore } from '../assessment/assessment-events';

/** One revision of a finalized score: the finalization's (no reason), then each amendment's. */
export interface ScoresRevision extends Pick<AssessmentScore, 'revision' | 'total' | 'grade'> {
  readonly reason: string | null;
  readonly recordedAt: string;
  readonly eventId: string;
}

/**
 * One assessment as a contract's figures and its dossier count it, and nothing more: who, what and
 * when, its current score, each revision's score and the annulment. Well under a kilobyte, where
 * its detail (`assessment-detail`) carries the rubric, every item and the evaluator's findings, and
 * the station's scorecard each revision's dimensions: contract performance, eligibility and the
 * dossier read these for every assessment of a contract, and nothing else of its assessments.
 */
export interface AssessmentScores extends Omit<AssessmentRef, 'assessmentId'> {
  readonly id: string;
  readonly status: AssessmentStatus;
  readonly finalized: { readonly finalizedOn: CalendarDate; readonly recordedAt: string } | null;
  /** The latest computed score: the submitted one, then the finalized one and each amendment's. */
  readonly score: Pick<AssessmentScore, 'revision' | 'total' | 'grade'> | null;
  /** The finalization's, then each amendment's: what the score counted comes from. Empty until finalized. */
  readonly revisions: readonly ScoresRevision[];
  /** Set once the guidance centre annulled it (after its finalization): it never counts again. */
  readonly annulled: { readonly reason: string; readonly recordedAt: string; readonly eventId: string } | null;
}

const scoreOf = ({ revision, total, grade }: AssessmentScore) => ({ revision, total, grade });
const revisionOf = (score: AssessmentScore, reason: string | null, { recordedAt, eventId }: { recordedAt: string; eventId: string }): ScoresRevision => ({
  ...scoreOf(score),
  reason,
  recordedAt,
  eventId,
});

/**
 * The id of an assessment's scores document: under its contract's, so a contract's documents sit
 * side by side in the store and reading all of them visits a few pages, not one page each.
 */
export const assessmentScoresId = (contractId: string, assessmentId: string) => `${contractId}/${assessmentId}`;

/** Read model of each assessment's counted figures (see `AssessmentScores`); the events that change none of them are not handled. */
export const assessmentScoresProjection: Projection<AssessmentScores> = {
  name: 'assessment-scores',
  version: 3,
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
      const { assessmentId, evaluatorOrgId, contractId, stationId, period, assessorKind, rubricCode, rubricVersion } = event.data;
      return {
        id: assessmentId,
        evaluatorOrgId,
        contractId,
        stationId,
        period,
        assessorKind,
        rubricCode,
        rubricVersion,
        status: 'draft',
        finalized: null,
        score: null,
        revisions: [],
        annulled: null,
      };
    }
    if (!document) return null;
    switch (event.type) {
      case 'AssessmentSubmitted':
        return { ...document, status: 'submitted', score: scoreOf(event.data.score) };
      case 'AssessmentFinalized':
        return {
          ...document,
          status: 'finalized',
          score: scoreOf(event.data.score),
          finalized: { finalizedOn: event.data.finalizedOn, recordedAt },
          revisions: [revisionOf(event.data.score, null, projected.metadata)],
        };
      case 'AssessmentAmended':
        return { ...document, score: scoreOf(event.data.score), revisions: [...document.revisions, revisionOf(event.data.score, event.data.reason, projected.metadata)] };
      case 'AssessmentWithdrawn':
        return { ...document, status: 'withdrawn' };
      case 'AssessmentAnnulled':
        return { ...document, status: 'annulled', annulled: { reason: event.data.reason, recordedAt, eventId } };
      default:
        return document;
    }
  },
};
