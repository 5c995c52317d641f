import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, itsOperator } from '../assessment-writes';
import { RespondToAssessmentCommand } from './respond-to-assessment.command';

/** The contract's operator answers a submitted assessment, once, within the window. */
@CommandHandler(RespondToAssessmentCommand)
export class RespondToAssessmentHandler implements ICommandHandler<RespondToAssessmentCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, body, context }: RespondToAssessmentCommand): Promise<WriteResult> {
    return this.writes.carryOut(assessmentId, context, itsOperator(`respond to assessment ${assessmentId}`), (metadata) => ({
      type: 'RespondToAssessment',
      data: { assessmentId, agrees: body.agrees, comment: body.comment ?? '' },
      metadata,
    }));
  }
}
