import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, itsAssessor } from '../assessment-writes';
import { SubmitAssessmentCommand } from './submit-assessment.command';

@CommandHandler(SubmitAssessmentCommand)
export class SubmitAssessmentHandler implements ICommandHandler<SubmitAssessmentCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, body, context }: SubmitAssessmentCommand): Promise<WriteResult> {
    return this.writes.carryOutIndependently(assessmentId, context, itsAssessor(`submit assessment ${assessmentId}`), (metadata, facts) => ({
      type: 'SubmitAssessment',
      data: { assessmentId, ...body },
      metadata,
      facts,
    }));
  }
}
