import { DynamicModule, Global, Module, OnApplicationShutdown, Inject, Injectable, Provider } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { READ_STORE, ReadStore } from '@sws/read-store';
import { Clock, SystemClock } from './clock';
import { CommandExecutor } from './command-executor';
import { ComposedReads } from './composed-read';
import { APP_CONFIG, AppConfig } from './config';
import { IdempotencyStore } from './idempotency.store';
import { ReadModels } from './read-models.service';
import { CheckpointReadModels } from './checkpoint-read-models';
import { Records } from './records';
import { EMBEDDED } from './config';
import { openEventStoreDb, openSqliteEventStore, openSqliteReadStore } from './stores';
import { LegacyRecords } from './reservations/legacy-records';
import { Reservations } from './reservations/reservations';
import { PendingReservations } from './reservations/pending-reservations';

export interface InfrastructureOptions {
  readonly config: AppConfig;
  readonly clock?: Clock;
  /** Stores to use instead of the embedded SQLite ones. */
  readonly stores?: { readonly events: EventStore; readonly readModels: ReadStore };
}

@Injectable()
class IdempotencyStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(IdempotencyStore) private readonly store: IdempotencyStore) {}
  onApplicationShutdown(): void {
    this.store.close();
  }
}

/** The stores, the clock and the write and read paths every resource module uses. */
@Global()
@Module({})
export class InfrastructureModule {
  static register(options: InfrastructureOptions): DynamicModule {
    const { config, stores } = options;
    const topology = config.topology ?? EMBEDDED;
    const { events, readModels } = topology;
    // The read models in MongoDB come from their own (global) module, which opens the connection.
    const mongo = !stores && readModels.kind === 'mongodb';
    const storeProviders: Provider[] = stores
      ? [
          { provide: EVENT_STORE, useValue: stores.events },
          { provide: READ_STORE, useValue: stores.readModels },
        ]
      : [
          events.kind === 'sqlite'
            ? { provide: EVENT_STORE, useFactory: () => openSqliteEventStore(config) }
            : { provide: EVENT_STORE, useFactory: () => openEventStoreDb(events.connectionString) },
          ...(readModels.kind === 'sqlite' ? [{ provide: READ_STORE, useFactory: () => openSqliteReadStore(config) }] : []),
        ];
    const providers = [
      { provide: APP_CONFIG, useValue: options.config },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
      ...storeProviders,
      { provide: IdempotencyStore, useFactory: () => new IdempotencyStore(join(options.config.dataDir, 'requests.db')) },
      IdempotencyStoreCloser,
      LegacyRecords,
      Reservations,
      PendingReservations,
      CommandExecutor,
      // PROJECTIONS=off: the same reads, from what the projector committed (every resource injects ReadModels).
      { provide: ReadModels, useClass: (config.projections ?? 'in-process') === 'off' ? CheckpointReadModels : ReadModels },
      Records,
      ComposedReads,
    ];
    return {
      module: InfrastructureModule,
      // Loaded only when configured, so the embedded default never loads mongoose.
      imports: mongo ? [import('./mongo-read-models.module').then((m) => m.MongoReadModelsModule.register(readModels.url))] : [],
      providers,
      exports: [
        APP_CONFIG,
        Clock,
        EVENT_STORE,
        ...(mongo ? [] : [READ_STORE]),
        IdempotencyStore,
        LegacyRecords,
        Reservations,
        PendingReservations,
        CommandExecutor,
        ReadModels,
        Records,
        ComposedReads,
      ],
    };
  }
}
