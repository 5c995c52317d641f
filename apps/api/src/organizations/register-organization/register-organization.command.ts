import { RequestContext } from '../../infrastructure/request-context';
import { RegisterOrganizationDto } from './register-organization.dto';

export class RegisterOrganizationCommand {
  constructor(
    readonly body: RegisterOrganizationDto,
    readonly context: RequestContext,
  ) {}
}
