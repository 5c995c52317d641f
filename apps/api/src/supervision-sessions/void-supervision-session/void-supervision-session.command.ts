import { RequestContext } from '../../infrastructure/request-context';
import { VoidSupervisionSessionDto } from './void-supervision-session.dto';

export class VoidSupervisionSessionCommand {
  constructor(
    readonly sessionId: string,
    readonly body: VoidSupervisionSessionDto,
    readonly context: RequestContext,
  ) {}
}
