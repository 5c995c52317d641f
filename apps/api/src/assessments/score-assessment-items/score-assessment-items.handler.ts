import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, itsAssessor } from '../assessment-writes';
import { ScoreAssessmentItemsCommand } from './score-assessment-items.command';

@CommandHandler(ScoreAssessmentItemsCommand)
export class ScoreAssessmentItemsHandler implements ICommandHandler<ScoreAssessmentItemsCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, body, context }: ScoreAssessmentItemsCommand): Promise<WriteResult> {
    return this.writes.carryOut(assessmentId, context, itsAssessor(`score assessment ${assessmentId}`), (metadata) => ({
      type: 'ScoreAssessmentItems',
      data: { assessmentId, scores: body.scores },
      metadata,
    }));
  }
}
