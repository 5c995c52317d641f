import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { ContractDetail } from '@sws/stations-contracts';
import { SupervisionSessionDetail } from '@sws/supervision';
import { assertMayRead } from '../../auth/read-access';
import { found, ReadResponse } from '../../http/read-response';
import { ComposedReads } from '../../infrastructure/composed-read';
import { GetSupervisionSessionQuery } from './get-supervision-session.query';

/**
 * A session with its attestations, corrections and void: for its supervisor and supervisees,
 * the operator and purchaser of its contract, the centre and the evaluators.
 */
@QueryHandler(GetSupervisionSessionQuery)
export class GetSupervisionSessionHandler implements IQueryHandler<GetSupervisionSessionQuery, ReadResponse<SupervisionSessionDetail>> {
  constructor(private readonly reads: ComposedReads) {}

  async execute({ sessionId, minPosition, caller }: GetSupervisionSessionQuery): Promise<ReadResponse<SupervisionSessionDetail>> {
    const read = this.reads.begin(minPosition);
    const session = found('SupervisionSession', sessionId, await read.get<SupervisionSessionDetail>('supervision-session-detail', sessionId));
    const contract = await read.get<ContractDetail>('contract-detail', session.contractId);
    assertMayRead(caller, 'supervisionSession', {
      id: sessionId,
      parties: contract?.parties ?? [],
      selves: [session.supervisorId, ...session.superviseeIds],
    });
    return { data: session, position: read.position() };
  }
}
