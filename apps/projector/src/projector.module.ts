import { Controller, DynamicModule, Get, Inject, Module, Provider, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { READ_STORE, ReadStore } from '@sws/read-store';
import { APP_CONFIG, EMBEDDED, ProjectorConfig } from '../../api/src/infrastructure/config';
import { ReadModels } from '../../api/src/infrastructure/read-models.service';
import { openEventStoreDb, openSqliteEventStore, openSqliteReadStore } from '../../api/src/infrastructure/stores';
import { healthReport } from '../../api/src/health/health.controller';

/**
 * The projector's only endpoint: the same report as the API's /health (see healthReport), for the
 * pump this process runs, with `role: 'projector'`: `catching_up` while any read model is behind
 * the head of the log.
 */
@Controller('health')
export class ProjectorHealthController {
  constructor(
    @Inject(EVENT_STORE) private readonly events: EventStore,
    @Inject(READ_STORE) private readonly store: ReadStore,
    @Inject(APP_CONFIG) private readonly config: ProjectorConfig,
    private readonly readModels: ReadModels,
  ) {}

  @Get()
  async health(@Res({ passthrough: true }) reply: FastifyReply) {
    const { statusCode, body } = await healthReport({
      events: this.events,
      store: this.store,
      topology: this.config.topology ?? EMBEDDED,
      readModels: this.readModels,
      judgedByHead: true,
    });
    reply.status(statusCode);
    return { ...body, role: 'projector' };
  }
}

/**
 * The projector: the configured stores and every projection the API keeps (the API's own
 * ReadModels, run here alone, so API processes started with PROJECTIONS=off only read).
 */
@Module({})
export class ProjectorModule {
  static register(config: ProjectorConfig): DynamicModule {
    const { events, readModels } = config.topology ?? EMBEDDED;
    const providers: Provider[] = [
      // ReadModels reads only the stores' settings and READ_WAIT_MS from the API's configuration.
      { provide: APP_CONFIG, useValue: config },
      events.kind === 'sqlite'
        ? { provide: EVENT_STORE, useFactory: () => openSqliteEventStore(config) }
        : { provide: EVENT_STORE, useFactory: () => openEventStoreDb(events.connectionString) },
      ...(readModels.kind === 'sqlite' ? [{ provide: READ_STORE, useFactory: () => openSqliteReadStore(config) }] : []),
      ReadModels,
    ];
    return {
      module: ProjectorModule,
      // Loaded only when configured, as in the API, so the embedded projector never loads mongoose.
      imports:
        readModels.kind === 'mongodb' ? [import('../../api/src/infrastructure/mongo-read-models.module').then((m) => m.MongoReadModelsModule.register(readModels.url))] : [],
      providers,
      controllers: [ProjectorHealthController],
    };
  }
}
