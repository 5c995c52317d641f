import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { contractIdsForLedger, contractPerformance, performanceSources, WorkerLedger } from '@sws/reporting';
import { ContractDetail, ServiceOutputMonth, SocialWorkerDetail } from '@sws/stations-contracts';
import { assertMayRead } from '../../auth/read-access';
import { badField } from '../../http/params';
import { found, ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ComposedReads } from '../../infrastructure/composed-read';
import { contractStaffing } from '../contract-staffing';
import { GetContractPerformanceQuery } from './get-contract-performance.query';

/**
 * Read model 3 for one contract, composed at query time: staffing compliance, the share of its
 * workers meeting the supervision and training requirements (prorated to the date), service
 * output against targets, the administrative share of hours and the satisfaction rate, each
 * with the events it comes from. Requirements are per calendar year: the year of `asOf`.
 */
@QueryHandler(GetContractPerformanceQuery)
export class GetContractPerformanceHandler implements IQueryHandler<GetContractPerformanceQuery, ReadResponse<unknown>> {
  constructor(
    private readonly reads: ComposedReads,
    private readonly clock: Clock,
  ) {}

  async execute({ contractId, asOf: asked, minPosition, caller }: GetContractPerformanceQuery): Promise<ReadResponse<unknown>> {
    const today = dateInChina(this.clock.now().toISOString());
    if (asked !== null && asked > today) throw badField('asOf', `must not be after today (${today})`);
    const asOf = asked ?? today;
    const read = this.reads.begin(minPosition);
    const contract = found('Contract', contractId, await read.get<ContractDetail>('contract-detail', contractId));
    assertMayRead(caller, 'contract', contract);
    const sources = performanceSources(contract, asOf);
    const workers = await read.getMany<SocialWorkerDetail>('social-worker-detail', sources.socialWorkerIds);
    const ledgers = await read.getMany<WorkerLedger>('worker-ledger', sources.ledgerIds);
    const outputs = await read.getMany<ServiceOutputMonth>('service-output', sources.serviceOutputIds);
    const others = [...new Set([...workers.values()].flatMap((w) => contractIdsForLedger(w, sources.year)))].filter((id) => id !== contractId);
    const contracts = await read.getMany<ContractDetail>('contract-detail', others);
    const performance = contractPerformance({
      contract,
      asOf,
      workers: sources.socialWorkerIds.map((socialWorkerId, index) => ({
        socialWorkerId,
        assignments: workers.get(socialWorkerId)?.assignments ?? contract.assignments.filter((a) => a.socialWorkerId === socialWorkerId),
        ledger: ledgers.get(sources.ledgerIds[index]) ?? null,
      })),
      contracts: [...contracts.values()],
      serviceOutput: [...outputs.values()],
    });
    const { status, lastDay, staffing } = contractStaffing(contract, asOf);
    return { data: { ...performance, status, lastDay, staffing, requirements: contract.requirements }, position: read.position() };
  }
}
