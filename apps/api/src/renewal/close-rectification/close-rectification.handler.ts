import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CloseRectification, renewalReview, streams } from '@sws/renewal';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { CloseRectificationCommand } from './close-rectification.command';

/** Procurement closes a rectification as completed or failed; a failed one keeps the contract conditional at best. */
@CommandHandler(CloseRectificationCommand)
export class CloseRectificationHandler implements ICommandHandler<CloseRectificationCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ reviewId, body, context }: CloseRectificationCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'RenewalReview',
        id: reviewId,
        streamId: streams.renewalReview(reviewId),
        decider: renewalReview,
        mustExist: true,
        command: (state, metadata): CloseRectification => {
          if (state.status !== 'unknown') mustActFor(context.principal, state.purchaserOrgId, `close the rectification of review ${reviewId}`);
          return { type: 'CloseRectification', data: { reviewId, ...body }, metadata };
        },
      },
      context,
    );
  }
}
