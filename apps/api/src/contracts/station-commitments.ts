import { Injectable } from '@nestjs/common';
import { StationCommitment, StationDetail } from '@sws/stations-contracts';
import { KeyedMutex } from '../infrastructure/mutex';
import { ReadModels } from '../infrastructure/read-models.service';

/**
 * A station is in at most one active contract at a time. The commands that change which
 * contract holds a station run one at a time here, each looking at the stations' contracts
 * only once the read model has caught up with the whole log.
 */
@Injectable()
export class StationCommitments {
  constructor(
    private readonly readModels: ReadModels,
    private readonly mutex: KeyedMutex,
  ) {}

  exclusively<T>(work: () => Promise<T>): Promise<T> {
    return this.mutex.run('station-commitments', work);
  }

  async of(stationIds: readonly string[]): Promise<StationCommitment[]> {
    await this.readModels.catchUpWithLog('station-detail');
    const stations = await this.readModels.readMany<StationDetail>('station-detail', stationIds, null);
    return [...stations.values()].flatMap((station) =>
      station.contracts.map((c) => ({ stationId: station.id, contractId: c.contractId, start: c.term.start, end: c.lastDay })),
    );
  }
}
