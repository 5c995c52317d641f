import { RequestContext } from '../../infrastructure/request-context';
import { RecordRenewalDecisionDto } from './record-renewal-decision.dto';

export class RecordRenewalDecisionCommand {
  constructor(
    readonly reviewId: string,
    readonly body: RecordRenewalDecisionDto,
    readonly context: RequestContext,
  ) {}
}
