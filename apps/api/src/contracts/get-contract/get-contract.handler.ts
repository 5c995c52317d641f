import { assertMayRead } from '../../auth/read-access';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { closuresBy, ContractDetail, StationDetail } from '@sws/stations-contracts';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { found, ReadResponse } from '../../http/read-response';
import { contractStaffing } from '../contract-staffing';
import { GetContractQuery } from './get-contract.query';

/** The contract with its staffing compliance so far: the share of its days every open station met the minimum in force. */
@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery, ReadResponse<unknown>> {
  constructor(
    private readonly readModels: ReadModels,
    private readonly clock: Clock,
  ) {}

  async execute({ contractId, minPosition, caller }: GetContractQuery): Promise<ReadResponse<unknown>> {
    const { document, position } = await this.readModels.read<ContractDetail>('contract-detail', contractId, minPosition);
    const contract = found('Contract', contractId, document);
    assertMayRead(caller, 'contract', contract);
    const today = dateInChina(this.clock.now().toISOString());
    const stations = await this.readModels.readMany<StationDetail>('station-detail', contract.stationIds, minPosition);
    return { data: { ...contract, ...contractStaffing(contract, today, closuresBy(contract.stationIds, stations, today)) }, position };
  }
}
