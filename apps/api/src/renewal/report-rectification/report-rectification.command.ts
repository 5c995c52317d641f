import { RequestContext } from '../../infrastructure/request-context';
import { ReportRectificationDto } from './report-rectification.dto';

export class ReportRectificationCommand {
  constructor(
    readonly reviewId: string,
    readonly body: ReportRectificationDto,
    readonly context: RequestContext,
  ) {}
}
