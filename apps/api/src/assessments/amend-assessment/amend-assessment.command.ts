import { RequestContext } from '../../infrastructure/request-context';
import { AmendAssessmentDto } from './amend-assessment.dto';

export class AmendAssessmentCommand {
  constructor(
    readonly assessmentId: string,
    readonly body: AmendAssessmentDto,
    readonly context: RequestContext,
  ) {}
}
