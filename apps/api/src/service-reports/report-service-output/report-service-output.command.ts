import { RequestContext } from '../../infrastructure/request-context';
import { ReportServiceOutputDto } from './report-service-output.dto';

export class ReportServiceOutputCommand {
  constructor(
    readonly body: ReportServiceOutputDto,
    readonly context: RequestContext,
  ) {}
}
