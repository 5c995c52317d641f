import { RequestContext } from '../../infrastructure/request-context';
import { RegisterSocialWorkerDto } from './register-social-worker.dto';

export class RegisterSocialWorkerCommand {
  constructor(
    readonly body: RegisterSocialWorkerDto,
    readonly context: RequestContext,
  ) {}
}
