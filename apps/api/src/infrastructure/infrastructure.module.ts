import { DynamicModule, Global, Module, OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { join } from 'node:path';
import { EVENT_STORE, EventStore } from '@sws/event-store';
import { READ_STORE, ReadStore } from '@sws/read-store';
import { Clock, SystemClock } from './clock';
import { CommandExecutor } from './command-executor';
import { ComposedReads } from './composed-read';
import { APP_CONFIG, AppConfig } from './config';
import { IdempotencyStore } from './idempotency.store';
import { ReadModels } from './read-models.service';
import { Records } from './records';
import { openEmbeddedStores } from './stores';
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
    const stores = options.stores ?? openEmbeddedStores(options.config);
    const providers = [
      { provide: APP_CONFIG, useValue: options.config },
      { provide: Clock, useValue: options.clock ?? new SystemClock() },
      { provide: EVENT_STORE, useValue: stores.events },
      { provide: READ_STORE, useValue: stores.readModels },
      { provide: IdempotencyStore, useFactory: () => new IdempotencyStore(join(options.config.dataDir, 'requests.db')) },
      IdempotencyStoreCloser,
      LegacyRecords,
      Reservations,
      PendingReservations,
      CommandExecutor,
      ReadModels,
      Records,
      ComposedReads,
    ];
    return {
      module: InfrastructureModule,
      providers,
      exports: [APP_CONFIG, Clock, EVENT_STORE, READ_STORE, IdempotencyStore, LegacyRecords, Reservations, PendingReservations, CommandExecutor, ReadModels, Records, ComposedReads],
    };
  }
}
