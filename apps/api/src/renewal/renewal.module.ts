import { Module, OnModuleInit } from '@nestjs/common';
import { renewalReview, streams } from '@sws/renewal';
import { StreamParties } from '../audit/stream-parties';
import { ContractsModule } from '../contracts/contracts.module';
import { Records } from '../infrastructure/records';
import { CloseRectificationHandler } from './close-rectification/close-rectification.handler';
import { ContractHistory } from './contract-history';
import { ContractReviews } from './contract-reviews';
import { ContractRenewalController } from './contract-renewal.controller';
import { GetRenewalDossierHandler } from './get-renewal-dossier/get-renewal-dossier.handler';
import { GetRenewalEligibilityHandler } from './get-renewal-eligibility/get-renewal-eligibility.handler';
import { GetContractReviewsHandler } from './get-contract-reviews/get-contract-reviews.handler';
import { GetRenewalReviewHandler } from './get-renewal-review/get-renewal-review.handler';
import { OpenRenewalReviewHandler } from './open-renewal-review/open-renewal-review.handler';
import { PublishRenewalPolicyHandler } from './publish-renewal-policy/publish-renewal-policy.handler';
import { RecordRenewalDecisionHandler } from './record-renewal-decision/record-renewal-decision.handler';
import { RenewalEligibility } from './renewal-eligibility.service';
import { RenewalPoliciesController } from './renewal-policies.controller';
import { RenewalReviewsController } from './renewal-reviews.controller';
import { ReportRectificationHandler } from './report-rectification/report-rectification.handler';
import { SuccessorContracts } from './successor-contracts';

@Module({
  imports: [ContractsModule],
  controllers: [RenewalPoliciesController, RenewalReviewsController, ContractRenewalController],
  providers: [
    ContractHistory,
    ContractReviews,
    RenewalEligibility,
    SuccessorContracts,
    PublishRenewalPolicyHandler,
    OpenRenewalReviewHandler,
    RecordRenewalDecisionHandler,
    ReportRectificationHandler,
    CloseRectificationHandler,
    GetRenewalEligibilityHandler,
    GetRenewalDossierHandler,
    GetRenewalReviewHandler,
    GetContractReviewsHandler,
  ],
})
export class RenewalModule implements OnModuleInit {
  constructor(
    private readonly parties: StreamParties,
    private readonly records: Records,
  ) {}

  onModuleInit(): void {
    // A review's history is for the purchaser and the operator of its contract.
    this.parties.register('RenewalReview', async (id) => {
      const review = await this.records.state(streams.renewalReview(id), renewalReview);
      return review.status === 'unknown' ? null : [review.purchaserOrgId, review.operatorOrgId];
    });
    // The policy's stream is the administrator's; everyone reads its versions at GET /renewal-policies.
    this.parties.register('RenewalPolicy', async (id) => (id === 'all' ? [] : null));
  }
}
