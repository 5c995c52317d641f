import { Body, Controller, Get, Param, Post, Query } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiHeader, ApiParam, ApiQuery, ApiTags } from '@nestjs/swagger';
import { Position } from '@sws/event-store';
import { readerRoles } from '../auth/read-access';
import { Roles } from '../auth/roles.decorator';
import { listRecords } from '../http/list-records';
import { MinPositionParam } from '../http/params';
import { Context } from '../http/request-context.decorator';
import { WriteResponseDto } from '../http/write-response.dto';
import { ReadModels } from '../infrastructure/read-models.service';
import { RequestContext } from '../infrastructure/request-context';
import { GetRubricQuery } from './get-rubric/get-rubric.query';
import { PublishRubricCommand } from './publish-rubric/publish-rubric.command';
import { PublishRubricDto } from './publish-rubric/publish-rubric.dto';
import { RetireRubricCommand } from './retire-rubric/retire-rubric.command';
import { RetireRubricDto } from './retire-rubric/retire-rubric.dto';
import { RubricCodeParam, RubricListQueryDto, RubricVersionParam } from './rubric-params';

const CODE = { name: 'code', example: 'jinan-station-operations' };
const VERSION = { name: 'version', example: 1 };

@ApiTags('rubrics')
@ApiHeader({ name: 'Idempotency-Key', required: false })
@Controller('rubrics')
export class RubricsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
    private readonly readModels: ReadModels,
  ) {}

  /** Every rubric code with its versions, in code order. */
  @Get()
  @Roles(...readerRoles('rubric'))
  async list(@Query() query: RubricListQueryDto, @Query('minPosition', MinPositionParam) minPosition: Position | null) {
    await this.readModels.readMany('rubric-versions', [], minPosition); // waits for minPosition, reads nothing
    return listRecords(this.readModels, 'rubric-versions', query);
  }

  /** Publishes a rubric version; its id is `<code>.v<version>`. */
  @Post()
  @Roles('admin')
  @ApiCreatedResponse({ type: WriteResponseDto })
  publish(@Body() body: PublishRubricDto, @Context() context: RequestContext) {
    return this.commands.execute(new PublishRubricCommand(body, context));
  }

  @Get(':code/versions/:version')
  @Roles(...readerRoles('rubric'))
  @ApiParam(CODE)
  @ApiParam(VERSION)
  @ApiQuery({ name: 'minPosition', required: false })
  get(
    @Param('code', RubricCodeParam) code: string,
    @Param('version', RubricVersionParam) version: number,
    @Query('minPosition', MinPositionParam) minPosition: Position | null,
  ) {
    return this.queries.execute(new GetRubricQuery(code, version, minPosition));
  }

  @Post(':code/versions/:version/retirement')
  @Roles('admin')
  @ApiParam(CODE)
  @ApiParam(VERSION)
  @ApiHeader({ name: 'If-Match', required: false, description: 'The revision the client read' })
  @ApiCreatedResponse({ type: WriteResponseDto })
  retire(
    @Param('code', RubricCodeParam) code: string,
    @Param('version', RubricVersionParam) version: number,
    @Body() body: RetireRubricDto,
    @Context() context: RequestContext,
  ) {
    return this.commands.execute(new RetireRubricCommand(code, version, body, context));
  }
}
