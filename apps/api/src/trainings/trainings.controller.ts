import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Principal } from '../auth/principal';
import { readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { Caller, Context } from '../http/request-context.decorator';
import { WriteResponseDto } from '../http/write-response.dto';
import { RequestContext } from '../infrastructure/request-context';
import { AssessTrainingEffectivenessCommand } from './assess-training-effectiveness/assess-training-effectiveness.command';
import { AssessTrainingEffectivenessDto } from './assess-training-effectiveness/assess-training-effectiveness.dto';
import { GetTrainingQuery } from './get-training/get-training.query';
import { RecordTrainingAttendanceCommand } from './record-training-attendance/record-training-attendance.command';
import { RecordTrainingAttendanceDto } from './record-training-attendance/record-training-attendance.dto';
import { RecordTrainingCommand } from './record-training/record-training.command';
import { RecordTrainingDto } from './record-training/record-training.dto';

@ApiTags('trainings')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('trainings')
export class TrainingsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('operator', 'admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  record(@Body() body: RecordTrainingDto, @Context() context: RequestContext) {
    return this.commands.execute(new RecordTrainingCommand(body, context));
  }

  @Post(':trainingId/attendance')
  @Roles('operator', 'admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  attendance(@Param('trainingId', IdParam) trainingId: string, @Body() body: RecordTrainingAttendanceDto, @Context() context: RequestContext) {
    return this.commands.execute(new RecordTrainingAttendanceCommand(trainingId, body, context));
  }

  @Post(':trainingId/effectiveness')
  @Roles('operator', 'admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  effectiveness(
    @Param('trainingId', IdParam) trainingId: string,
    @Body() body: AssessTrainingEffectivenessDto,
    @Context() context: RequestContext,
  ) {
    return this.commands.execute(new AssessTrainingEffectivenessCommand(trainingId, body, context));
  }

  @Get(':trainingId')
  @Roles(...readerRoles('training'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('trainingId', IdParam) trainingId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetTrainingQuery(trainingId, minPosition, caller));
  }
}
