import { RequestContext } from '../../infrastructure/request-context';
import { AwardContractDto } from './award-contract.dto';

export class AwardContractCommand {
  constructor(
    readonly body: AwardContractDto,
    readonly context: RequestContext,
  ) {}
}
