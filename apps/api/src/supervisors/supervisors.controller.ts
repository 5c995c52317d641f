import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Month } from '@sws/stations-contracts';
import { Principal } from '../auth/principal';
import { listScope, readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { ListQueryDto } from '../http/list-query.dto';
import { listRecords } from '../http/list-records';
import { IdParam, MinPositionParam } from '../http/params';
import { MonthParam } from '../http/query-params';
import { Caller, Context } from '../http/request-context.decorator';
import { WriteResponseDto } from '../http/write-response.dto';
import { ReadModels } from '../infrastructure/read-models.service';
import { RequestContext } from '../infrastructure/request-context';
import { GetSupervisorWorkloadQuery } from './get-supervisor-workload/get-supervisor-workload.query';
import { GetSupervisorQuery } from './get-supervisor/get-supervisor.query';
import { RegisterSupervisorCommand } from './register-supervisor/register-supervisor.command';
import { RegisterSupervisorDto } from './register-supervisor/register-supervisor.dto';

@ApiTags('supervisors')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('supervisors')
export class SupervisorsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Roles(...readerRoles('supervisor'))
  list(@Query() query: ListQueryDto, @Caller() caller: Principal) {
    return listRecords(this.readModels, 'supervisor-detail', query, listScope(caller, 'supervisor'));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  register(@Body() body: RegisterSupervisorDto, @Context() context: RequestContext) {
    return this.commands.execute(new RegisterSupervisorCommand(body, context));
  }

  @Get(':supervisorId')
  @Roles(...readerRoles('supervisor'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(@Param('supervisorId', IdParam) supervisorId: string, @Query('minPosition', MinPositionParam) minPosition: Position | null) {
    return this.queries.execute(new GetSupervisorQuery(supervisorId, minPosition));
  }

  @Get(':supervisorId/workload')
  @Roles(...readerRoles('supervisorWorkload'))
  @ApiQuery({ name: 'month', required: true, example: '2026-03' })
  @ApiQuery({ name: 'minPosition', required: false })
  workload(
    @Param('supervisorId', IdParam) supervisorId: string,
    @Query('month', MonthParam) month: Month,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetSupervisorWorkloadQuery(supervisorId, month, minPosition, caller));
  }
}
