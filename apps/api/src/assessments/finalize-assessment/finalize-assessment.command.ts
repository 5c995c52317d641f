import { RequestContext } from '../../infrastructure/request-context';
import { FinalizeAssessmentDto } from './finalize-assessment.dto';

export class FinalizeAssessmentCommand {
  constructor(
    readonly assessmentId: string,
    readonly body: FinalizeAssessmentDto,
    readonly context: RequestContext,
  ) {}
}
