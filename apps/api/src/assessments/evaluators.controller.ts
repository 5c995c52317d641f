import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { Caller } from '../http/request-context.decorator';
import { GetEvaluatorConsistencyQuery } from './get-evaluator-consistency/get-evaluator-consistency.query';

@ApiTags('evaluators')
@Controller('evaluators')
export class EvaluatorsController {
  constructor(private readonly queries: QueryBus) {}

  /** For the administrator, procurement, and the evaluator organization itself. */
  @Get(':orgId/consistency')
  @Roles('admin', 'procurement', 'evaluator')
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('orgId', IdParam) orgId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetEvaluatorConsistencyQuery(orgId, minPosition, caller));
  }
}
