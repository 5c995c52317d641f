import { RequestContext } from '../../infrastructure/request-context';
import { RegisterSupervisorDto } from './register-supervisor.dto';

export class RegisterSupervisorCommand {
  constructor(
    readonly body: RegisterSupervisorDto,
    readonly context: RequestContext,
  ) {}
}
