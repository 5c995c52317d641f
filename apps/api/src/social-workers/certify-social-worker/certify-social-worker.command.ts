import { RequestContext } from '../../infrastructure/request-context';
import { CertifySocialWorkerDto } from './certify-social-worker.dto';

export class CertifySocialWorkerCommand {
  constructor(
    readonly socialWorkerId: string,
    readonly body: CertifySocialWorkerDto,
    readonly context: RequestContext,
  ) {}
}
