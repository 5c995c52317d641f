import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { RECTIFICATION_STATUS_ZH, rectificationStatus, RenewalReviews } from '@sws/renewal';
import { ContractDetail } from '@sws/stations-contracts';
import { AccessDenied } from '../../auth/access-denied';
import { found, ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { RenewalEligibility } from '../renewal-eligibility.service';
import { GetContractReviewsQuery } from './get-contract-reviews.query';

/**
 * A contract's renewal reviews, oldest first, with their decisions and each rectification's
 * status today: how a reviewer finds the open review of a contract. For those who may read reviews.
 */
@QueryHandler(GetContractReviewsQuery)
export class GetContractReviewsHandler implements IQueryHandler<GetContractReviewsQuery, ReadResponse<unknown>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly eligibility: RenewalEligibility,
  ) {}

  async execute({ contractId, minPosition, caller }: GetContractReviewsQuery): Promise<ReadResponse<unknown>> {
    const contract = found('Contract', contractId, (await this.readModels.read<ContractDetail>('contract-detail', contractId, minPosition)).document);
    if (caller.role !== 'admin' && ![contract.purchaserOrgId, contract.operatorOrgId].includes(caller.orgId)) {
      throw new AccessDenied(`organization ${caller.orgId} is not party to contract ${contractId}`);
    }
    const { document, position } = await this.readModels.read<RenewalReviews>('renewal-reviews', contractId, minPosition);
    const today = this.eligibility.today();
    const rectifications = (document?.rectifications ?? []).map((r) => {
      const status = rectificationStatus(r, today);
      return { ...r, status, statusZh: RECTIFICATION_STATUS_ZH[status] };
    });
    return { data: { contractId, reviews: document?.reviews ?? [], rectifications }, position };
  }
}
