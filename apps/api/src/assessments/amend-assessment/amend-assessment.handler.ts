import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, itsAssessor } from '../assessment-writes';
import { AmendAssessmentCommand } from './amend-assessment.command';

@CommandHandler(AmendAssessmentCommand)
export class AmendAssessmentHandler implements ICommandHandler<AmendAssessmentCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, body, context }: AmendAssessmentCommand): Promise<WriteResult> {
    return this.writes.carryOutIndependently(assessmentId, context, itsAssessor(`amend assessment ${assessmentId}`), (metadata, facts) => ({
      type: 'AmendAssessment',
      data: { assessmentId, scores: body.scores, reason: body.reason },
      metadata,
      facts,
    }));
  }
}
