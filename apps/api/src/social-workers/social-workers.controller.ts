import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Caller, Context } from '../http/request-context.decorator';
import { Principal } from '../auth/principal';
import { listScope, readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { OptionalYearParam } from '../http/query-params';
import { WriteResponseDto } from '../http/write-response.dto';
import { RequestContext } from '../infrastructure/request-context';
import { ReadModels } from '../infrastructure/read-models.service';
import { ListQueryDto } from '../http/list-query.dto';
import { listRecords } from '../http/list-records';
import { AssignSocialWorkerCommand } from './assign-social-worker/assign-social-worker.command';
import { AssignSocialWorkerDto } from './assign-social-worker/assign-social-worker.dto';
import { CertifySocialWorkerCommand } from './certify-social-worker/certify-social-worker.command';
import { CertifySocialWorkerDto } from './certify-social-worker/certify-social-worker.dto';
import { DepartSocialWorkerCommand } from './depart-social-worker/depart-social-worker.command';
import { DepartSocialWorkerDto } from './depart-social-worker/depart-social-worker.dto';
import { GetSocialWorkerQuery } from './get-social-worker/get-social-worker.query';
import { GetWorkerLedgerQuery } from './get-worker-ledger/get-worker-ledger.query';
import { RegisterSocialWorkerCommand } from './register-social-worker/register-social-worker.command';
import { RegisterSocialWorkerDto } from './register-social-worker/register-social-worker.dto';

@ApiTags('social-workers')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('social-workers')
export class SocialWorkersController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Roles(...readerRoles('socialWorker'))
  list(@Query() query: ListQueryDto, @Caller() caller: Principal) {
    return listRecords(this.readModels, 'social-worker-detail', query, listScope(caller, 'socialWorker'));
  }

  @Post()
  @Roles('admin', 'operator')
  @ApiCreatedResponse({ type: WriteResponseDto })
  register(@Body() body: RegisterSocialWorkerDto, @Context() context: RequestContext) {
    return this.commands.execute(new RegisterSocialWorkerCommand(body, context));
  }

  @Post(':socialWorkerId/certifications')
  @Roles('admin', 'operator')
  @ApiCreatedResponse({ type: WriteResponseDto })
  certify(
    @Param('socialWorkerId', IdParam) socialWorkerId: string,
    @Body() body: CertifySocialWorkerDto,
    @Context() context: RequestContext,
  ) {
    return this.commands.execute(new CertifySocialWorkerCommand(socialWorkerId, body, context));
  }

  @Post(':socialWorkerId/assignments')
  @Roles('operator')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  assign(
    @Param('socialWorkerId', IdParam) socialWorkerId: string,
    @Body() body: AssignSocialWorkerDto,
    @Context() context: RequestContext,
  ) {
    return this.commands.execute(new AssignSocialWorkerCommand(socialWorkerId, body, context));
  }

  @Post(':socialWorkerId/departures')
  @Roles('operator')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  depart(
    @Param('socialWorkerId', IdParam) socialWorkerId: string,
    @Body() body: DepartSocialWorkerDto,
    @Context() context: RequestContext,
  ) {
    return this.commands.execute(new DepartSocialWorkerCommand(socialWorkerId, body, context));
  }

  @Get(':socialWorkerId')
  @Roles(...readerRoles('socialWorker'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('socialWorkerId', IdParam) socialWorkerId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetSocialWorkerQuery(socialWorkerId, minPosition, caller));
  }

  @Get(':socialWorkerId/ledger')
  @Roles(...readerRoles('workerLedger'))
  @ApiQuery({ name: 'year', required: false, example: 2026, description: 'A calendar year up to the current one; default the current one' })
  @ApiQuery({ name: 'minPosition', required: false })
  ledger(
    @Param('socialWorkerId', IdParam) socialWorkerId: string,
    @Query('year', OptionalYearParam) year: number | null,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetWorkerLedgerQuery(socialWorkerId, year, minPosition, caller));
  }
}
