import { RequestContext } from '../../infrastructure/request-context';
import { AnnulAssessmentDto } from './annul-assessment.dto';

export class AnnulAssessmentCommand {
  constructor(
    readonly assessmentId: string,
    readonly body: AnnulAssessmentDto,
    readonly context: RequestContext,
  ) {}
}
