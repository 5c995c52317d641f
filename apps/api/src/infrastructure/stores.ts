import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventTypeRegistry } from '@sws/kernel';
import { EventStore, SqliteEventStore } from '@sws/event-store';
import { ReadStore, SqliteReadStore } from '@sws/read-store';
import { stationsContractsEventTypes } from '@sws/stations-contracts';
import { assessmentEventTypes } from '@sws/assessment';
import { supervisionEventTypes } from '@sws/supervision';
import { trainingEventTypes } from '@sws/training';
import { renewalEventTypes } from '@sws/renewal';
import { AppConfig } from './config';
import { reservationEventTypes } from './reservations/legacy-records';

/** Every event type the service writes or reads, with its schema version. */
export function eventTypeRegistry(): EventTypeRegistry {
  return new EventTypeRegistry([
    ...stationsContractsEventTypes,
    ...assessmentEventTypes,
    ...supervisionEventTypes,
    ...trainingEventTypes,
    ...renewalEventTypes,
    ...reservationEventTypes,
  ]);
}

/** The embedded default: the log and the read models as two SQLite files in one data directory. */
export function openEmbeddedStores(config: Pick<AppConfig, 'dataDir' | 'synchronous'>): {
  events: EventStore;
  readModels: ReadStore;
} {
  mkdirSync(config.dataDir, { recursive: true });
  return {
    events: new SqliteEventStore(join(config.dataDir, 'events.db'), eventTypeRegistry(), {
      synchronous: config.synchronous,
    }),
    readModels: new SqliteReadStore(join(config.dataDir, 'read-models.db')),
  };
}
