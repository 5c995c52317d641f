import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Caller, Context } from '../http/request-context.decorator';
import { Principal } from '../auth/principal';
import { listScope, readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { OptionalDateParam } from '../http/query-params';
import { CalendarDate, dateInChina } from '@sws/kernel';
import { Clock } from '../infrastructure/clock';
import { WriteResponseDto } from '../http/write-response.dto';
import { RequestContext } from '../infrastructure/request-context';
import { ReadModels } from '../infrastructure/read-models.service';
import { ContractListQueryDto } from './contract-list-query.dto';
import { listContracts } from './list-contracts';
import { AmendContractCommand } from './amend-contract/amend-contract.command';
import { AmendContractDto } from './amend-contract/amend-contract.dto';
import { AwardContractCommand } from './award-contract/award-contract.command';
import { AwardContractDto } from './award-contract/award-contract.dto';
import { GetContractQuery } from './get-contract/get-contract.query';
import { GetContractPerformanceQuery } from './get-contract-performance/get-contract-performance.query';
import { TerminateContractCommand } from './terminate-contract/terminate-contract.command';
import { TerminateContractDto } from './terminate-contract/terminate-contract.dto';

@ApiTags('contracts')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('contracts')
export class ContractsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Get()
  @Roles(...readerRoles('contract'))
  list(@Query() query: ContractListQueryDto, @Caller() caller: Principal) {
    return listContracts(this.readModels, query, listScope(caller, 'contract'), dateInChina(this.clock.now().toISOString()));
  }

  @Post()
  @Roles('procurement')
  @ApiCreatedResponse({ type: WriteResponseDto })
  award(@Body() body: AwardContractDto, @Context() context: RequestContext) {
    return this.commands.execute(new AwardContractCommand(body, context));
  }

  @Post(':contractId/amendments')
  @Roles('procurement')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  amend(@Param('contractId', IdParam) contractId: string, @Body() body: AmendContractDto, @Context() context: RequestContext) {
    return this.commands.execute(new AmendContractCommand(contractId, body, context));
  }

  @Post(':contractId/termination')
  @Roles('procurement')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  terminate(
    @Param('contractId', IdParam) contractId: string,
    @Body() body: TerminateContractDto,
    @Context() context: RequestContext,
  ) {
    return this.commands.execute(new TerminateContractCommand(contractId, body, context));
  }

  @Get(':contractId')
  @Roles(...readerRoles('contract'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('contractId', IdParam) contractId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetContractQuery(contractId, minPosition, caller));
  }

  @Get(':contractId/performance')
  @Roles(...readerRoles('contract'))
  @ApiQuery({ name: 'asOf', required: false, example: '2026-06-30', description: 'A business date up to today; default today' })
  @ApiQuery({ name: 'minPosition', required: false })
  performance(
    @Param('contractId', IdParam) contractId: string,
    @Query('asOf', OptionalDateParam) asOf: CalendarDate | null,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetContractPerformanceQuery(contractId, asOf, minPosition, caller));
  }
}
