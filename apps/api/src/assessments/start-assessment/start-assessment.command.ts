import { RequestContext } from '../../infrastructure/request-context';
import { StartAssessmentDto } from './start-assessment.dto';

export class StartAssessmentCommand {
  constructor(
    readonly body: StartAssessmentDto,
    readonly context: RequestContext,
  ) {}
}
