import { Controller, DynamicModule, Get, Inject, Module, Provider, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { EVENT_STORE, EventStore, Position } from '@sws/event-store';
import { READ_STORE, ReadStore } from '@sws/read-store';
import { APP_CONFIG, EMBEDDED, ProjectorConfig } from '../../api/src/infrastructure/config';
import { ReadModels } from '../../api/src/infrastructure/read-models.service';
import { openEventStoreDb, openSqliteEventStore, openSqliteReadStore } from '../../api/src/infrastructure/stores';
import { probe, PROBE_CHECKPOINT } from '../../api/src/health/health.controller';

/**
 * The projector's only endpoint. 200 `ok` when both stores answer and every read model has
 * reached the head of the log, `catching_up` while one is behind, `degraded` when a projection
 * has stopped; 503 `unavailable` while a store does not answer.
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
    const topology = this.config.topology ?? EMBEDDED;
    const [log, readModels] = await Promise.all([
      probe(topology.events.kind, () => this.events.headPosition()),
      probe(topology.readModels.kind, () => this.store.checkpoint(PROBE_CHECKPOINT)),
    ]);
    const head: Position | null = log.value;
    const projections = this.readModels.status().map((p) => ({
      ...p,
      caughtUp: head === null || (p.position !== null && this.events.comparePositions(p.position, head) >= 0),
    }));
    const reachable = log.health.reachable && readModels.health.reachable;
    const status = !reachable ? 'unavailable' : projections.some((p) => p.failed) ? 'degraded' : projections.some((p) => !p.caughtUp) ? 'catching_up' : 'ok';
    if (!reachable) reply.status(503);
    return { status, role: 'projector', head, projections, stores: { events: log.health, readModels: readModels.health } };
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
