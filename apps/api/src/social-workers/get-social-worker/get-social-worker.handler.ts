import { assertMayRead } from '../../auth/read-access';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SocialWorkerDetail } from '@sws/stations-contracts';
import { ReadModels } from '../../infrastructure/read-models.service';
import { found, ReadResponse } from '../../http/read-response';
import { GetSocialWorkerQuery } from './get-social-worker.query';

@QueryHandler(GetSocialWorkerQuery)
export class GetSocialWorkerHandler implements IQueryHandler<GetSocialWorkerQuery, ReadResponse<unknown>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ socialWorkerId, minPosition, caller }: GetSocialWorkerQuery): Promise<ReadResponse<unknown>> {
    const { document, position } = await this.readModels.read<SocialWorkerDetail>('social-worker-detail', socialWorkerId, minPosition);
    const worker = found('SocialWorker', socialWorkerId, document);
    assertMayRead(caller, 'socialWorker', worker);
    const current = worker.assignments.find((a) => a.until === null) ?? null;
    return { data: { ...worker, currentAssignment: current }, position };
  }
}
