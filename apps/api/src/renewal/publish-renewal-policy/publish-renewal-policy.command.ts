import { RequestContext } from '../../infrastructure/request-context';
import { PublishRenewalPolicyDto } from './publish-renewal-policy.dto';

export class PublishRenewalPolicyCommand {
  constructor(
    readonly body: PublishRenewalPolicyDto,
    readonly context: RequestContext,
  ) {}
}
