import { CalendarDate, ProjectedEvent, Projection } from '@sws/kernel';
import { EligibilityJudgement } from '../eligibility/eligibility';
import { RenewalReviewEvent } from '../review/renewal-review';
import { Successor } from '../review/decision-terms';
import { Decision, EligibilityStatus } from '../shared/kinds';
import { Rectification } from './rectification-status';

export interface ReviewDecision {
  readonly decision: Decision;
  readonly justification: string;
  readonly decidedOn: CalendarDate;
  readonly recordedAt: string;
  readonly overridesEligibility: boolean;
  /** Against the eligibility the reviewer saw: every report flags it. */
  readonly against: boolean;
  readonly eligibilityStatus: EligibilityStatus;
  readonly eligibilitySnapshot: EligibilityJudgement;
  readonly successor: Successor | null;
  readonly eventId: string;
}

export interface ReviewEntry {
  readonly reviewId: string;
  readonly asOf: CalendarDate;
  readonly purchaserOrgId: string;
  readonly operatorOrgId: string;
  readonly openedAt: string;
  readonly eventId: string;
  readonly decision: ReviewDecision | null;
  readonly rectificationId: string | null;
}

/** A contract's renewal reviews, decisions and the rectifications they required, oldest first. */
export interface RenewalReviews {
  readonly id: string;
  readonly reviews: readonly ReviewEntry[];
  readonly rectifications: readonly Rectification[];
}

function withReview(document: RenewalReviews, reviewId: string, change: (review: ReviewEntry) => ReviewEntry): RenewalReviews {
  return { ...document, reviews: document.reviews.map((r) => (r.reviewId === reviewId ? change(r) : r)) };
}

function withRectification(document: RenewalReviews, id: string, change: (r: Rectification) => Rectification): RenewalReviews {
  return { ...document, rectifications: document.rectifications.map((r) => (r.rectificationId === id ? change(r) : r)) };
}

export const renewalReviewsProjection: Projection<RenewalReviews> = {
  name: 'renewal-reviews',
  version: 1,
  collection: 'renewal-reviews',
  handles: ['RenewalReviewOpened', 'RenewalDecisionRecorded', 'RectificationRequired', 'RectificationReported', 'RectificationClosed'],
  documentIds: (event: ProjectedEvent) => [(event.data as { contractId: string }).contractId],

  evolve(document, projected) {
    const event = projected as unknown as RenewalReviewEvent;
    const { eventId, recordedAt } = projected.metadata;
    if (event.type === 'RenewalReviewOpened') {
      const { reviewId, contractId, asOf, purchaserOrgId, operatorOrgId } = event.data;
      const review: ReviewEntry = { reviewId, asOf, purchaserOrgId, operatorOrgId, openedAt: recordedAt, eventId, decision: null, rectificationId: null };
      const base = document ?? { id: contractId, reviews: [], rectifications: [] };
      return { ...base, reviews: [...base.reviews, review] };
    }
    if (!document) return null;
    switch (event.type) {
      case 'RenewalDecisionRecorded': {
        const { decision, justification, decidedOn, overridesEligibility, against, eligibilitySnapshot, successor } = event.data;
        const recorded: ReviewDecision = {
          decision,
          justification,
          decidedOn,
          recordedAt,
          overridesEligibility,
          against,
          eligibilityStatus: eligibilitySnapshot.status,
          eligibilitySnapshot,
          successor,
          eventId,
        };
        return withReview(document, event.data.reviewId, (r) => ({ ...r, decision: recorded }));
      }
      case 'RectificationRequired': {
        const { reviewId, contractId, rectificationId, successorContractId, items, deadline, requiredOn } = event.data;
        const rectification: Rectification = {
          rectificationId,
          reviewId,
          contractId,
          successorContractId,
          items,
          deadline,
          requiredOn,
          reports: [],
          closed: null,
          sourceEventIds: [eventId],
        };
        const next = withReview(document, reviewId, (r) => ({ ...r, rectificationId }));
        return { ...next, rectifications: [...next.rectifications, rectification] };
      }
      case 'RectificationReported': {
        const { evidence, reportedOn } = event.data;
        return withRectification(document, event.data.rectificationId, (r) => ({
          ...r,
          reports: [...r.reports, { evidence, reportedOn, eventId }],
          sourceEventIds: [...r.sourceEventIds, eventId],
        }));
      }
      case 'RectificationClosed': {
        const { outcome, closedOn, comment } = event.data;
        return withRectification(document, event.data.rectificationId, (r) => ({
          ...r,
          closed: { outcome, on: closedOn, comment, eventId },
          sourceEventIds: [...r.sourceEventIds, eventId],
        }));
      }
    }
  },
};

/** The review still waiting for its decision (the `openReviewId` fact of OpenRenewalReview). */
export function openReviewId(document: RenewalReviews | null): string | null {
  return document?.reviews.find((r) => r.decision === null)?.reviewId ?? null;
}

/** The successor a renewal awarded (the `successorContractId` fact of OpenRenewalReview). */
export function successorContractId(document: RenewalReviews | null): string | null {
  return document?.reviews.find((r) => r.decision?.successor)?.decision?.successor?.contractId ?? null;
}

/**
 * The rectifications that bind a contract: those its own reviews required, and those its
 * predecessor's renewal required of it (a renewal with conditions awards it on those terms).
 */
export function rectificationsBinding(
  contractId: string,
  own: RenewalReviews | null,
  predecessor: RenewalReviews | null,
): Rectification[] {
  const inherited = (predecessor?.rectifications ?? []).filter((r) => r.successorContractId === contractId);
  return [...inherited, ...(own?.rectifications ?? [])];
}
