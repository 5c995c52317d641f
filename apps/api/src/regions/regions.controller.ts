import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Roles } from '../auth/roles.decorator';
import { MinPositionParam } from '../http/params';
import { GetRegionRollupQuery } from './get-region-rollup/get-region-rollup.query';
import { RegionCodeParam } from './region-code.param';

@ApiTags('regions')
@Controller('regions')
export class RegionsController {
  constructor(private readonly queries: QueryBus) {}

  /** Stations, grade distribution, mean score, certified share and staffing compliance of a county or city. */
  @Get(':code/rollup')
  @Roles('admin', 'procurement', 'evaluator')
  @ApiParam({ name: 'code', example: '370112', description: 'County code (6 digits) or city code (4 digits and 00)' })
  @ApiQuery({ name: 'minPosition', required: false })
  get(@Param('code', RegionCodeParam) code: string, @Query('minPosition', MinPositionParam) minPosition: Position | null) {
    return this.queries.execute(new GetRegionRollupQuery(code, minPosition));
  }
}
