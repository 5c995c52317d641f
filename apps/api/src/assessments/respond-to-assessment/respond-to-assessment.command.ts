import { RequestContext } from '../../infrastructure/request-context';
import { RespondToAssessmentDto } from './respond-to-assessment.dto';

export class RespondToAssessmentCommand {
  constructor(
    readonly assessmentId: string,
    readonly body: RespondToAssessmentDto,
    readonly context: RequestContext,
  ) {}
}
