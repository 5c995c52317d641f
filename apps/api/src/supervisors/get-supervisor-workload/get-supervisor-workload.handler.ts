import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { supervisorWorkloadId, SupervisorWorkload, workloadOf } from '@sws/reporting';
import { ContractDetail } from '@sws/stations-contracts';
import { SupervisorDetail } from '@sws/supervision';
import { assertMayRead } from '../../auth/read-access';
import { found, ReadResponse } from '../../http/read-response';
import { ComposedReads } from '../../infrastructure/composed-read';
import { GetSupervisorWorkloadQuery } from './get-supervisor-workload.query';

/**
 * A supervisor's month: sessions, hours, supervisees and stations. For the centre, the supervisor
 * themself, and the operators and purchasers of the contracts the supervisor has served.
 */
@QueryHandler(GetSupervisorWorkloadQuery)
export class GetSupervisorWorkloadHandler implements IQueryHandler<GetSupervisorWorkloadQuery, ReadResponse<SupervisorWorkload>> {
  constructor(private readonly reads: ComposedReads) {}

  async execute({ supervisorId, month, minPosition, caller }: GetSupervisorWorkloadQuery): Promise<ReadResponse<SupervisorWorkload>> {
    const read = this.reads.begin(minPosition);
    const supervisor = found('Supervisor', supervisorId, await read.get<SupervisorDetail>('supervisor-detail', supervisorId));
    const contracts = await read.getMany<ContractDetail>('contract-detail', supervisor.contractIds);
    const parties = [...new Set([...contracts.values()].flatMap((c) => c.parties))];
    assertMayRead(caller, 'supervisorWorkload', { id: supervisorId, parties });
    const document = await read.get<SupervisorWorkload>('supervisor-workload', supervisorWorkloadId(supervisorId, month));
    return { data: workloadOf(document, supervisorId, month), position: read.position() };
  }
}
