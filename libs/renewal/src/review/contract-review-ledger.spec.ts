import { DomainEvent } from '@sws/kernel';
import { deciderSpecification, intentOn, opened, reserve, reserved } from '../../../kernel/src/testing';
import { contractReviewLedger, reviewFactsIn, ReviewHold } from './contract-review-ledger';

const spec = deciderSpecification(contractReviewLedger);
const hold = (reviewId: string, status: ReviewHold['status'], successorContractId: string | null = null) => ({
  recordStreamId: `RenewalReview-${reviewId}`,
  value: { reviewId, status, successorContractId },
});
const opening = intentOn(contractReviewLedger, 'c-1', hold('rv-new', 'open'));

describe('a contract’s reviews (ContractReview-<contractId>)', () => {
  it('lets a review open on a contract with none waiting for a decision', () => {
    spec.given([]).when(reserve(contractReviewLedger, 'c-1', opening)).then([reserved(contractReviewLedger, 'c-1', opening)]);
  });

  it('refuses a second open review, written or still being written', () => {
    spec.given([opened(contractReviewLedger, [hold('rv-1', 'open')])]).when(reserve(contractReviewLedger, 'c-1', opening)).thenFails('REVIEW_ALREADY_OPEN');
    const first = intentOn(contractReviewLedger, 'c-1', hold('rv-first', 'open'));
    spec.given([reserved(contractReviewLedger, 'c-1', first)]).when(reserve(contractReviewLedger, 'c-1', opening)).thenFails('REVIEW_ALREADY_OPEN');
  });

  it('refuses any review of a contract renewed already', () => {
    spec.given([opened(contractReviewLedger, [hold('rv-1', 'renewed', 'c-2')])]).when(reserve(contractReviewLedger, 'c-1', opening)).thenFails('ALREADY_RENEWED');
    expect(reviewFactsIn([hold('rv-1', 'renewed', 'c-2'), hold('rv-2', 'open')])).toEqual({ openReviewId: 'rv-2', successorContractId: 'c-2' });
  });

  describe('what a review holds, from its own stream', () => {
    const openedReview: DomainEvent = { type: 'RenewalReviewOpened', data: { reviewId: 'rv-1', contractId: 'c-1', asOf: '2026-12-20', purchaserOrgId: 'p', operatorOrgId: 'o' } };
    const decided = (decision: string, successor: { contractId: string } | null): DomainEvent => ({
      type: 'RenewalDecisionRecorded',
      data: { reviewId: 'rv-1', contractId: 'c-1', decision, successor },
    });
    const valueOf = (events: DomainEvent[]) => contractReviewLedger.rule.valueOf('c-1', 'RenewalReview-rv-1', events);

    it('is the contract while it waits, and for good once it renewed it', () => {
      expect(valueOf([openedReview])).toEqual(hold('rv-1', 'open').value);
      expect(valueOf([openedReview, decided('renew', { contractId: 'c-2' })])).toEqual(hold('rv-1', 'renewed', 'c-2').value);
    });

    it('is nothing once it decided not to renew', () => {
      expect(valueOf([openedReview, decided('do_not_renew', null)])).toBeNull();
    });
  });
});
