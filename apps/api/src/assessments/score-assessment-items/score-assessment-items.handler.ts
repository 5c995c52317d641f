import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { WriteResult } from '../../infrastructure/command-executor';
import { AssessmentWrites, itsAssessor } from '../assessment-writes';
import { ScoreAssessmentItemsCommand } from './score-assessment-items.command';

@CommandHandler(ScoreAssessmentItemsCommand)
export class ScoreAssessmentItemsHandler implements ICommandHandler<ScoreAssessmentItemsCommand, WriteResult> {
  constructor(private readonly writes: AssessmentWrites) {}

  execute({ assessmentId, body, context }: ScoreAssessmentItemsCommand): Promise<WriteResult> {
    return this.writes.carryOutIndependently(assessmentId, context, itsAssessor(`score assessment ${assessmentId}`), (metadata, facts) => ({
      type: 'ScoreAssessmentItems',
      data: { assessmentId, scores: body.scores },
      metadata,
      facts,
    }));
  }
}
