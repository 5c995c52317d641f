import { EventTypeDefinition } from '@sws/kernel';
import { contractReviewLedger } from './review/contract-review-ledger';

/** The event types of renewal policies and renewal reviews, with their schema versions. */
export const renewalEventTypes: readonly EventTypeDefinition[] = [
  { type: 'RenewalPolicyPublished', schemaVersion: 1 },
  { type: 'RenewalReviewOpened', schemaVersion: 1 },
  { type: 'RenewalDecisionRecorded', schemaVersion: 1 },
  { type: 'RectificationRequired', schemaVersion: 1 },
  { type: 'RectificationReported', schemaVersion: 1 },
  { type: 'RectificationClosed', schemaVersion: 1 },
  // The reservation stream of a contract's reviews (see the ledger).
  ...contractReviewLedger.eventTypes,
];

/**
 * All policy versions share one stream: "the next version" is then checked against the stream's
 * own last event, and the expected revision stops two admins publishing the same version at once.
 */
export const RENEWAL_POLICY_STREAM = 'RenewalPolicy-all';

export const streams = {
  renewalPolicy: () => RENEWAL_POLICY_STREAM,
  renewalReview: (id: string) => `RenewalReview-${id}`,
};
