import { assertMayRead } from '../../auth/read-access';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina, minDate } from '@sws/kernel';
import { ContractDetail, headcountOn, lastDay, staffingCompliance } from '@sws/stations-contracts';
import { Clock } from '../../infrastructure/clock';
import { ReadModels } from '../../infrastructure/read-models.service';
import { found, ReadResponse } from '../../http/read-response';
import { GetContractQuery } from './get-contract.query';

/** The contract with its staffing compliance so far: the share of its days every station met its minimum. */
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
    const last = lastDay(contract.term, contract.terminated?.effectiveOn ?? null);
    const minimum = contract.requirements.minWorkersPerStation;
    const compliance = staffingCompliance({
      stationIds: contract.stationIds,
      spans: contract.assignments,
      minimum,
      firstDay: contract.term.start,
      lastDay: minDate(last, today),
    });
    return {
      data: {
        ...contract,
        today,
        lastDay: last,
        status: contract.terminated ? 'terminated' : today < contract.term.start ? 'upcoming' : today > last ? 'ended' : 'active',
        staffing: {
          minimumPerStation: minimum,
          headcountToday: Object.fromEntries(
            contract.stationIds.map((stationId) => [stationId, headcountOn(contract.assignments, stationId, today)]),
          ),
          compliance,
        },
      },
      position,
    };
  }
}
