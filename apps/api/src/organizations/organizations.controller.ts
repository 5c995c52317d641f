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
import { DeclareAffiliationCommand } from './declare-affiliation/declare-affiliation.command';
import { DeclareAffiliationDto } from './declare-affiliation/declare-affiliation.dto';
import { GetOrganizationQuery } from './get-organization/get-organization.query';
import { RegisterOrganizationCommand } from './register-organization/register-organization.command';
import { RegisterOrganizationDto } from './register-organization/register-organization.dto';

@ApiTags('organizations')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('organizations')
export class OrganizationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Roles(...readerRoles('organization'))
  list(@Query() query: ListQueryDto, @Caller() caller: Principal) {
    return listRecords(this.readModels, 'organization-detail', query, listScope(caller, 'organization'));
  }

  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  register(@Body() body: RegisterOrganizationDto, @Context() context: RequestContext) {
    return this.commands.execute(new RegisterOrganizationCommand(body, context));
  }

  @Post(':organizationId/affiliations')
  @Roles('admin', 'evaluator', 'operator', 'procurement')
  @ApiCreatedResponse({ type: WriteResponseDto })
  declareAffiliation(
    @Param('organizationId', IdParam) organizationId: string,
    @Body() body: DeclareAffiliationDto,
    @Context() context: RequestContext,
  ) {
    return this.commands.execute(new DeclareAffiliationCommand(organizationId, body, context));
  }

  @Get(':organizationId')
  @Roles(...readerRoles('organization'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('organizationId', IdParam) organizationId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetOrganizationQuery(organizationId, minPosition, caller));
  }
}
