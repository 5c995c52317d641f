import { RequestContext } from '../../infrastructure/request-context';
import { SubmitAssessmentDto } from './submit-assessment.dto';

export class SubmitAssessmentCommand {
  constructor(
    readonly assessmentId: string,
    readonly body: SubmitAssessmentDto,
    readonly context: RequestContext,
  ) {}
}
