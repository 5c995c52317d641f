import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { dateInChina } from '@sws/kernel';
import { ContractDetail } from '@sws/stations-contracts';
import { rectificationStatus, rectificationsBinding } from '@sws/renewal';
import { assertMayRead } from '../../auth/read-access';
import { badField } from '../../http/params';
import { found, ReadResponse } from '../../http/read-response';
import { Clock } from '../../infrastructure/clock';
import { ComposedReads } from '../../infrastructure/composed-read';
import { contractFigures } from '../../renewal/contract-figures';
import { contractStaffing } from '../contract-staffing';
import { GetContractPerformanceQuery } from './get-contract-performance.query';

/**
 * Read model 3 for one contract, composed at query time: staffing compliance, the share of its
 * workers meeting the supervision and training requirements (prorated to the date), service
 * output against targets, the administrative share of hours, the satisfaction rate, scores and
 * open rectifications, each with the events it comes from. The figures are the ones renewal
 * eligibility is judged on (`contractFigures`). Hours are per calendar year: the year of
 * `asOf`, or of the contract's last day once it has ended.
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
    assertMayRead(caller, 'contract', found('Contract', contractId, await read.get<ContractDetail>('contract-detail', contractId)));
    const figures = found('Contract', contractId, await contractFigures(read, contractId, asOf));
    const { contract, performance } = figures;
    const { status, lastDay, staffing } = contractStaffing(contract, asOf, figures.closures);
    const scores = figures.assessments.filter((a) => a.finalized!.finalizedOn <= asOf).map((a) => ({
      assessmentId: a.id,
      stationId: a.stationId,
      period: a.period,
      assessorKind: a.assessorKind,
      total: a.score!.total,
      grade: a.score!.grade,
      revision: a.score!.revision,
      finalizedOn: a.finalized!.finalizedOn,
      sourceEventIds: a.revisions.map((r) => r.eventId),
    }));
    const rectifications = rectificationsBinding(contract.id, figures.reviews, figures.predecessorReviews)
      .map((r) => ({ ...r, status: rectificationStatus(r, asOf) }))
      .filter((r) => r.status === 'open' || r.status === 'overdue' || r.status === 'reported');
    return {
      data: { ...performance, status, lastDay, staffing, requirements: contract.requirements, scores, openRectifications: rectifications },
      position: read.position(),
    };
  }
}
