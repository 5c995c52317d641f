import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { latestScore, stationScorecard } from '@sws/assessment';
import { StationDetail } from '@sws/stations-contracts';
import { assertMayRead } from '../../auth/read-access';
import { found, ReadResponse } from '../../http/read-response';
import { ReadModels } from '../../infrastructure/read-models.service';
import { readScorecards } from '../read-scorecards';
import { GetStationScorecardQuery } from './get-station-scorecard.query';

/**
 * Read model 1: a station's finalized scores per period with every revision and the trend, for
 * whoever may read the station. A station never assessed has an empty scorecard.
 */
@QueryHandler(GetStationScorecardQuery)
export class GetStationScorecardHandler implements IQueryHandler<GetStationScorecardQuery, ReadResponse<unknown>> {
  constructor(private readonly readModels: ReadModels) {}

  async execute({ stationId, minPosition, caller }: GetStationScorecardQuery): Promise<ReadResponse<unknown>> {
    const station = found('Station', stationId, (await this.readModels.readMany<StationDetail>('station-detail', [stationId], minPosition)).get(stationId) ?? null);
    assertMayRead(caller, 'station', station);
    const { scorecards, position } = await readScorecards(this.readModels, [stationId], minPosition);
    const scorecard = scorecards.get(stationId) ?? stationScorecard(stationId, []);
    return {
      data: { ...scorecard, stationName: station.name, latest: latestScore(scorecard) },
      position,
    };
  }
}
