import { RequestContext } from '../../infrastructure/request-context';
import { DeclareAffiliationDto } from './declare-affiliation.dto';

export class DeclareAffiliationCommand {
  constructor(
    readonly organizationId: string,
    readonly body: DeclareAffiliationDto,
    readonly context: RequestContext,
  ) {}
}
