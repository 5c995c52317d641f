import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { SupervisorDetail } from '@sws/supervision';
import { found, ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { GetSupervisorQuery } from './get-supervisor.query';

/** A supervisor of the pool: reference data every role reads. */
@QueryHandler(GetSupervisorQuery)
export class GetSupervisorHandler implements IQueryHandler<GetSupervisorQuery, ReadResponse<SupervisorDetail>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ supervisorId, minPosition }: GetSupervisorQuery): Promise<ReadResponse<SupervisorDetail>> {
    const { document, position } = await this.readModels.read<SupervisorDetail>('supervisor-detail', supervisorId, minPosition);
    return { data: found('Supervisor', supervisorId, document), position };
  }
}
