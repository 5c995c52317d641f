import { RequestContext } from '../../infrastructure/request-context';
import { ScoreAssessmentItemsDto } from './score-assessment-items.dto';

export class ScoreAssessmentItemsCommand {
  constructor(
    readonly assessmentId: string,
    readonly body: ScoreAssessmentItemsDto,
    readonly context: RequestContext,
  ) {}
}
