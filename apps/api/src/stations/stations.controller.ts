import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Caller, Context } from '../http/request-context.decorator';
import { Principal } from '../auth/principal';
import { listScope, readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { WriteResponseDto } from '../http/write-response.dto';
import { RequestContext } from '../infrastructure/request-context';
import { ReadModels } from '../infrastructure/read-models.service';
import { ListQueryDto } from '../http/list-query.dto';
import { listRecords } from '../http/list-records';
import { CloseStationCommand } from './close-station/close-station.command';
import { CloseStationDto } from './close-station/close-station.dto';
import { GetStationQuery } from './get-station/get-station.query';
import { RegisterStationCommand } from './register-station/register-station.command';
import { RegisterStationDto } from './register-station/register-station.dto';

@ApiTags('stations')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('stations')
export class StationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Roles(...readerRoles('station'))
  list(@Query() query: ListQueryDto, @Caller() caller: Principal) {
    return listRecords(this.readModels, 'station-detail', query, listScope(caller, 'station'));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  register(@Body() body: RegisterStationDto, @Context() context: RequestContext) {
    return this.commands.execute(new RegisterStationCommand(body, context));
  }

  @Post(':stationId/closure')
  @Roles('admin')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  close(@Param('stationId', IdParam) stationId: string, @Body() body: CloseStationDto, @Context() context: RequestContext) {
    return this.commands.execute(new CloseStationCommand(stationId, body, context));
  }

  @Get(':stationId')
  @Roles(...readerRoles('station'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('stationId', IdParam) stationId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetStationQuery(stationId, minPosition, caller));
  }
}
