import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, itsAssessor } from '../assessment-writes';
import { WithdrawAssessmentCommand } from './withdraw-assessment.command';

@CommandHandler(WithdrawAssessmentCommand)
export class WithdrawAssessmentHandler implements ICommandHandler<WithdrawAssessmentCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, body, context }: WithdrawAssessmentCommand): Promise<WriteResult> {
    return this.writes.carryOut(assessmentId, context, itsAssessor(`withdraw assessment ${assessmentId}`), (metadata) => ({
      type: 'WithdrawAssessment',
      data: { assessmentId, reason: body.reason },
      metadata,
    }));
  }
}
