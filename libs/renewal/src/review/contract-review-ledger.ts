import { foldEvents, LedgerEntry, reservationLedger } from '@sws/kernel';
import { mustBeTheOnlyReview, renewalReview, RenewalReviewEvent, ReviewedContractFacts } from './renewal-review';

/** What a review holds of its contract: the contract while it waits for a decision, or for good once it renewed it. */
export interface ReviewHold {
  readonly reviewId: string;
  readonly status: 'open' | 'renewed';
  readonly successorContractId: string | null;
}

/** The open review and the renewal among a contract's reviews, as OpenRenewalReview takes them. */
export function reviewFactsIn(entries: readonly LedgerEntry<ReviewHold>[]): Pick<ReviewedContractFacts, 'openReviewId' | 'successorContractId'> {
  const open = entries.find((entry) => entry.value.status === 'open');
  const renewed = entries.find((entry) => entry.value.status === 'renewed');
  return { openReviewId: open?.value.reviewId ?? null, successorContractId: renewed?.value.successorContractId ?? null };
}

/**
 * `ContractReview-<contractId>`: one open review per contract, and none after a renewal. Opening
 * a review claims it; the decision either frees the contract (not renewed) or keeps it for good,
 * which the review's own stream says when it matters.
 */
export const contractReviewLedger = reservationLedger<ReviewHold>({
  category: 'ContractReview',
  types: { opened: 'ContractReviewLedgerOpened', reserved: 'ContractReviewReserved', settled: 'ContractReviewsSettled' },
  refusals: ['ALREADY_RENEWED', 'REVIEW_ALREADY_OPEN'],
  check(_claim, others, { keyId: contractId }) {
    mustBeTheOnlyReview(contractId, reviewFactsIn(others));
  },
  valueOf(_contractId, _recordStreamId, events) {
    const state = foldEvents(renewalReview, events as RenewalReviewEvent[]);
    if (state.status === 'open') return { reviewId: state.reviewId, status: 'open', successorContractId: null };
    if (state.status === 'decided' && state.successorContractId !== null) {
      return { reviewId: state.reviewId, status: 'renewed', successorContractId: state.successorContractId };
    }
    return null;
  },
});
