import { Injectable, OnModuleInit } from '@nestjs/common';
import { LedgerEntry } from '@sws/kernel';
import { contractReviewLedger, RenewalReviews, reviewFactsIn, ReviewedContractFacts, ReviewHold, streams } from '@sws/renewal';
import { LegacyRecords } from '../infrastructure/reservations/legacy-records';
import { KeyReads, Reservation } from '../infrastructure/reservations/reservations';

/**
 * One open review per contract, and none once it is renewed: the rule of the
 * `ContractReview-<contractId>` reservation streams, which opening a review claims.
 */
@Injectable()
export class ContractReviews implements OnModuleInit {
  constructor(private readonly legacy: LegacyRecords) {}

  onModuleInit(): void {
    // A contract reviewed before its key existed: its open review and its renewal, as the reviews read model has them.
    this.legacy.register(contractReviewLedger, async (contractId, document) => {
      const reviews = await document<RenewalReviews>('renewal-reviews', contractId);
      return (reviews?.reviews ?? []).flatMap((review): LedgerEntry<ReviewHold>[] => {
        const successorContractId = review.decision?.successor?.contractId ?? null;
        if (review.decision !== null && successorContractId === null) return [];
        const status = review.decision === null ? 'open' : 'renewed';
        return [{ recordStreamId: streams.renewalReview(review.reviewId), value: { reviewId: review.reviewId, status, successorContractId } }];
      });
    });
  }

  /** The contract's open review and its renewal, from its key. */
  async of(contractId: string, keys: KeyReads): Promise<Pick<ReviewedContractFacts, 'openReviewId' | 'successorContractId'>> {
    return reviewFactsIn(await keys.entries(contractReviewLedger, contractId));
  }

  /** A review's claim on its contract while it waits for a decision. */
  claim(reviewId: string, contractId: string): Reservation {
    return { claims: [{ ledger: contractReviewLedger, id: contractId, value: { reviewId, status: 'open', successorContractId: null } }] };
  }
}
