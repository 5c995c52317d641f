import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import { Public } from '../auth/roles.decorator';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { ReadModels } from '../infrastructure/read-models.service';

@ApiTags('health')
@Public()
@SkipThrottle({ ip: true, user: true })
@Controller('health')
export class HealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    private readonly readModels: ReadModels,
  ) {}

  /** Up when the log answers and no projection has stopped; says how far each read model is. */
  @Get()
  async health() {
    const head = await this.events.headPosition();
    const projections = this.readModels.status();
    const status = projections.some((p) => p.failed) ? 'degraded' : 'ok';
    return { status, head, projections };
  }
}
