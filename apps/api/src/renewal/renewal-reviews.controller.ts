import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { IdParam, MinPositionParam } from '../http/params';
import { Caller, Context } from '../http/request-context.decorator';
import { WriteResponseDto } from '../http/write-response.dto';
import { RequestContext } from '../infrastructure/request-context';
import { CloseRectificationCommand } from './close-rectification/close-rectification.command';
import { CloseRectificationDto } from './close-rectification/close-rectification.dto';
import { GetRenewalReviewQuery } from './get-renewal-review/get-renewal-review.query';
import { OpenRenewalReviewCommand } from './open-renewal-review/open-renewal-review.command';
import { OpenRenewalReviewDto } from './open-renewal-review/open-renewal-review.dto';
import { RecordRenewalDecisionCommand } from './record-renewal-decision/record-renewal-decision.command';
import { RecordRenewalDecisionDto } from './record-renewal-decision/record-renewal-decision.dto';
import { ReportRectificationCommand } from './report-rectification/report-rectification.command';
import { ReportRectificationDto } from './report-rectification/report-rectification.dto';

@ApiTags('renewal')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('renewal-reviews')
export class RenewalReviewsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  /** Procurement of the contract's purchaser opens a review of it, as of a business date. */
  @Post()
  @Roles('procurement')
  @ApiCreatedResponse({ type: WriteResponseDto })
  open(@Body() body: OpenRenewalReviewDto, @Context() context: RequestContext) {
    return this.commands.execute(new OpenRenewalReviewCommand(body, context));
  }

  /** The decision, with the eligibility computed for it stored beside it; a renewal awards the successor contract. */
  @Post(':reviewId/decision')
  @Roles('procurement')
  @ApiCreatedResponse({ type: WriteResponseDto })
  decide(@Param('reviewId', IdParam) reviewId: string, @Body() body: RecordRenewalDecisionDto, @Context() context: RequestContext) {
    return this.commands.execute(new RecordRenewalDecisionCommand(reviewId, body, context));
  }

  @Post(':reviewId/rectification-reports')
  @Roles('operator')
  @ApiCreatedResponse({ type: WriteResponseDto })
  report(@Param('reviewId', IdParam) reviewId: string, @Body() body: ReportRectificationDto, @Context() context: RequestContext) {
    return this.commands.execute(new ReportRectificationCommand(reviewId, body, context));
  }

  @Post(':reviewId/rectification-closure')
  @Roles('procurement')
  @ApiCreatedResponse({ type: WriteResponseDto })
  close(@Param('reviewId', IdParam) reviewId: string, @Body() body: CloseRectificationDto, @Context() context: RequestContext) {
    return this.commands.execute(new CloseRectificationCommand(reviewId, body, context));
  }

  @Get(':reviewId')
  @Roles('admin', 'procurement', 'operator')
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('reviewId', IdParam) reviewId: string,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
    @Caller() caller: Principal,
  ) {
    return this.queries.execute(new GetRenewalReviewQuery(reviewId, minPosition, caller));
  }
}
