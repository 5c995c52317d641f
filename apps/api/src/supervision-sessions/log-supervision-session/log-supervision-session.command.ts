import { RequestContext } from '../../infrastructure/request-context';
import { LogSupervisionSessionDto } from './log-supervision-session.dto';

export class LogSupervisionSessionCommand {
  constructor(
    readonly body: LogSupervisionSessionDto,
    readonly context: RequestContext,
  ) {}
}
