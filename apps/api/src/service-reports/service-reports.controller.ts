import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Month } from '@sws/stations-contracts';
import { Principal } from '../auth/principal';
import { readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { MonthParam } from '../http/query-params';
import { Caller, Context } from '../http/request-context.decorator';
import { WriteResponseDto } from '../http/write-response.dto';
import { RequestContext } from '../infrastructure/request-context';
import { GetServiceReportQuery } from './get-service-report/get-service-report.query';
import { RecordSatisfactionSurveyCommand } from './record-satisfaction-survey/record-satisfaction-survey.command';
import { RecordSatisfactionSurveyDto } from './record-satisfaction-survey/record-satisfaction-survey.dto';
import { ReportServiceOutputCommand } from './report-service-output/report-service-output.command';
import { ReportServiceOutputDto } from './report-service-output/report-service-output.dto';

/**
 * One record per station and month, named by both (not by an id the client must learn first):
 * the output report and the satisfaction survey are two facts of that record, so the survey is
 * posted under the reports, not under a report id.
 */
@ApiTags('service-reports')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('service-reports')
export class ServiceReportsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('operator')
  @ApiCreatedResponse({ type: WriteResponseDto, description: "The station's month: the same id for every report of it" })
  report(@Body() body: ReportServiceOutputDto, @Context() context: RequestContext) {
    return this.commands.execute(new ReportServiceOutputCommand(body, context));
  }

  @Post('satisfaction-surveys')
  @Roles('operator')
  @ApiCreatedResponse({ type: WriteResponseDto })
  survey(@Body() body: RecordSatisfactionSurveyDto, @Context() context: RequestContext) {
    return this.commands.execute(new RecordSatisfactionSurveyCommand(body, context));
  }

  @Get()
  @Roles(...readerRoles('serviceReport'))
  @ApiQuery({ name: 'stationId', required: true })
  @ApiQuery({ name: 'month', required: true, example: '2026-03' })
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Query('stationId', IdParam) stationId: string,
    @Query('month', MonthParam) month: Month,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetServiceReportQuery(stationId, month, minPosition, caller));
  }
}
