import { RequestContext } from '../../infrastructure/request-context';
import { AmendContractDto } from './amend-contract.dto';

export class AmendContractCommand {
  constructor(
    readonly contractId: string,
    readonly body: AmendContractDto,
    readonly context: RequestContext,
  ) {}
}
