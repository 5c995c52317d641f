import { RequestContext } from '../../infrastructure/request-context';
import { TerminateContractDto } from './terminate-contract.dto';

export class TerminateContractCommand {
  constructor(
    readonly contractId: string,
    readonly body: TerminateContractDto,
    readonly context: RequestContext,
  ) {}
}
