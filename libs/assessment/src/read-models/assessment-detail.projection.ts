import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import { AssessmentStatus } from '../assessment/assessment';
import { AssessmentEvent, AssessmentRef, AssessmentScore } from '../assessment/assessment-events';
import { ScoringRubric } from '../rubric/rubric-definition';
import { scoreAssessment, ScoreBreakdown } from '../scoring/score-assessment';

export interface AssessmentDetail extends Omit<AssessmentRef, 'assessmentId'> {
  readonly id: string;
  readonly status: AssessmentStatus;
  readonly operatorOrgId: string;
  readonly purchaserOrgId: string;
  /** The evaluator organization and the contract's operator and purchaser: who may read it. */
  readonly parties: readonly string[];
  readonly startedAt: string;
  readonly items: Readonly<Record<string, { readonly points: number; readonly evidence: string; readonly recordedAt: string }>>;
  readonly submission: {
    readonly findings: string;
    readonly recommendations: string;
    readonly wouldRecommend: boolean;
    readonly submittedOn: CalendarDate;
    readonly responseDueOn: CalendarDate;
    readonly recordedAt: string;
  } | null;
  readonly response: { readonly comment: string; readonly agrees: boolean; readonly respondedOn: CalendarDate; readonly recordedAt: string } | null;
  readonly finalized: { readonly finalizedOn: CalendarDate; readonly recordedAt: string } | null;
  readonly withdrawn: { readonly reason: string; readonly recordedAt: string } | null;
  /** Set when the guidance centre annulled it: it no longer counts anywhere. */
  readonly annulled: { readonly reason: string; readonly revision: number; readonly recordedAt: string; readonly eventId: string } | null;
  /** The latest computed score: the submitted one, then the finalized one and each amendment's. */
  readonly score: AssessmentScore | null;
  readonly revisions: ReadonlyArray<{
    readonly revision: number;
    readonly total: number;
    readonly grade: AssessmentScore['grade'];
    readonly reason: string | null;
    readonly changedItems: readonly string[];
    readonly recordedAt: string;
    readonly eventId: string;
  }>;
}

function withItems(document: AssessmentDetail, scores: ReadonlyArray<{ itemCode: string; points: number; evidence: string }>, recordedAt: string) {
  const changed = Object.fromEntries(scores.map(({ itemCode, points, evidence }) => [itemCode, { points, evidence, recordedAt }]));
  return { ...document.items, ...changed };
}

/**
 * The record of one assessment as the evaluator and the operator see it. It names its rubric
 * version (`rubricCode`, `rubricVersion`) and keeps no copy of it: a version never changes once
 * published, and the copy (about a third of the document) was rewritten by every event.
 */
export const assessmentDetailProjection: Projection<AssessmentDetail> = {
  name: 'assessment-detail',
  version: 4,
  collection: 'assessments',
  handles: [
    'AssessmentStarted',
    'AssessmentItemsScored',
    'AssessmentSubmitted',
    'AssessmentResponded',
    'AssessmentFinalized',
    'AssessmentAmended',
    'AssessmentWithdrawn',
    'AssessmentAnnulled',
  ],
  documentIds: (event: ProjectedEvent) => [(event.data as AssessmentRef).assessmentId],

  evolve(document, projected) {
    const event = projected as unknown as AssessmentEvent;
    const { recordedAt, eventId } = projected.metadata;
    if (event.type === 'AssessmentStarted') {
      const { assessmentId, rubric: _rubric, ...rest } = event.data;
      return {
        id: assessmentId,
        ...rest,
        parties: [...new Set([rest.evaluatorOrgId, rest.operatorOrgId, rest.purchaserOrgId])],
        status: 'draft',
        startedAt: recordedAt,
        items: {},
        submission: null,
        response: null,
        finalized: null,
        withdrawn: null,
        annulled: null,
        score: null,
        revisions: [],
      };
    }
    if (!document) return null;
    switch (event.type) {
      case 'AssessmentItemsScored':
        return { ...document, items: withItems(document, event.data.scores, recordedAt) };
      case 'AssessmentSubmitted': {
        const { findings, recommendations, wouldRecommend, submittedOn, responseDueOn, score } = event.data;
        const submission = { findings, recommendations, wouldRecommend, submittedOn, responseDueOn, recordedAt };
        return { ...document, status: 'submitted', score, submission };
      }
      case 'AssessmentResponded': {
        const { comment, agrees, respondedOn } = event.data;
        return { ...document, response: { comment, agrees, respondedOn, recordedAt } };
      }
      case 'AssessmentFinalized': {
        const { score, finalizedOn } = event.data;
        const revision = { revision: score.revision, total: score.total, grade: score.grade, reason: null, changedItems: [], recordedAt, eventId };
        return { ...document, status: 'finalized', score, finalized: { finalizedOn, recordedAt }, revisions: [revision] };
      }
      case 'AssessmentAmended': {
        const { score, reason, scores } = event.data;
        const changedItems = scores.map((s) => s.itemCode);
        const revision = { revision: score.revision, total: score.total, grade: score.grade, reason, changedItems, recordedAt, eventId };
        return { ...document, items: withItems(document, scores, recordedAt), score, revisions: [...document.revisions, revision] };
      }
      case 'AssessmentWithdrawn':
        return { ...document, status: 'withdrawn', withdrawn: { reason: event.data.reason, recordedAt } };
      case 'AssessmentAnnulled': {
        const { reason, revision } = event.data;
        return { ...document, status: 'annulled', annulled: { reason, revision, recordedAt, eventId } };
      }
    }
  },
};

/** The running score of the items scored so far against the assessment's rubric, unscored items counting 0: what a draft would make. */
export function provisionalScore(detail: Pick<AssessmentDetail, 'items'>, rubric: ScoringRubric): ScoreBreakdown {
  return scoreAssessment(rubric, Object.fromEntries(Object.entries(detail.items).map(([code, item]) => [code, item.points])));
}

export type ResponseWindowState = 'not_submitted' | 'open' | 'closed' | 'responded';

/** Where the operator's response window stands on `today`: it is open to the end of its last day. */
export function responseWindow(
  detail: Pick<AssessmentDetail, 'submission' | 'response'>,
  today: CalendarDate,
): { readonly state: ResponseWindowState; readonly responseDueOn: CalendarDate | null } {
  if (detail.submission === null) return { state: 'not_submitted', responseDueOn: null };
  const { responseDueOn } = detail.submission;
  if (detail.response !== null) return { state: 'responded', responseDueOn };
  return { state: today <= responseDueOn ? 'open' : 'closed', responseDueOn };
}
