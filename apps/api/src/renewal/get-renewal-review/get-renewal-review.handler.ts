import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RecordNotFound } from '@sws/kernel';
import { RECTIFICATION_STATUS_ZH, rectificationStatus, RenewalReviews, renewalReview, streams } from '@sws/renewal';
import { AccessDenied } from '../../auth/access-denied';
import { ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { Records } from '../../infrastructure/records';
import { RenewalEligibility } from '../renewal-eligibility.service';
import { GetRenewalReviewQuery } from './get-renewal-review.query';

/** A review with its decision, the eligibility it stored and its rectification's status today. */
@QueryHandler(GetRenewalReviewQuery)
export class GetRenewalReviewHandler implements IQueryHandler<GetRenewalReviewQuery, ReadResponse<unknown>> {
  constructor(
    private readonly records: Records,
    private readonly readModels: ReadModels,
    private readonly eligibility: RenewalEligibility,
  ) {}

  async execute({ reviewId, minPosition, caller }: GetRenewalReviewQuery): Promise<ReadResponse<unknown>> {
    const state = await this.records.state(streams.renewalReview(reviewId), renewalReview);
    if (state.status === 'unknown') throw new RecordNotFound('RenewalReview', reviewId);
    if (caller.role !== 'admin' && ![state.purchaserOrgId, state.operatorOrgId].includes(caller.orgId)) {
      throw new AccessDenied(`organization ${caller.orgId} is not party to review ${reviewId}`);
    }
    const { document, position } = await this.readModels.read<RenewalReviews>('renewal-reviews', state.contractId, minPosition);
    const review = document?.reviews.find((r) => r.reviewId === reviewId);
    if (!review) throw new RecordNotFound('RenewalReview', reviewId);
    const today = this.eligibility.today();
    const rectification = document!.rectifications.find((r) => r.rectificationId === review.rectificationId) ?? null;
    const status = rectification && rectificationStatus(rectification, today);
    return {
      data: {
        id: reviewId,
        contractId: state.contractId,
        ...review,
        rectification: rectification && { ...rectification, status, statusZh: RECTIFICATION_STATUS_ZH[status!] },
      },
      position,
    };
  }
}
