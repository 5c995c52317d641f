import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiParam, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { RecordNotFound } from '@sws/kernel';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { AccessDenied } from '../auth/access-denied';
import { Principal } from '../auth/principal';
import { Roles } from '../auth/roles.decorator';
import { badField } from '../http/params';
import { Caller } from '../http/request-context.decorator';
import { OptionalField } from '../http/validators';
import { StreamParties } from './stream-parties';

const STREAM = /^([A-Z][A-Za-z]{1,40})-([A-Za-z0-9][A-Za-z0-9._:-]{0,199})$/;

export class StreamEventsQueryDto {
  @ApiPropertyOptional({ default: 0, minimum: 0, description: 'The first revision to return' })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  fromRevision?: number;

  @ApiPropertyOptional({ default: 500, minimum: 1, maximum: 1000 })
  @OptionalField()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}

/**
 * A record's full history, every event with its metadata (who, when it took effect, when it
 * was recorded, which request caused it): the audit trail. For the administrator and for the
 * organizations party to the record.
 */
@ApiTags('audit')
@Controller('streams')
export class AuditController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly parties: StreamParties,
  ) {}

  @Get(':stream/events')
  // People who act for an organization's records; supervisors and social workers read their own ledgers instead.
  @Roles('admin', 'operator', 'procurement', 'evaluator')
  @ApiParam({ name: 'stream', example: 'Contract-0190a0a0-0000-7000-8000-000000000001', description: '<Category>-<id>' })
  @ApiOkResponse({ description: 'The events of the stream in revision order, and the revision to ask for next' })
  async history(@Param('stream') stream: string, @Query() query: StreamEventsQueryDto, @Caller() caller: Principal) {
    const match = STREAM.exec(stream);
    const resolver = match ? this.parties.resolver(match[1]) : undefined;
    if (!match || !resolver) {
      throw badField('stream', `must be <Category>-<id> with a category of ${this.parties.categories().join(', ')}`);
    }
    const [, category, rawId] = match;
    const id = /^[0-9A-F-]{36}$/.test(rawId) ? rawId.toLowerCase() : rawId;
    const parties = await resolver(id);
    const streamId = `${category}-${id}`;
    if (parties === null) throw new RecordNotFound(category, id);
    if (caller.role !== 'admin' && !parties.includes(caller.orgId)) {
      throw new AccessDenied(`organization ${caller.orgId} is not party to ${streamId}`);
    }
    const limit = query.limit ?? 500;
    const events = (await this.events.readStream(streamId, query.fromRevision ?? 0)).slice(0, limit);
    return {
      stream: streamId,
      events: events.map((event) => ({
        revision: event.revision,
        position: event.position,
        type: event.type,
        schemaVersion: event.schemaVersion,
        storedSchemaVersion: event.storedSchemaVersion,
        data: event.data,
        metadata: event.metadata,
      })),
      next: events.length === limit ? events[events.length - 1].revision + 1 : null,
    };
  }
}
