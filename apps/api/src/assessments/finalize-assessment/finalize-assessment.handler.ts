import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, itsAssessor } from '../assessment-writes';
import { FinalizeAssessmentCommand } from './finalize-assessment.command';

@CommandHandler(FinalizeAssessmentCommand)
export class FinalizeAssessmentHandler implements ICommandHandler<FinalizeAssessmentCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, context }: FinalizeAssessmentCommand): Promise<WriteResult> {
    return this.writes.carryOutIndependently(assessmentId, context, itsAssessor(`finalize assessment ${assessmentId}`), (metadata, facts) => ({
      type: 'FinalizeAssessment',
      data: { assessmentId },
      metadata,
      facts,
    }));
  }
}
