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
import { AttestSupervisionSessionCommand } from './attest-supervision-session/attest-supervision-session.command';
import { AttestSupervisionSessionDto } from './attest-supervision-session/attest-supervision-session.dto';
import { CorrectSupervisionSessionCommand } from './correct-supervision-session/correct-supervision-session.command';
import { CorrectSupervisionSessionDto } from './correct-supervision-session/correct-supervision-session.dto';
import { GetSupervisionSessionQuery } from './get-supervision-session/get-supervision-session.query';
import { LogSupervisionSessionCommand } from './log-supervision-session/log-supervision-session.command';
import { LogSupervisionSessionDto } from './log-supervision-session/log-supervision-session.dto';
import { VoidSupervisionSessionCommand } from './void-supervision-session/void-supervision-session.command';
import { VoidSupervisionSessionDto } from './void-supervision-session/void-supervision-session.dto';

@ApiTags('supervision-sessions')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('supervision-sessions')
export class SupervisionSessionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @Roles('supervisor')
  @ApiCreatedResponse({ type: WriteResponseDto })
  log(@Body() body: LogSupervisionSessionDto, @Context() context: RequestContext) {
    return this.commands.execute(new LogSupervisionSessionCommand(body, context));
  }

  @Post(':sessionId/attestations')
  @Roles('social_worker')
  @ApiCreatedResponse({ type: WriteResponseDto })
  attest(@Param('sessionId', IdParam) sessionId: string, @Body() body: AttestSupervisionSessionDto, @Context() context: RequestContext) {
    return this.commands.execute(new AttestSupervisionSessionCommand(sessionId, body, context));
  }

  @Post(':sessionId/corrections')
  @Roles('supervisor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  correct(@Param('sessionId', IdParam) sessionId: string, @Body() body: CorrectSupervisionSessionDto, @Context() context: RequestContext) {
    return this.commands.execute(new CorrectSupervisionSessionCommand(sessionId, body, context));
  }

  @Post(':sessionId/voiding')
  @Roles('supervisor')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  voidSession(@Param('sessionId', IdParam) sessionId: string, @Body() body: VoidSupervisionSessionDto, @Context() context: RequestContext) {
    return this.commands.execute(new VoidSupervisionSessionCommand(sessionId, body, context));
  }

  @Get(':sessionId')
  @Roles(...readerRoles('supervisionSession'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('sessionId', IdParam) sessionId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetSupervisionSessionQuery(sessionId, minPosition, caller));
  }
}
