import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { contract, streams as contractStreams } from '@sws/stations-contracts';
import { OpenRenewalReview, openReviewId, RenewalReviews, renewalReview, streams, successorContractId } from '@sws/renewal';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { KeyedMutex } from '../../infrastructure/mutex';
import { ReadModels } from '../../infrastructure/read-models.service';
import { Records } from '../../infrastructure/records';
import { OpenRenewalReviewCommand } from './open-renewal-review.command';

/**
 * One open review per contract: reviews are separate streams, so opening one runs under a lock
 * per contract and looks at the contract's reviews only once their read model has caught up.
 */
@CommandHandler(OpenRenewalReviewCommand)
export class OpenRenewalReviewHandler implements ICommandHandler<OpenRenewalReviewCommand, WriteResult> {
  constructor(
    private readonly executor: CommandExecutor,
    private readonly records: Records,
    private readonly readModels: ReadModels,
    private readonly mutex: KeyedMutex,
  ) {}

  execute({ body, context }: OpenRenewalReviewCommand): Promise<WriteResult> {
    const reviewId = this.executor.newId(context, 'RenewalReview');
    return this.mutex.run(`renewal-review:${body.contractId}`, () =>
      this.executor.execute(
        {
          recordType: 'RenewalReview',
          id: reviewId,
          streamId: streams.renewalReview(reviewId),
          decider: renewalReview,
          mustExist: false,
          command: async (_state, metadata): Promise<OpenRenewalReview> => {
            const found = await this.records.state(contractStreams.contract(body.contractId), contract);
            if (found.status !== 'unknown') mustActFor(context.principal, found.purchaserOrgId, `review contract ${body.contractId}`);
            const reviews = await this.readModels.current<RenewalReviews>('renewal-reviews', body.contractId);
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
                openReviewId: openReviewId(reviews),
                successorContractId: successorContractId(reviews),
              },
            };
          },
        },
        context,
      ),
    );
  }
}
