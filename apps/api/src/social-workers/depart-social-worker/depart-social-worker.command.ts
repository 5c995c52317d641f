import { RequestContext } from '../../infrastructure/request-context';
import { DepartSocialWorkerDto } from './depart-social-worker.dto';

export class DepartSocialWorkerCommand {
  constructor(
    readonly socialWorkerId: string,
    readonly body: DepartSocialWorkerDto,
    readonly context: RequestContext,
  ) {}
}
