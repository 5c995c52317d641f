import { RequestContext } from '../../infrastructure/request-context';
import { CorrectSupervisionSessionDto } from './correct-supervision-session.dto';

export class CorrectSupervisionSessionCommand {
  constructor(
    readonly sessionId: string,
    readonly body: CorrectSupervisionSessionDto,
    readonly context: RequestContext,
  ) {}
}
