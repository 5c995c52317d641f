import { RequestContext } from '../../infrastructure/request-context';
import { AttestSupervisionSessionDto } from './attest-supervision-session.dto';

export class AttestSupervisionSessionCommand {
  constructor(
    readonly sessionId: string,
    readonly body: AttestSupervisionSessionDto,
    readonly context: RequestContext,
  ) {}
}
