import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { renewalReview, ReportRectification, streams } from '@sws/renewal';
import { mustActFor } from '../../auth/write-access';
import { CommandExecutor, WriteResult } from '../../infrastructure/command-executor';
import { ReportRectificationCommand } from './report-rectification.command';

/** The operator reports what it rectified; procurement then closes the rectification. */
@CommandHandler(ReportRectificationCommand)
export class ReportRectificationHandler implements ICommandHandler<ReportRectificationCommand, WriteResult> {
  constructor(private readonly executor: CommandExecutor) {}

  execute({ reviewId, body, context }: ReportRectificationCommand): Promise<WriteResult> {
    return this.executor.execute(
      {
        recordType: 'RenewalReview',
        id: reviewId,
        streamId: streams.renewalReview(reviewId),
        decider: renewalReview,
        mustExist: true,
        command: (state, metadata): ReportRectification => {
          if (state.status !== 'unknown') mustActFor(context.principal, state.operatorOrgId, `report on the rectification of review ${reviewId}`);
          return { type: 'ReportRectification', data: { reviewId, ...body }, metadata };
        },
      },
      context,
    );
  }
}
