import { RequestContext } from '../../infrastructure/request-context';
import { OpenRenewalReviewDto } from './open-renewal-review.dto';

export class OpenRenewalReviewCommand {
  constructor(
    readonly body: OpenRenewalReviewDto,
    readonly context: RequestContext,
  ) {}
}
