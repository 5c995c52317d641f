import { Injectable } from '@nestjs/common';
import { AwardContract, organization, station, streams } from '@sws/stations-contracts';
import { Records } from '../infrastructure/records';
import { KeyReads } from '../infrastructure/reservations/reservations';
import { StationCommitments } from './station-commitments';

/**
 * What awarding a contract checks beyond its own data: the parties' kinds, the stations' state
 * and the other contracts holding them, read from the stations' keys (which finishes any
 * closure or award met pending there) before the stations' own streams.
 */
@Injectable()
export class AwardFacts {
  constructor(
    private readonly records: Records,
    private readonly commitments: StationCommitments,
  ) {}

  async gather(body: { purchaserOrgId: string; operatorOrgId: string; stationIds: readonly string[] }, keys: KeyReads): Promise<AwardContract['facts']> {
    const commitments = await this.commitments.of(body.stationIds, keys);
    const [purchaser, operator] = await Promise.all(
      [body.purchaserOrgId, body.operatorOrgId].map((id) => this.records.state(streams.organization(id), organization)),
    );
    const stationStatus: Record<string, 'open' | 'closed' | 'unknown'> = {};
    for (const stationId of body.stationIds) {
      stationStatus[stationId] = (await this.records.state(streams.station(stationId), station)).status;
    }
    return {
      purchaserKind: purchaser.status === 'registered' ? purchaser.kind : null,
      operatorKind: operator.status === 'registered' ? operator.kind : null,
      stationStatus,
      commitments,
    };
  }
}
