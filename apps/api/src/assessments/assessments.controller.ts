import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Principal } from '../auth/principal';
import { listScope, readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { listRecords } from '../http/list-records';
import { ObjectBody } from '../http/object-body.pipe';
import { IdParam, MinPositionParam } from '../http/params';
import { Caller, Context } from '../http/request-context.decorator';
import { WriteResponseDto } from '../http/write-response.dto';
import { ReadModels } from '../infrastructure/read-models.service';
import { RequestContext } from '../infrastructure/request-context';
import { AnnulAssessmentCommand } from './annul-assessment/annul-assessment.command';
import { AnnulAssessmentDto } from './annul-assessment/annul-assessment.dto';
import { AssessmentListQueryDto } from './assessment-list-query.dto';
import { AmendAssessmentCommand } from './amend-assessment/amend-assessment.command';
import { AmendAssessmentDto } from './amend-assessment/amend-assessment.dto';
import { FinalizeAssessmentCommand } from './finalize-assessment/finalize-assessment.command';
import { FinalizeAssessmentDto } from './finalize-assessment/finalize-assessment.dto';
import { GetAssessmentQuery } from './get-assessment/get-assessment.query';
import { RespondToAssessmentCommand } from './respond-to-assessment/respond-to-assessment.command';
import { RespondToAssessmentDto } from './respond-to-assessment/respond-to-assessment.dto';
import { ScoreAssessmentItemsCommand } from './score-assessment-items/score-assessment-items.command';
import { ScoreAssessmentItemsDto } from './score-assessment-items/score-assessment-items.dto';
import { StartAssessmentCommand } from './start-assessment/start-assessment.command';
import { StartAssessmentDto } from './start-assessment/start-assessment.dto';
import { SubmitAssessmentCommand } from './submit-assessment/submit-assessment.command';
import { SubmitAssessmentDto } from './submit-assessment/submit-assessment.dto';
import { WithdrawAssessmentCommand } from './withdraw-assessment/withdraw-assessment.command';
import { WithdrawAssessmentDto } from './withdraw-assessment/withdraw-assessment.dto';

/** Who carries an assessment on: the role and organization that started it (checked against the record). */
const ASSESSORS = ['evaluator', 'procurement'] as const;
const IF_MATCH = { name: 'If-Match', required: false, description: 'The revision the client read' };

@ApiTags('assessments')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('assessments')
export class AssessmentsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  @Roles(...readerRoles('assessment'))
  async list(
    @Query() query: AssessmentListQueryDto,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    const scope = listScope(caller, 'assessment');
    await this.readModels.readMany('assessment-detail', [], minPosition); // waits for minPosition, reads nothing
    return listRecords(this.readModels, 'assessment-detail', query, scope);
  }

  /** Starts an assessment for the caller's organization. */
  @Post()
  @Roles(...ASSESSORS)
  @ApiCreatedResponse({ type: WriteResponseDto })
  start(@Body() body: StartAssessmentDto, @Context() context: RequestContext) {
    return this.commands.execute(new StartAssessmentCommand(body, context));
  }

  @Post(':assessmentId/scores')
  @Roles(...ASSESSORS)
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: WriteResponseDto })
  score(@Param('assessmentId', IdParam) assessmentId: string, @Body() body: ScoreAssessmentItemsDto, @Context() context: RequestContext) {
    return this.commands.execute(new ScoreAssessmentItemsCommand(assessmentId, body, context));
  }

  @Post(':assessmentId/submission')
  @Roles(...ASSESSORS)
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: WriteResponseDto })
  submit(@Param('assessmentId', IdParam) assessmentId: string, @Body() body: SubmitAssessmentDto, @Context() context: RequestContext) {
    return this.commands.execute(new SubmitAssessmentCommand(assessmentId, body, context));
  }

  /** The contract's operator responds once, within the response window. */
  @Post(':assessmentId/response')
  @Roles('operator')
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: WriteResponseDto })
  respond(@Param('assessmentId', IdParam) assessmentId: string, @Body() body: RespondToAssessmentDto, @Context() context: RequestContext) {
    return this.commands.execute(new RespondToAssessmentCommand(assessmentId, body, context));
  }

  @Post(':assessmentId/finalization')
  @Roles(...ASSESSORS)
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: WriteResponseDto })
  finalize(@Param('assessmentId', IdParam) assessmentId: string, @Body(ObjectBody) body: FinalizeAssessmentDto, @Context() context: RequestContext) {
    return this.commands.execute(new FinalizeAssessmentCommand(assessmentId, body, context));
  }

  @Post(':assessmentId/amendments')
  @Roles(...ASSESSORS)
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: WriteResponseDto })
  amend(@Param('assessmentId', IdParam) assessmentId: string, @Body() body: AmendAssessmentDto, @Context() context: RequestContext) {
    return this.commands.execute(new AmendAssessmentCommand(assessmentId, body, context));
  }

  @Post(':assessmentId/withdrawal')
  @Roles(...ASSESSORS)
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: WriteResponseDto })
  withdraw(@Param('assessmentId', IdParam) assessmentId: string, @Body() body: WithdrawAssessmentDto, @Context() context: RequestContext) {
    return this.commands.execute(new WithdrawAssessmentCommand(assessmentId, body, context));
  }

  /** The guidance centre annuls a finalized assessment: it never counts again, and stays readable. */
  @Post(':assessmentId/annulment')
  @Roles('admin')
  @ApiHeader(IF_MATCH)
  @ApiCreatedResponse({ type: WriteResponseDto })
  annul(@Param('assessmentId', IdParam) assessmentId: string, @Body() body: AnnulAssessmentDto, @Context() context: RequestContext) {
    return this.commands.execute(new AnnulAssessmentCommand(assessmentId, body, context));
  }

  @Get(':assessmentId')
  @Roles(...readerRoles('assessment'))
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('assessmentId', IdParam) assessmentId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetAssessmentQuery(assessmentId, minPosition, caller));
  }
}
