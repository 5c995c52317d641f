import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { contract, streams as contractStreams } from '@sws/stations-contracts';
import { OpenRenewalReview, renewalReview, streams } from '@sws/renewal';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { Records } from '../../infrastructure/records';
import { ContractReviews } from '../contract-reviews';
import { OpenRenewalReviewCommand } from './open-renewal-review.command';

/** One open review per contract: opening one claims the contract's key (see ContractReviews). */
@CommandHandler(OpenRenewalReviewCommand)
export class OpenRenewalReviewHandler implements ICommandHandler<OpenRenewalReviewCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
    private readonly reviews: ContractReviews,
  ) {}

  execute({ body, context }: OpenRenewalReviewCommand): Promise<WriteResult> {
    const reviewId = this.executor.newId(context, 'RenewalReview');
    return this.executor.execute(
      {
        recordType: 'RenewalReview',
        id: reviewId,
        streamId: streams.renewalReview(reviewId),
        decider: renewalReview,
        mustExist: false,
        command: async (_state, metadata, _history, keys): Promise<OpenRenewalReview> => {
          const found = await this.records.state(contractStreams.contract(body.contractId), contract);
          if (found.status !== 'unknown') mustActFor(context.principal, found.purchaserOrgId, `review contract ${body.contractId}`);
          return {
            type: 'OpenRenewalReview',
            data: { reviewId, contractId: body.contractId, asOf: body.asOf ?? dateInChina(metadata.now) },
            metadata,
            facts: {
              contract:
                found.status === 'unknown'
                  ? null
                  : {
                      purchaserOrgId: found.purchaserOrgId,
                      operatorOrgId: found.operatorOrgId,
                      term: found.term,
                      terminatedOn: found.terminatedOn,
                    },
              ...(await this.reviews.of(body.contractId, keys)),
            },
          };
        },
        reserve: () => this.reviews.claim(reviewId, body.contractId),
      },
      context,
    );
  }
}
