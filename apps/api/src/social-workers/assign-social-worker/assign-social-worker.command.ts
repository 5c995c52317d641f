import { RequestContext } from '../../infrastructure/request-context';
import { AssignSocialWorkerDto } from './assign-social-worker.dto';

export class AssignSocialWorkerCommand {
  constructor(
    readonly socialWorkerId: string,
    readonly body: AssignSocialWorkerDto,
    readonly context: RequestContext,
  ) {}
}
