import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Principal } from '../auth/principal';
import { readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { Caller } from '../http/request-context.decorator';
import { GetStationScorecardQuery } from './get-station-scorecard/get-station-scorecard.query';

/** A station's scorecard, under the station it belongs to. */
@ApiTags('stations')
@Controller('stations')
export class ScorecardsController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':stationId/scorecard')
  @Roles(...readerRoles('station'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('stationId', IdParam) stationId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetStationScorecardQuery(stationId, minPosition, caller));
  }
}
