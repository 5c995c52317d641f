import { RequestContext } from '../../infrastructure/request-context';
import { WithdrawAssessmentDto } from './withdraw-assessment.dto';

export class WithdrawAssessmentCommand {
  constructor(
    readonly assessmentId: string,
    readonly body: WithdrawAssessmentDto,
    readonly context: RequestContext,
  ) {}
}
