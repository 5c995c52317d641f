import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina, minDate } from '@sws/kernel';
import {
  assembleLedger,
  contractIdsForLedger,
  ledgerEntryIds,
  WorkerLedgerEntry,
  workerLedgerProjection,
  WorkerLedgerView,
  workerLedgerView,
  WorkerYearPart,
  workerYearOf,
  workerYearPartIds,
  workerYearProjection,
  yearBounds,
} from '@sws/reporting';
import { ContractDetail, SocialWorkerDetail } from '@sws/stations-contracts';
import { assertMayRead } from '../../auth/read-access';
import { badField } from '../../http/params';
import { found, ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ComposedReads } from '../../infrastructure/composed-read';
import { GetWorkerLedgerQuery } from './get-worker-ledger.query';

/**
 * A worker's year (read model 2): attested and unattested supervision hours, training hours,
 * late sessions and compliance with the requirements of every contract they served that year,
 * at every station, as of today (or the year's last day for a past year).
 */
@QueryHandler(GetWorkerLedgerQuery)
export class GetWorkerLedgerHandler implements IQueryHandler<GetWorkerLedgerQuery, ReadResponse<WorkerLedgerView>> {
  constructor(
    private readonly reads: ComposedReads,
    private readonly clock: Clock,
  ) {}

  async execute({ socialWorkerId, year: asked, minPosition, caller }: GetWorkerLedgerQuery): Promise<ReadResponse<WorkerLedgerView>> {
    const today = dateInChina(this.clock.now().toISOString());
    const year = asked ?? Number(today.slice(0, 4));
    if (year > Number(today.slice(0, 4))) throw badField('year', `must not be after the current year (${today.slice(0, 4)})`);
    const read = this.reads.begin(minPosition);
    const worker = found('SocialWorker', socialWorkerId, await read.get<SocialWorkerDetail>('social-worker-detail', socialWorkerId));
    assertMayRead(caller, 'workerLedger', worker);
    // The year's small index documents (six shares of its sessions, one of its training), then the entries they list: no document of the whole year is parsed.
    const parts = await read.getMany<WorkerYearPart>(workerYearProjection.name, workerYearPartIds(socialWorkerId, year));
    const index = workerYearOf(socialWorkerId, year, parts);
    const entries = await read.getMany<WorkerLedgerEntry>(workerLedgerProjection.name, ledgerEntryIds(socialWorkerId, year, index));
    const ledger = assembleLedger(socialWorkerId, year, index, entries);
    const contracts = await read.getMany<ContractDetail>('contract-detail', contractIdsForLedger(worker, year));
    const asOf = minDate(today, yearBounds(year).last);
    const view = workerLedgerView({ socialWorkerId, year, asOf, ledger, worker, contracts: [...contracts.values()] });
    return { data: view, position: read.position() };
  }
}
